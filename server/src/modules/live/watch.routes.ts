import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BlobStore } from '../../blobs/index.ts';
import { sendBlob } from '../../blobs/index.ts';
import { optionalUser, requireUser } from '../../http/access.ts';
import { liveErrors } from './errors.ts';
import { commentJson, roomJson, roomParam, toCommentJson, toEventJson, toRoomJson } from './live.schemas.ts';
import type { LiveService } from './live.service.ts';

const anyone = { access: ['anonymous'] } as const;
// Comments keep proxies from closing a quiet stream.
const keepAliveMs = 20_000;

/** What viewers do: list and watch rooms, play the stream, follow events, comment, like. */
export async function watchRoutes(
  app: FastifyInstance,
  options: { live: LiveService; blobs: BlobStore },
): Promise<void> {
  const { live, blobs } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Open room streams never end by themselves: the server ends them when it closes, so
  // a shutdown does not wait for every viewer to leave.
  const openStreams = new Set<{ end(): void }>();
  app.addHook('preClose', async () => {
    for (const res of openStreams) res.end();
  });

  r.get(
    '/api/live/rooms',
    {
      config: anyone,
      schema: {
        tags: ['live'],
        summary: 'Rooms live now (or replays, `status=ended`), newest first',
        querystring: z.strictObject({
          status: z.enum(['live', 'ended']).default('live'),
          limit: z.coerce.number().int().min(1).max(50).default(20),
        }),
        response: { 200: z.object({ items: z.array(roomJson) }) },
      },
    },
    async (request, reply) => {
      const rooms = await live.rooms(request.query.status, request.query.limit);
      return reply.header('cache-control', 'no-store').send({ items: rooms.map(toRoomJson) });
    },
  );

  r.get(
    '/api/live/rooms/:room_id',
    {
      config: anyone,
      schema: { tags: ['live'], params: roomParam, response: { 200: roomJson } },
    },
    async (request, reply) =>
      reply.header('cache-control', 'no-store').send(toRoomJson(await live.room(request.params.room_id))),
  );

  r.get(
    '/api/live/rooms/:room_id/playlist.m3u8',
    {
      config: anyone,
      schema: {
        tags: ['live'],
        summary: 'The HLS playlist: the newest segments while live, every segment with ENDLIST once ended',
        params: roomParam,
      },
    },
    async (request, reply) => {
      const { text, ended } = await live.playlist(request.params.room_id);
      return reply
        .type('application/vnd.apple.mpegurl')
        .header('cache-control', ended ? 'public, max-age=60' : 'no-cache')
        .send(text);
    },
  );

  r.get(
    '/api/live/rooms/:room_id/segments/:name',
    {
      config: anyone,
      schema: {
        tags: ['live'],
        summary: 'One MPEG-TS segment of the stream',
        params: z.strictObject({ room_id: z.string().min(1).max(64), name: z.string().min(1).max(80) }),
      },
    },
    async (request, reply) => {
      const segment = await live.segment(request.params.room_id, request.params.name);
      if (!(await sendBlob(request, reply, blobs, segment))) throw liveErrors.SEGMENT_NOT_FOUND();
      return reply;
    },
  );

  r.get(
    '/api/live/rooms/:room_id/comments',
    {
      config: anyone,
      schema: {
        tags: ['live'],
        summary: "The room's latest comments, oldest first",
        params: roomParam,
        response: { 200: z.object({ items: z.array(commentJson) }) },
      },
    },
    async (request, reply) => {
      const items = await live.comments(request.params.room_id, 50);
      return reply.header('cache-control', 'no-store').send({ items: items.map(toCommentJson) });
    },
  );

  r.post(
    '/api/live/rooms/:room_id/comments',
    {
      config: { access: ['user'] },
      schema: {
        tags: ['live'],
        summary: 'Comment in a live room; every viewer gets it over the room stream',
        params: roomParam,
        body: z.strictObject({ text: z.string().trim().min(1).max(200) }),
        response: { 201: commentJson },
      },
    },
    async (request, reply) => {
      const c = await live.comment(requireUser(request).userId, request.params.room_id, request.body.text);
      return reply.code(201).send(toCommentJson(c));
    },
  );

  r.post(
    '/api/live/rooms/:room_id/likes',
    {
      config: { access: ['user'] },
      schema: {
        tags: ['live'],
        summary: 'Like a live room (taps may be sent together as `count`)',
        params: roomParam,
        body: z.strictObject({ count: z.number().int().min(1).max(50).default(1) }),
        response: { 200: z.object({ likes: z.number() }) },
      },
    },
    async (request) => live.like(requireUser(request).userId, request.params.room_id, request.body.count),
  );

  r.post(
    '/api/live/rooms/:room_id/steps',
    {
      config: { access: ['anonymous'], optionalSession: true },
      schema: {
        tags: ['live'],
        summary:
          "A viewer saw, tapped or opened the pinned card's app: the room's funnel counts it once per signed-in user and day",
        params: roomParam,
        body: z.strictObject({
          step: z.enum(['anchor_exposure', 'anchor_click', 'app_open']),
          appid: z.string().min(1).max(64),
        }),
        response: { 200: z.object({ counted: z.boolean() }) },
      },
    },
    async (request) => ({
      counted: await live.reportStep(
        optionalUser(request)?.userId ?? null,
        request.params.room_id,
        request.body.step,
        request.body.appid,
      ),
    }),
  );

  r.get(
    '/api/live/rooms/:room_id/stream',
    {
      config: anyone,
      schema: {
        tags: ['live'],
        summary:
          'Server-sent events (Accept: text/event-stream): `viewers`, `comment`, `like`, `pin` and `ended`, from any server process',
        params: roomParam,
      },
    },
    async (request, reply) => {
      const { room_id: roomId } = request.params;
      // An unknown room is refused first, then anything but an event-stream client.
      await live.room(roomId);
      if (!String(request.headers.accept ?? '').includes('text/event-stream')) {
        throw liveErrors.EVENT_STREAM_ONLY();
      }
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 2000\n\n');
      openStreams.add(res);
      const onError = (error: Error) => request.log.error({ err: error }, 'live room stream');
      let stop: (() => void) | undefined;
      let closed = false;
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
      request.raw.on('close', () => {
        closed = true;
        openStreams.delete(res);
        clearInterval(keepAlive);
        stop?.();
      });
      live
        .watch(
          roomId,
          (e) => {
            const { event, data } = toEventJson(e);
            if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
          },
          onError,
        )
        .then(
          (unwatch) => {
            if (closed) unwatch();
            else stop = unwatch;
          },
          (error: Error) => {
            onError(error);
            res.end();
          },
        );
    },
  );
}
