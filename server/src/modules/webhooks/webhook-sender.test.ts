import type { LookupAddress } from 'node:dns';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostResolver, sendWebhook, unreachableMessage } from './webhook-sender.ts';
import { refusedTargetMessage } from './webhook-target.ts';

// Every connection of these tests goes to 127.0.0.1; names are resolved by a fake resolver.
const strict = { allowLoopback: false };
const loose = { allowLoopback: true };
const never = new AbortController().signal;

function listen(server: Server | ReturnType<typeof createServer>): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function hook(url: string) {
  return {
    url,
    secrets: [`whsec_${Buffer.alloc(32, 7).toString('base64')}`],
    id: 'msg_1',
    timestamp: new Date(),
    body: '{"type":"t"}',
  };
}

/** A resolver that answers from a table and counts its calls. */
function resolverOf(table: Record<string, string[]>) {
  const calls: string[] = [];
  const resolve: HostResolver = async (hostname) => {
    calls.push(hostname);
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, calls };
}

describe('sending a webhook', () => {
  const received: IncomingHttpHeaders[] = [];
  const receiver = createServer((req, res) => {
    received.push(req.headers);
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  // Accepts and drops every connection: an open port that never answers HTTP.
  const dropper = createTcpServer((socket) => socket.destroy());
  let port = 0;
  let dropPort = 0;
  let closedPort = 0;
  beforeAll(async () => {
    port = await listen(receiver);
    dropPort = await listen(dropper);
    const closed = createTcpServer();
    closedPort = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await new Promise<void>((resolve) => dropper.close(() => resolve()));
  });

  it('resolves a name once and connects to the address it checked, keeping the name as Host', async () => {
    received.length = 0;
    const dns = resolverOf({ 'hooks.plaza.test': ['127.0.0.1'] });
    const outcome = await sendWebhook(hook(`http://hooks.plaza.test:${port}/in`), never, loose, dns.resolve);
    expect(outcome).toMatchObject({ statusCode: 204, error: null });
    expect(dns.calls).toEqual(['hooks.plaza.test']);
    expect(received).toHaveLength(1);
    expect(received[0]?.host).toBe(`hooks.plaza.test:${port}`);
    expect(received[0]?.['webhook-id']).toBe('msg_1');
  });

  it('never connects when a name resolves to a refused address, or to any refused address', async () => {
    received.length = 0;
    const dns = resolverOf({
      'inside.plaza.test': ['127.0.0.1'],
      'mixed.plaza.test': ['127.0.0.1', '10.0.0.7'],
    });
    for (const [url, rules] of [
      [`http://inside.plaza.test:${port}/in`, strict],
      [`http://mixed.plaza.test:${port}/in`, loose],
    ] as const) {
      expect(await sendWebhook(hook(url), never, rules, dns.resolve), url).toEqual({
        statusCode: null,
        durationMs: 0,
        error: refusedTargetMessage,
      });
    }
    expect(received).toHaveLength(0);
  });

  it('refuses loopback literals without connecting, open port or closed alike', async () => {
    received.length = 0;
    const dns = resolverOf({});
    const open = await sendWebhook(hook(`http://127.1:${port}/in`), never, strict, dns.resolve);
    const closed = await sendWebhook(
      hook(`http://[::ffff:127.0.0.1]:${closedPort}/in`),
      never,
      strict,
      dns.resolve,
    );
    expect(open).toEqual(closed);
    expect(open.error).toBe(refusedTargetMessage);
    expect(received).toHaveLength(0);
    expect(dns.calls).toEqual([]);
  });

  it('records every transport failure in one form: a closed port reads like a dropped connection', async () => {
    const dns = resolverOf({});
    const closed = await sendWebhook(hook(`http://127.0.0.1:${closedPort}/in`), never, loose, dns.resolve);
    const dropped = await sendWebhook(hook(`http://127.0.0.1:${dropPort}/in`), never, loose, dns.resolve);
    const unknown = await sendWebhook(hook('http://nowhere.plaza.test/in'), never, loose, dns.resolve);
    for (const outcome of [closed, dropped, unknown]) {
      expect(outcome).toMatchObject({ statusCode: null, error: unreachableMessage });
    }
  });
});
