import type { FastifyReply, FastifyRequest } from 'fastify';
import parseRange from 'range-parser';
import { httpErrors } from '../http/errors.ts';
import type { BlobStore } from './blob-store.ts';

/**
 * Sends a blob with HTTP range support (video seeking) and immutable caching: the id
 * is the content hash, so the bytes behind a URL never change.
 */
export async function sendBlob(
  request: FastifyRequest,
  reply: FastifyReply,
  store: BlobStore,
  blob: { sha256: string; contentType: string },
): Promise<FastifyReply | undefined> {
  const size = await store.size(blob.sha256);
  if (size === undefined) return undefined;
  reply.header('accept-ranges', 'bytes');
  reply.header('etag', `"${blob.sha256}"`);
  reply.header('cache-control', 'public, max-age=31536000, immutable');
  reply.type(blob.contentType);
  if (request.headers['if-none-match'] === `"${blob.sha256}"`) return reply.code(304).send();
  const header = request.headers.range;
  if (typeof header === 'string') {
    const ranges = parseRange(size, header, { combine: true });
    if (ranges === -1) {
      reply.header('content-range', `bytes */${size}`);
      throw httpErrors.RANGE_NOT_SATISFIABLE({ size });
    }
    // A malformed Range header is ignored, as RFC 9110 allows; several ranges get the first.
    if (ranges !== -2 && ranges.length > 0) {
      const { start, end } = ranges[0] as { start: number; end: number };
      reply.header('content-range', `bytes ${start}-${end}/${size}`);
      reply.header('content-length', end - start + 1);
      return reply.code(206).send(store.read(blob.sha256, { start, end }));
    }
  }
  reply.header('content-length', size);
  return reply.code(200).send(store.read(blob.sha256));
}
