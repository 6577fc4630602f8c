import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { minOrderCents, priceOrder } from '../../server/src/menu.ts';
import { callbackSignature, DouyinError, douyinApi } from './douyin-api.ts';

export interface DouyinMerchantConfig {
  /** Douyin's base URL: `https://developer.toutiao.com` there, `<plaza>/compat/douyin` here. */
  douyinBaseUrl: string;
  appid: string;
  secret: string;
  /** The payment SALT and callback token from the platform's payment settings. */
  salt: string;
  callbackToken: string;
  deliveryMs: number;
}

/** An order as the shop keeps it (the same shape as the other takeout server's). */
export interface ShopOrder {
  orderId: string;
  outOrderNo: string;
  openid: string;
  totalCents: number;
  status: 'awaiting_payment' | 'paid' | 'delivered' | 'settled';
  /** Douyin callback types received: `payment`, `settle`, `refund`. */
  events: string[];
}

/**
 * The takeout shop's server written as a Douyin merchant writes one: Node's http module,
 * Douyin's code2session, ecpay create_order and settle with the request sign, callbacks
 * checked with msg_signature and acknowledged with `{"err_no":0,"err_tips":"success"}`.
 * It speaks the same small API to the mini program as the other takeout server.
 */
export function createDouyinMerchantServer(config: DouyinMerchantConfig): {
  server: Server;
  orders: Map<string, ShopOrder>;
} {
  const douyin = douyinApi({
    baseUrl: config.douyinBaseUrl,
    appid: config.appid,
    secret: config.secret,
    salt: config.salt,
  });
  const sessionKey = randomBytes(32);
  const orders = new Map<string, ShopOrder>();
  const byOutNo = new Map<string, ShopOrder>();

  const sessionToken = (openid: string) => {
    const payload = Buffer.from(openid).toString('base64url');
    return `${payload}.${createHmac('sha256', sessionKey).update(payload).digest('base64url')}`;
  };
  const openidOf = (authorization: string | undefined) => {
    const [payload, mac] = (authorization ?? '').replace(/^Bearer\s+/i, '').split('.');
    if (!payload || !mac) return undefined;
    const want = Buffer.from(createHmac('sha256', sessionKey).update(payload).digest('base64url'));
    const got = Buffer.from(mac);
    return want.length === got.length && timingSafeEqual(want, got)
      ? Buffer.from(payload, 'base64url').toString()
      : undefined;
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type, authorization',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
    });
    res.end(JSON.stringify(body));
  };
  const fail = (res: ServerResponse, status: number, code: string, message: string) =>
    send(res, status, { error: { code, message } });
  const readJson = async (req: IncomingMessage): Promise<Record<string, unknown> | undefined> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };

  const settleLater = (order: ShopOrder) => {
    setTimeout(() => {
      order.status = 'delivered';
      douyin.settle(order.outOrderNo, `${order.outOrderNo}-S`).then(
        () => {
          order.status = 'settled';
        },
        (error: unknown) => process.stderr.write(`settle ${order.outOrderNo} failed: ${String(error)}\n`),
      );
    }, config.deliveryMs).unref();
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'OPTIONS') return send(res, 204, {});
    if (req.method === 'GET' && path === '/healthz') return send(res, 200, { status: 'ok' });
    if (req.method === 'GET' && path === '/orders') return send(res, 200, { orders: [...orders.values()] });

    if (req.method === 'POST' && path === '/api/session') {
      const body = await readJson(req);
      if (typeof body?.code !== 'string') return fail(res, 400, 'bad_request', 'code is required');
      try {
        const session = await douyin.code2session(body.code);
        return send(res, 200, { token: sessionToken(session.openid) });
      } catch (error) {
        if (error instanceof DouyinError) return fail(res, 401, 'login_failed', 'Login failed');
        throw error;
      }
    }

    if (req.method === 'POST' && path === '/api/orders') {
      const openid = openidOf(req.headers.authorization);
      if (!openid) return fail(res, 401, 'unauthenticated', 'Log in first');
      const body = await readJson(req);
      const items = Array.isArray(body?.items)
        ? (body.items as Array<{ dishId: string; quantity: number }>)
        : [];
      const valid =
        items.length > 0 &&
        items.length <= 50 &&
        items.every(
          (i) =>
            typeof i?.dishId === 'string' &&
            Number.isInteger(i.quantity) &&
            i.quantity >= 1 &&
            i.quantity <= 99,
        );
      if (!valid) return fail(res, 400, 'bad_request', 'The order is malformed');
      const priced = priceOrder(items);
      if ('unknown' in priced) return fail(res, 400, 'unknown_dish', `No dish ${priced.unknown}`);
      if (priced.total < minOrderCents)
        return fail(res, 400, 'below_minimum', 'The order is below the minimum');
      if (priced.total !== body?.totalCents)
        return fail(res, 409, 'price_changed', 'Prices changed: please review your cart');
      const outOrderNo = `DY${Date.now().toString(36)}${randomBytes(3).toString('hex')}`.toUpperCase();
      const first = priced.lines[0]?.name ?? 'Takeout';
      const created = await douyin.createOrder({
        outOrderNo,
        totalAmount: priced.total,
        subject: priced.lines.length === 1 ? first : `${first} and ${priced.lines.length - 1} more`,
        body: typeof body?.remark === 'string' && body.remark ? body.remark.slice(0, 128) : 'Takeout',
        cpExtra: openid,
      });
      const order: ShopOrder = {
        orderId: created.order_id,
        outOrderNo,
        openid,
        totalCents: priced.total,
        status: 'awaiting_payment',
        events: [],
      };
      orders.set(order.orderId, order);
      byOutNo.set(outOrderNo, order);
      return send(res, 200, {
        orderId: created.order_id,
        orderToken: created.order_token,
        totalCents: priced.total,
      });
    }

    if (req.method === 'POST' && path === '/douyin/callback') {
      const body = await readJson(req);
      const [timestamp, nonce, msg, type, signature] = [
        'timestamp',
        'nonce',
        'msg',
        'type',
        'msg_signature',
      ].map((k) => String(body?.[k] ?? ''));
      if (!msg || callbackSignature(config.callbackToken, timestamp ?? '', nonce ?? '', msg) !== signature)
        return send(res, 200, { err_no: 1, err_tips: 'bad msg_signature' });
      const message = JSON.parse(msg) as { cp_orderno?: string; order_id?: string; status?: string };
      const order =
        (message.cp_orderno && byOutNo.get(message.cp_orderno)) ||
        (message.order_id && orders.get(message.order_id)) ||
        undefined;
      if (order && type && !order.events.includes(type)) order.events.push(type);
      if (
        order &&
        type === 'payment' &&
        message.status === 'SUCCESS' &&
        order.status === 'awaiting_payment'
      ) {
        order.status = 'paid';
        settleLater(order);
      }
      if (order && type === 'settle') order.status = 'settled';
      return send(res, 200, { err_no: 0, err_tips: 'success' });
    }
    return fail(res, 404, 'not_found', 'No such route');
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      process.stderr.write(`request failed: ${String(error)}\n`);
      if (!res.headersSent) fail(res, 502, 'upstream_failed', 'Try again');
    });
  });
  return { server, orders };
}
