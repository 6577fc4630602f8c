import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { httpErrors } from './errors.ts';

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a request still arriving
 * after the timeout, headers over the size limit, bytes that are not HTTP) are answered
 * in the error envelope too, then the connection is closed.
 *
 * @example
 * Fastify({ clientErrorHandler: answerClientError });
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const plaza =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? httpErrors.REQUEST_TIMEOUT()
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? httpErrors.HEADERS_TOO_LARGE()
        : httpErrors.BAD_REQUEST(undefined, 'The request is not valid HTTP');
  const body = JSON.stringify({ error: { code: plaza.code, message: plaza.message } });
  // Only when no response has started on this connection: a second status line would corrupt it.
  if (socket.writable && socket.bytesWritten === 0) {
    socket.write(
      `HTTP/1.1 ${plaza.status} ${STATUS_CODES[plaza.status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
