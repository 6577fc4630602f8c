import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTarget, type TestTarget, testEngines } from '../../test/support/test-database.ts';
import { type Db, openDatabase } from '../db/database.ts';
import { createMigrator, currentSchema, migrateToLatest } from '../db/migrator.ts';
import { installErrorHandler } from '../http/error-handler.ts';
import {
  type BlobStore,
  BlobTooLargeError,
  blobChunkBytes,
  blobMigrations,
  createDatabaseBlobStore,
  createFileBlobStore,
  sendBlob,
} from './index.ts';

const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// Every store keeps the same promises: files under the data dir, and the database on each engine.
const stores = [
  { kind: 'file', engine: 'sqlite' as const },
  ...testEngines.map((engine) => ({ kind: 'database', engine })),
];

describe.each(stores)('the $kind blob store ($engine)', ({ kind, engine }) => {
  let dir: string;
  let target: TestTarget | undefined;
  let db: Db | undefined;
  let store: BlobStore;
  let app: FastifyInstance;
  /** What Fastify logs at warn and above: a second answer to one request shows here. */
  const logged: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plaza-blobs-'));
    if (kind === 'file') store = createFileBlobStore(dir);
    else {
      target = await createTestTarget(engine);
      db = openDatabase(target.target).db;
      await migrateToLatest(
        createMigrator(db, [blobMigrations], engine === 'postgres' ? await currentSchema(db) : undefined),
      );
      store = createDatabaseBlobStore(db, { now: () => Date.UTC(2026, 11, 7) });
    }
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
    await db?.destroy();
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

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
    expect(await store.size(sha(big))).toBeUndefined();
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

  it('reads ranges across chunk boundaries, and a blob stored twice at once is kept once', async () => {
    // Three and a half chunks of the database store; one file of the file store.
    const large = Buffer.alloc(Math.floor(blobChunkBytes * 3.5));
    for (let i = 0; i < large.length; i++) large[i] = (i * 7 + (i >> 11)) % 256;
    const stored = await Promise.all([
      store.put(large),
      store.put(Readable.from([large.subarray(0, 5000), large.subarray(5000)])),
    ]);
    expect(stored[0]).toEqual({ sha256: sha(large), size: large.length });
    expect(stored[1]).toEqual(stored[0]);
    const start = blobChunkBytes - 3;
    const end = blobChunkBytes * 2 + 5;
    const ranged = await app.inject({
      url: `/blob/${sha(large)}`,
      headers: { range: `bytes=${start}-${end}` },
    });
    expect(ranged.rawPayload.equals(large.subarray(start, end + 1))).toBe(true);
    const whole = await app.inject(`/blob/${sha(large)}`);
    expect(whole.rawPayload.equals(large)).toBe(true);
    if (db) {
      // The second copy's chunks are gone: one blob's worth of chunks remains.
      const { count } = await db
        .selectFrom('blob_chunks')
        .select((e) => e.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      expect(Number(count)).toBe(4 + 1); // the large blob's 4 chunks and the small one's
    }
  });

  it('deletes a blob and all its bytes', async () => {
    const once = Buffer.from('delete me');
    const { sha256 } = await store.put(once);
    expect(await text(store.read(sha256))).toBe('delete me');
    await store.delete(sha256);
    expect(await store.size(sha256)).toBeUndefined();
    expect((await app.inject(`/blob/${sha256}`)).statusCode).toBe(404);
    await store.delete(sha256);
  });
});
