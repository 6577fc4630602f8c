import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../app.ts';
import { createLogger } from '../logging/logger.ts';
import type { Authenticator } from './access.ts';
import { bearerToken } from './access.ts';
import { httpErrors } from './errors.ts';

// The infrastructure every route inherits, exercised over real HTTP with a tiny module.
const logLines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    logLines.push(String(chunk));
    done();
  },
});

const stored: unknown[] = [];
const authenticate: Authenticator = async (request) => {
  const token = bearerToken(request);
  if (token === undefined) return undefined;
  if (token === 'dev-token')
    return { kind: 'account', accountId: 'acc_1', operator: false, sessionId: 's', via: 'bearer' };
  if (token === 'user-token') return { kind: 'user', userId: 'usr_1', sessionId: 's', via: 'bearer' };
  throw httpErrors.INVALID_CREDENTIALS();
};

async function testModule(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/items',
    {
      config: { access: ['developer'], rateLimit: { max: 1000, timeWindow: 60_000 } },
      schema: {
        body: z.strictObject({ name: z.string().min(1).max(50), amount: z.number().int().safe().min(1) }),
        response: { 201: z.object({ stored: z.number() }) },
      },
    },
    async (req, reply) => {
      stored.push(req.body);
      return reply.code(201).send({ stored: stored.length });
    },
  );
  r.get('/api/undeclared', async () => ({ leaked: true }));
  r.get('/api/boom', { config: { access: ['anonymous'] } }, async () => {
    throw new Error('relation "secret_table" does not exist at /srv/plaza/db.ts:42');
  });
  r.get(
    '/api/limited',
    { config: { access: ['anonymous'], rateLimit: { max: 2, timeWindow: 60_000 } } },
    async () => ({ ok: true }),
  );
}

let app: FastifyInstance;
let base: string;
beforeAll(async () => {
  app = await buildApp({
    logger: createLogger('info', sink),
    bodyLimit: 1024,
    publicUrl: 'http://127.0.0.1',
    authenticators: [authenticate],
    modules: async (a) => a.register(testModule),
  });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => app.close());

async function send(
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: any }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          json: text ? JSON.parse(text) : undefined,
        });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

const json = { 'content-type': 'application/json', authorization: 'Bearer dev-token' };

describe('the HTTP envelope for bad input', () => {
  it('answers an unknown route with 404 and the envelope, with a request id', async () => {
    const res = await send('GET', '/nowhere');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('HTTP_NOT_FOUND');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a sane request id the caller sent', async () => {
    const res = await send('GET', '/nowhere', undefined, { 'x-request-id': 'trace-abc.123' });
    expect(res.headers['x-request-id']).toBe('trace-abc.123');
  });

  it('accepts a valid body', async () => {
    const res = await send('POST', '/api/items', JSON.stringify({ name: 'tea', amount: 300 }), json);
    expect(res.status).toBe(201);
    expect(res.json.stored).toBe(stored.length);
  });

  const bad: Array<[string, string | Buffer, Record<string, string>, number, string]> = [
    ['malformed JSON', '{"name": "tea", ', json, 400, 'HTTP_MALFORMED_JSON'],
    ['an empty JSON body', '', json, 400, 'HTTP_MALFORMED_JSON'],
    ['a wrong type', JSON.stringify({ name: 'tea', amount: '300' }), json, 400, 'HTTP_VALIDATION'],
    [
      'an unknown field',
      JSON.stringify({ name: 'tea', amount: 3, admin: true }),
      json,
      400,
      'HTTP_VALIDATION',
    ],
    ['a fractional amount', JSON.stringify({ name: 'tea', amount: 3.5 }), json, 400, 'HTTP_VALIDATION'],
    ['a huge number', '{"name":"tea","amount":123456789012345678901234567890}', json, 400, 'HTTP_VALIDATION'],
    [
      'a prototype-polluting key',
      '{"name":"tea","amount":1,"__proto__":{"admin":true}}',
      json,
      400,
      'HTTP_MALFORMED_JSON',
    ],
    [
      'invalid UTF-8',
      Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      json,
      400,
      'HTTP_INVALID_UTF8',
    ],
    [
      'an oversized body',
      JSON.stringify({ name: 'x'.repeat(2000), amount: 1 }),
      json,
      413,
      'HTTP_PAYLOAD_TOO_LARGE',
    ],
    [
      'a wrong content type',
      'name=tea',
      { ...json, 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'HTTP_UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'no credentials',
      JSON.stringify({ name: 'tea', amount: 1 }),
      { 'content-type': 'application/json' },
      401,
      'HTTP_UNAUTHENTICATED',
    ],
    [
      'a forged token',
      JSON.stringify({ name: 'tea', amount: 1 }),
      { ...json, authorization: 'Bearer forged' },
      401,
      'HTTP_INVALID_CREDENTIALS',
    ],
    [
      'a malformed Authorization header',
      JSON.stringify({ name: 'tea', amount: 1 }),
      { ...json, authorization: 'Basic abc' },
      401,
      'HTTP_INVALID_CREDENTIALS',
    ],
    [
      'the wrong kind of principal',
      JSON.stringify({ name: 'tea', amount: 1 }),
      { ...json, authorization: 'Bearer user-token' },
      403,
      'HTTP_FORBIDDEN',
    ],
  ];
  it.each(bad)('refuses %s and stores nothing', async (_name, body, headers, status, code) => {
    const before = stored.length;
    const res = await send('POST', '/api/items', body, headers);
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(typeof res.json.error.message).toBe('string');
    expect(stored.length).toBe(before);
  });

  it('lists every validation problem in details', async () => {
    const res = await send('POST', '/api/items', JSON.stringify({ name: '', amount: -1, extra: 1 }), json);
    expect(res.status).toBe(400);
    expect(Array.isArray(res.json.error.details)).toBe(true);
    expect(res.json.error.details.length).toBeGreaterThanOrEqual(2);
  });

  it('denies a route that declares no access, to everyone', async () => {
    expect((await send('GET', '/api/undeclared')).status).toBe(401);
    expect(
      (await send('GET', '/api/undeclared', undefined, { authorization: 'Bearer dev-token' })).status,
    ).toBe(403);
  });

  it('renders an unexpected failure as 500 without its message, stack or SQL', async () => {
    const res = await send('GET', '/api/boom');
    expect(res.status).toBe(500);
    expect(res.json).toEqual({
      error: { code: 'HTTP_INTERNAL', message: 'Something went wrong on our side' },
    });
  });

  it('rate-limits with 429, the envelope and Retry-After', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof send>> | undefined;
    for (let i = 0; i < 4; i++) {
      last = await send('GET', '/api/limited');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(last?.json.error.code).toBe('HTTP_RATE_LIMITED');
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('never writes a credential into the log', async () => {
    await send('POST', '/api/items', JSON.stringify({ name: 'tea', amount: 1 }), json);
    const all = logLines.join('');
    expect(all).toContain('reqId');
    expect(all).not.toContain('dev-token');
  });
});
