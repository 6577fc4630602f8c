import type { FastifyReply, FastifyRequest } from 'fastify';

// Comments keep proxies from closing a quiet stream.
const keepAliveMs = 20_000;

/**
 * Turns the reply into an endless server-sent event stream. `send` writes one event;
 * `onClose` runs once when the client goes away (unsubscribe there).
 *
 * @example
 * const stream = openEventStream(request, reply, () => stop());
 * const stop = feed.subscribe(userId, (m) => stream.send('message', m));
 */
export function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  onClose: () => void,
): { send(event: string, data: unknown): void } {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
  request.raw.on('close', () => {
    clearInterval(keepAlive);
    onClose();
  });
  return {
    send(event, data) {
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
  };
}

/** Whether the client accepts an event stream (anything else cannot use an endless response). */
export function acceptsEventStream(request: FastifyRequest): boolean {
  return String(request.headers.accept ?? '').includes('text/event-stream');
}
