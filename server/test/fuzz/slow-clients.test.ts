import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform } from '../support/test-platform.ts';
import type { TestPlatform } from './fuzz-world.ts';
import { conventionProblem } from './refusal-envelope.ts';

/** Everything here talks to the platform on loopback only, with bounded counts and times. */
describe('slow and abusive clients on loopback', () => {
  let t: TestPlatform;
  let base: URL;
  const timeoutMs = 2_000;
  beforeAll(async () => {
    t = await startTestPlatform('sqlite', { env: { PLAZA_REQUEST_TIMEOUT_MS: String(timeoutMs) } });
    base = new URL(await t.listen());
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  /** Opens a connection and sends the start of a request whose body never comes. */
  function unfinishedRequest(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect(Number(base.port), base.hostname, () => {
        socket.write(
          'POST /api/accounts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
            'Content-Length: 100000\r\n\r\n{"email":',
        );
        resolve(socket);
      });
      socket.on('error', reject);
    });
  }

  /** Resolves with what the server sent once it closes the connection, or "open" after `ms`. */
  function closedWithin(socket: Socket, ms: number): Promise<string> {
    return new Promise((resolve) => {
      let received = '';
      const timer = setTimeout(() => resolve('open'), ms);
      socket.on('data', (d) => {
        received += d.toString('latin1');
      });
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(received);
      });
    });
  }

  it('answers others while a body never finishes, and cuts that request off after the timeout', async () => {
    const sockets = await Promise.all(Array.from({ length: 20 }, unfinishedRequest));
    const closed = sockets.map((s) => closedWithin(s, timeoutMs * 6));
    try {
      const stillOpen = sockets.map(() => true);
      for (const [i, socket] of sockets.entries()) {
        socket.on('close', () => {
          stillOpen[i] = false;
        });
      }
      const health = await fetch(new URL('/healthz', base));
      expect(health.status).toBe(200);
      // Answered while every stuck request still held its connection, not after they were cut.
      expect(stillOpen.every(Boolean)).toBe(true);
      for (const outcome of await Promise.all(closed)) {
        expect(outcome).not.toBe('open');
        expect(outcome).toMatch(/^HTTP\/1\.1 408 /);
        expect(JSON.parse(outcome.slice(outcome.indexOf('\r\n\r\n') + 4))).toEqual({
          error: { code: 'HTTP_REQUEST_TIMEOUT', message: expect.any(String) },
        });
      }
    } finally {
      for (const s of sockets) s.destroy();
    }
  }, 30_000);

  it('answers headers over the limit and bytes that are not HTTP in the envelope, and closes', async () => {
    const raw = async (text: string) => {
      const socket = connect(Number(base.port), base.hostname);
      socket.write(text);
      return closedWithin(socket, 5_000);
    };
    const huge = await raw(
      `GET /healthz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'A'.repeat(20_000)}\r\n\r\n`,
    );
    expect(huge).toMatch(/^HTTP\/1\.1 431 [\s\S]*"HTTP_HEADERS_TOO_LARGE"/);
    const garbage = await raw('\u0000\u0001 NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 [\s\S]*"HTTP_BAD_REQUEST"/);
    expect((await fetch(new URL('/healthz', base))).status).toBe(200);
  });

  it('answers methods no route has (and ones HTTP does not know) in the envelope', async () => {
    const replies = await Promise.all(
      ['OPTIONS', 'PUT', 'PATCH', 'TRACE', 'PROPFIND'].map((method) =>
        send(method, '/api/orgs', { 'content-type': 'application/json' }, '{}'),
      ),
    );
    for (const r of replies) expect(conventionProblem(r.status, r.type, r.body)).toBeUndefined();
    // A HEAD reply has no body to check; its status still says what GET would.
    expect((await send('HEAD', '/api/orgs', {}, '')).status).toBe(401);
    const socket = connect(Number(base.port), base.hostname);
    socket.write('FOO /api/orgs HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await closedWithin(socket, 5_000)).toMatch(/^HTTP\/1\.1 400 [\s\S]*"HTTP_BAD_REQUEST"/);
  });

  /** One request over a fresh loopback connection; its status, content type and body. */
  function send(method: string, path: string, headers: Record<string, string>, body: string | Buffer) {
    return new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: base.hostname, port: base.port, method, path, headers, agent: false },
        (res) => {
          let text = '';
          res.on('data', (d) => {
            text += d;
          });
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: text }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('survives 200 concurrent malformed requests, each answered under 500 in the envelope', async () => {
    const json = { 'content-type': 'application/json' };
    const kinds: Array<[string, string, Record<string, string>, string | Buffer]> = [
      ['POST', '/api/accounts', json, '{"email": '],
      ['POST', '/api/accounts', json, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
      ['POST', '/api/sessions', json, `{"__proto__":{"a":1}}`],
      ['POST', '/api/orgs', { ...json, authorization: `Bearer pzs_${'A'.repeat(10_000)}` }, '{}'],
      ['POST', '/api/feed/events', json, `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
      ['POST', '/api/users/otp', { 'content-type': 'multipart/form-data; boundary=x' }, '--x--\r\n'],
      ['GET', '/api/orgs/%ff', {}, ''],
      ['POST', '/api/accounts', { 'content-type': 'text/plain' }, 'hello'],
    ];
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        const [method, path, headers, body] = kinds[i % kinds.length] as (typeof kinds)[number];
        return send(method, path, headers, body);
      }),
    );
    const problems = replies
      .map((r) => conventionProblem(r.status, r.type, r.body))
      .filter((p) => p !== undefined);
    expect(problems).toEqual([]);
    expect(replies.every((r) => r.status >= 400 && r.status < 500)).toBe(true);
    expect((await fetch(new URL('/healthz', base))).status).toBe(200);
  }, 30_000);
});
