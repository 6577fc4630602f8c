import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Readable as ReadableStream, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Content-addressed blobs (mini-program packages, videos, covers). A blob's id is the
 * sha256 of its bytes, so a blob is immutable, deduplicated and safe to cache forever.
 * The default store keeps files under the data dir; another (object storage) can
 * implement the same interface.
 */
export interface BlobStore {
  /** Stores bytes or a stream; refuses more than `maxBytes` without keeping anything. */
  put(source: Buffer | Readable, options?: { maxBytes?: number }): Promise<{ sha256: string; size: number }>;
  /** Size in bytes, or undefined when the blob does not exist. */
  size(sha256: string): Promise<number | undefined>;
  /** The bytes from `start` to `end` inclusive (the whole blob by default). */
  read(sha256: string, range?: { start: number; end: number }): Readable;
  delete(sha256: string): Promise<void>;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The upload is larger than ${maxBytes} bytes`);
  }
}

export const hashPattern = /^[0-9a-f]{64}$/;

/**
 * A pass-through that hashes and counts what a blob store writes, and fails with
 * BlobTooLargeError past `maxBytes`; `result()` once the stream has ended.
 */
export function blobMeter(maxBytes: number): Transform & { result(): { sha256: string; size: number } } {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(new BlobTooLargeError(maxBytes));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return Object.assign(meter, { result: () => ({ sha256: hash.digest('hex'), size }) });
}

export function createFileBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string) => {
    if (!hashPattern.test(sha256)) throw new Error('not a blob id');
    return join(root, sha256.slice(0, 2), sha256);
  };
  return {
    async put(source, options = {}) {
      const max = options.maxBytes ?? Number.POSITIVE_INFINITY;
      await mkdir(join(root, 'tmp'), { recursive: true });
      const tmp = join(root, 'tmp', randomBytes(12).toString('hex'));
      const meter = blobMeter(max);
      try {
        const input = Buffer.isBuffer(source) ? ReadableStream.from([source]) : source;
        await pipeline(input, meter, createWriteStream(tmp));
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
      const { sha256, size } = meter.result();
      const final = pathOf(sha256);
      await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
      // rename is atomic: a reader never sees half a blob.
      await rename(tmp, final);
      return { sha256, size };
    },
    async size(sha256) {
      if (!hashPattern.test(sha256)) return undefined;
      try {
        return (await stat(pathOf(sha256))).size;
      } catch {
        return undefined;
      }
    },
    read(sha256, range) {
      return createReadStream(pathOf(sha256), range ? { start: range.start, end: range.end } : {});
    },
    async delete(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
  };
}
