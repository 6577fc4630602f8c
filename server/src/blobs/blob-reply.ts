import type { FastifyReply, FastifyRequest } from 'fastify';
import parseRange from 'range-parser';
import { httpErrors } from '../http/errors.ts';
import type { BlobStore } from './blob-store.ts';

/**
 * Sends a blob with HTTP range support (video seeking) and immutable caching: the id
 * is the content hash, so the bytes behind a URL never change. Resolves to whether it
 * answered (false: no such blob, nothing sent). Never resolves to the reply itself: a
 * reply is thenable, so awaiting it would wait for the response to end and yield
 * `undefined`, which reads as "not sent" and made callers answer a second time.
 *
 * @example
 * if (!(await sendBlob(request, reply, blobs, media))) throw errors.NOT_FOUND();
 * return reply;
 */
export async function sendBlob(
  request: FastifyRequest,
  reply: FastifyReply,
  store: BlobStore,
  blob: { sha256: string; contentType: string },
  /** Private blobs (an org's licence scans) stay out of shared caches. */
  caching: { private?: boolean } = {},
): Promise<boolean> {
  const size = await store.size(blob.sha256);
  if (size === undefined) return false;
  reply.header('accept-ranges', 'bytes');
  reply.header('etag', `"${blob.sha256}"`);
  reply.header(
    'cache-control',
    caching.private ? 'private, max-age=31536000, immutable' : 'public, max-age=31536000, immutable',
  );
  reply.type(blob.contentType);
  if (request.headers['if-none-match'] === `"${blob.sha256}"`) {
    reply.code(304).send();
    return true;
  }
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
      reply.code(206).send(store.read(blob.sha256, { start, end }));
      return true;
    }
  }
  reply.header('content-length', size);
  reply.code(200).send(store.read(blob.sha256));
  return true;
}
