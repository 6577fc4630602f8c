import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlazaApiError, PlazaClient, verifyWebhook, WebhookSignatureError } from './index.ts';

// A stand-in Plaza server that records what the SDK sends and answers as scripted.
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}
let seen: Seen[] = [];
let script: Array<(s: Seen) => { status: number; body: unknown }> = [];
let tokensIssued = 0;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const s: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: raw ? JSON.parse(raw) : undefined,
      };
      seen.push(s);
      let answer: { status: number; body: unknown };
      if (s.url === '/api/oauth/client_token') {
        tokensIssued += 1;
        answer = {
          status: 200,
          body: { access_token: `pzt_${tokensIssued}`, token_type: 'Bearer', expires_in: 7200 },
        };
      } else {
        answer = script.shift()?.(s) ?? {
          status: 500,
          body: { error: { code: 'HTTP_INTERNAL', message: 'unscripted' } },
        };
      }
      res.writeHead(answer.status, { 'content-type': 'application/json', 'x-request-id': 'req-1' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen = [];
  script = [];
  tokensIssued = 0;
});

const client = (now = () => Date.now()) =>
  new PlazaClient({ baseUrl, appid: 'tt1', secret: 's3cret', backoffMs: 1, now });

const order = { order_id: 'ord_1', out_order_no: 'A1', status: 'created', order_token: 'otk' };

describe('PlazaClient', () => {
  it('exchanges a login code with appid and secret', async () => {
    script.push(() => ({ status: 200, body: { openid: 'o1', unionid: 'u1', session_key: 'k' } }));
    const session = await client().code2session('c0de');
    expect(session.openid).toBe('o1');
    expect(seen[0]?.body).toEqual({ appid: 'tt1', secret: 's3cret', code: 'c0de' });
  });

  it('gets a client token once and reuses it', async () => {
    const c = client();
    script.push(
      () => ({ status: 200, body: order }),
      () => ({ status: 200, body: order }),
    );
    await c.orders.get('ord_1');
    await c.orders.get('ord_1');
    expect(tokensIssued).toBe(1);
    expect(seen.filter((s) => s.url.startsWith('/api/payments'))[1]?.headers.authorization).toBe(
      'Bearer pzt_1',
    );
  });

  it('refreshes the token before it expires', async () => {
    let t = 0;
    const c = client(() => t);
    script.push(
      () => ({ status: 200, body: order }),
      () => ({ status: 200, body: order }),
    );
    await c.orders.get('ord_1');
    t += 7200_000 - 60_000;
    await c.orders.get('ord_1');
    expect(tokensIssued).toBe(2);
  });

  it('refreshes once when the platform no longer knows the token', async () => {
    script.push(
      () => ({ status: 401, body: { error: { code: 'HTTP_INVALID_CREDENTIALS', message: 'expired' } } }),
      (s) => ({ status: 200, body: { ...order, auth: s.headers.authorization } }),
    );
    const got = (await client().orders.get('ord_1')) as unknown as { auth: string };
    expect(got.auth).toBe('Bearer pzt_2');
  });

  it('retries a 503 with the same Idempotency-Key, so the order is created once', async () => {
    script.push(
      () => ({ status: 503, body: { error: { code: 'HTTP_UNAVAILABLE', message: 'busy' } } }),
      () => ({ status: 201, body: order }),
    );
    const created = await client().orders.create({
      out_order_no: 'A1',
      openid: 'o',
      total_amount: 100,
      currency: 'CNY',
      subject: 's',
    });
    expect(created.order_id).toBe('ord_1');
    const posts = seen.filter((s) => s.url === '/api/payments/orders');
    expect(posts).toHaveLength(2);
    expect(posts[0]?.headers['idempotency-key']).toBe('order:A1');
    expect(posts[1]?.headers['idempotency-key']).toBe('order:A1');
  });

  it('does not retry a refusal and surfaces the code', async () => {
    script.push(() => ({ status: 409, body: { error: { code: 'PAYMENT_ORDER_EXISTS', message: 'dup' } } }));
    const error = await client()
      .orders.create({ out_order_no: 'A1', openid: 'o', total_amount: 100, currency: 'CNY', subject: 's' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlazaApiError);
    expect((error as PlazaApiError).code).toBe('PAYMENT_ORDER_EXISTS');
    expect((error as PlazaApiError).requestId).toBe('req-1');
    expect(seen.filter((s) => s.url === '/api/payments/orders')).toHaveLength(1);
  });
});

describe('verifyWebhook', () => {
  const secret = `whsec_${Buffer.from('a-very-secret-signing-key-32byte').toString('base64')}`;
  const body = JSON.stringify({
    type: 'payment.paid',
    appid: 'tt1',
    timestamp: new Date().toISOString(),
    data: { order_id: 'ord_1' },
  });
  const sign = (at: Date, payload = body) => ({
    'webhook-id': 'msg_1',
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign('msg_1', at, payload),
  });

  it('accepts what Plaza signed', () => {
    const event = verifyWebhook(secret, sign(new Date()), body);
    expect(event.type).toBe('payment.paid');
    expect(event.id).toBe('msg_1');
  });

  it('refuses a tampered body, a wrong secret, an old timestamp and missing headers', () => {
    const headers = sign(new Date());
    expect(() => verifyWebhook(secret, headers, body.replace('ord_1', 'ord_2'))).toThrow(
      WebhookSignatureError,
    );
    const other = `whsec_${Buffer.from('another-secret-signing-key-32byt').toString('base64')}`;
    expect(() => verifyWebhook(other, headers, body)).toThrow(WebhookSignatureError);
    expect(() => verifyWebhook(secret, sign(new Date(Date.now() - 3600_000)), body)).toThrow(
      WebhookSignatureError,
    );
    expect(() => verifyWebhook(secret, {}, body)).toThrow(WebhookSignatureError);
  });
});
