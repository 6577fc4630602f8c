import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../db/database.ts';
import { type BlobStore, blobMeter, hashPattern } from './blob-store.ts';

/** Bytes per stored chunk: a range read fetches only the chunks it covers. */
export const blobChunkBytes = 1024 * 1024;

/**
 * The blob store in the database, for PostgreSQL deployments of several processes (or
 * machines): what one process stored, every other serves. Bytes go in as chunks under the
 * upload's own key while they are hashed; the blob row that names them is written last, so
 * a reader never sees half a blob, and the same bytes stored twice at once keep one copy.
 */
export function createDatabaseBlobStore(db: Db, clock: { now(): number }): BlobStore {
  const dropChunks = (uploadKey: string) =>
    db.deleteFrom('blob_chunks').where('upload_key', '=', uploadKey).execute();
  const rowOf = (sha256: string) =>
    db.selectFrom('blobs').select(['upload_key', 'size']).where('sha256', '=', sha256).executeTakeFirst();

  return {
    async put(source, options = {}) {
      const max = options.maxBytes ?? Number.POSITIVE_INFINITY;
      const uploadKey = randomBytes(12).toString('hex');
      let seq = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async (all: boolean) => {
        let joined = Buffer.concat(pending);
        pending = [];
        pendingBytes = 0;
        while (joined.length >= blobChunkBytes || (all && joined.length > 0)) {
          const bytes = joined.subarray(0, blobChunkBytes);
          joined = joined.subarray(bytes.length);
          await db.insertInto('blob_chunks').values({ upload_key: uploadKey, seq: seq++, bytes }).execute();
        }
        if (joined.length > 0) {
          pending = [joined];
          pendingBytes = joined.length;
        }
      };
      const meter = blobMeter(max);
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes < blobChunkBytes) return done();
          flush(false).then(() => done(), done);
        },
        final(done) {
          flush(true).then(() => done(), done);
        },
      });
      try {
        const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
        await pipeline(input, meter, sink);
        const { sha256, size } = meter.result();
        await db
          .insertInto('blobs')
          .values({ sha256, upload_key: uploadKey, size, created_at: clock.now() })
          .onConflict((c) => c.column('sha256').doNothing())
          .execute();
        // Stored before (or by a concurrent put of the same bytes): keep the first copy only.
        if ((await rowOf(sha256))?.upload_key !== uploadKey) await dropChunks(uploadKey);
        return { sha256, size };
      } catch (error) {
        await dropChunks(uploadKey);
        throw error;
      }
    },
    async size(sha256) {
      if (!hashPattern.test(sha256)) return undefined;
      const row = await rowOf(sha256);
      return row === undefined ? undefined : Number(row.size);
    },
    read(sha256, range) {
      return Readable.from(
        (async function* () {
          const row = hashPattern.test(sha256) ? await rowOf(sha256) : undefined;
          if (!row) throw new Error(`no blob ${sha256}`);
          const start = range?.start ?? 0;
          const end = Math.min(range?.end ?? Number(row.size) - 1, Number(row.size) - 1);
          // One chunk at a time, so a long video is never held in memory whole.
          for (let seq = Math.floor(start / blobChunkBytes); seq * blobChunkBytes <= end; seq++) {
            const chunk = await db
              .selectFrom('blob_chunks')
              .select('bytes')
              .where('upload_key', '=', row.upload_key)
              .where('seq', '=', seq)
              .executeTakeFirstOrThrow();
            const offset = seq * blobChunkBytes;
            const from = Math.max(start - offset, 0);
            const to = Math.min(end - offset + 1, chunk.bytes.length);
            yield Buffer.from(chunk.bytes.subarray(from, to));
          }
        })(),
        { objectMode: false },
      );
    },
    async delete(sha256) {
      if (!hashPattern.test(sha256)) return;
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('blobs')
          .where('sha256', '=', sha256)
          .returning('upload_key')
          .executeTakeFirst();
        if (row) await trx.deleteFrom('blob_chunks').where('upload_key', '=', row.upload_key).execute();
      });
    },
  };
}
