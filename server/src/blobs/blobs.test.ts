import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from '../http/error-handler.ts';
import { type BlobStore, BlobTooLargeError, createFileBlobStore, sendBlob } from './index.ts';

let dir: string;
let store: BlobStore;
let app: FastifyInstance;
/** What Fastify logs at warn and above: a second answer to one request shows here. */
const logged: string[] = [];
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plaza-blobs-'));
  store = createFileBlobStore(dir);
  app = Fastify({ logger: { level: 'warn', stream: { write: (line: string) => logged.push(line) } } });
  installErrorHandler(app);
  app.get('/blob/:id', async (req, reply) => {
    const sent = await sendBlob(req, reply, store, {
      sha256: (req.params as { id: string }).id,
      contentType: 'video/mp4',
    });
    return sent ? reply : reply.code(404).send({ error: { code: 'X', message: 'no' } });
  });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the blob store', () => {
  it('addresses content by its sha256 and deduplicates', async () => {
    const a = await store.put(bytes);
    const b = await store.put(Readable.from([bytes.subarray(0, 500), bytes.subarray(500)]));
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toEqual(a);
    expect(await store.size(a.sha256)).toBe(1000);
  });

  it('refuses an upload past the limit and keeps nothing', async () => {
    const big = Buffer.alloc(2048, 7);
    await expect(store.put(big, { maxBytes: 1024 })).rejects.toBeInstanceOf(BlobTooLargeError);
    const { createHash } = await import('node:crypto');
    expect(await store.size(createHash('sha256').update(big).digest('hex'))).toBeUndefined();
  });

  it('serves byte ranges so video seeking works', async () => {
    const { sha256 } = await store.put(bytes);
    const whole = await app.inject(`/blob/${sha256}`);
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(bytes)).toBe(true);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['cache-control']).toContain('immutable');

    const part = await app.inject({ url: `/blob/${sha256}`, headers: { range: 'bytes=100-199' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100-199/1000');
    expect(part.rawPayload.equals(bytes.subarray(100, 200))).toBe(true);

    const tail = await app.inject({ url: `/blob/${sha256}`, headers: { range: 'bytes=-10' } });
    expect(tail.rawPayload.equals(bytes.subarray(990))).toBe(true);

    const outside = await app.inject({ url: `/blob/${sha256}`, headers: { range: 'bytes=5000-6000' } });
    expect(outside.statusCode).toBe(416);
    expect(outside.json().error.code).toBe('HTTP_RANGE_NOT_SATISFIABLE');

    const cached = await app.inject({ url: `/blob/${sha256}`, headers: { 'if-none-match': `"${sha256}"` } });
    expect(cached.statusCode).toBe(304);
  });

  it('answers each request once, whole, ranged, cached or missing', async () => {
    const { sha256 } = await store.put(bytes);
    logged.length = 0;
    await app.inject(`/blob/${sha256}`);
    await app.inject({ url: `/blob/${sha256}`, headers: { range: 'bytes=0-9' } });
    await app.inject({ url: `/blob/${sha256}`, headers: { 'if-none-match': `"${sha256}"` } });
    expect((await app.inject(`/blob/${'0'.repeat(64)}`)).statusCode).toBe(404);
    expect(logged).toEqual([]);
  });

  it('does not serve what is not a blob id', async () => {
    expect((await app.inject('/blob/..%2F..%2Fetc%2Fpasswd')).statusCode).toBe(404);
  });
});
