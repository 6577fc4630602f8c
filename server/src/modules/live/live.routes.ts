import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/access.ts';
import { anchorInput, roomJson, roomParam, toRoomJson } from './live.schemas.ts';
import type { LiveService } from './live.service.ts';

const creator = { access: ['user'] } as const;

/** What a creator does with a room: start it, pin cards, end it, read its funnel. */
export async function liveRoutes(app: FastifyInstance, options: { live: LiveService }): Promise<void> {
  const { live } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/live/rooms',
    {
      config: creator,
      schema: {
        tags: ['live'],
        summary:
          'Go live: a new room and its ingest URL (push HLS with ffmpeg `-f hls -method PUT` to it; the token is shown once)',
        body: z.strictObject({ title: z.string().trim().min(1).max(60), anchor: anchorInput.optional() }),
        response: { 201: z.object({ room: roomJson, ingest_url: z.string() }) },
      },
    },
    async (request, reply) => {
      const { room, token } = await live.startRoom(requireUser(request).userId, request.body);
      const origin = `${request.protocol}://${request.host}`;
      return reply.code(201).send({
        room: toRoomJson(room),
        ingest_url: `${origin}/ingest/${room.id}/${token}/index.m3u8`,
      });
    },
  );

  r.post(
    '/api/live/rooms/:room_id/end',
    {
      config: creator,
      schema: {
        tags: ['live'],
        summary: 'End the room: ingest stops, viewers are told, the room stays as a replay',
        params: roomParam,
        response: { 200: roomJson },
      },
    },
    async (request) => toRoomJson(await live.endRoom(requireUser(request).userId, request.params.room_id)),
  );

  r.put(
    '/api/live/rooms/:room_id/pin',
    {
      config: creator,
      schema: {
        tags: ['live'],
        summary:
          'Pin a mini-program card while live (the rules of video anchors: mountable, and the app lets this creator mount it); viewers see it at once',
        params: roomParam,
        body: anchorInput,
        response: { 200: roomJson },
      },
    },
    async (request) =>
      toRoomJson(await live.pin(requireUser(request).userId, request.params.room_id, request.body)),
  );

  r.delete(
    '/api/live/rooms/:room_id/pin',
    {
      config: creator,
      schema: { tags: ['live'], summary: 'Unpin the card', params: roomParam, response: { 200: roomJson } },
    },
    async (request) => toRoomJson(await live.pin(requireUser(request).userId, request.params.room_id, null)),
  );

  r.get(
    '/api/live/rooms/:room_id/funnel',
    {
      config: creator,
      schema: {
        tags: ['live'],
        summary: "The room's funnel: viewers joined → card seen → tapped → app opened → orders paid",
        params: roomParam,
        response: {
          200: z.object({
            joins: z.number(),
            anchor_exposure: z.number(),
            anchor_click: z.number(),
            app_open: z.number(),
            paid: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const f = await live.funnel(requireUser(request).userId, request.params.room_id);
      return {
        joins: f.joins,
        anchor_exposure: f.anchorExposure,
        anchor_click: f.anchorClick,
        app_open: f.appOpen,
        paid: f.paid,
      };
    },
  );
}
