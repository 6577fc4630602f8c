import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LiveService } from './live.service.ts';

/**
 * The ingest URL a creator's tool pushes HLS to (`ffmpeg … -f hls -method PUT
 * <ingest_url>`): the token in the path is the credential, so any client that can PUT works.
 */
export async function ingestRoutes(app: FastifyInstance, options: { live: LiveService }): Promise<void> {
  // Pushed files arrive with any content type (ffmpeg sends none): the service reads the
  // raw bytes itself, with its own limits, in this plugin's scope only.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.withTypeProvider<ZodTypeProvider>().put(
    '/ingest/:room_id/:token/:file',
    {
      config: { access: ['anonymous'] },
      schema: {
        tags: ['live'],
        summary:
          "Push one HLS file of a live room: its playlist (index.m3u8) or an MPEG-TS segment (index<N>.ts); the room's ingest URL carries the token",
        params: z.strictObject({
          room_id: z.string().min(1).max(64),
          token: z.string().min(1).max(128),
          file: z.string().min(1).max(80),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { room_id, token, file } = request.params;
      const body = (request.body as Readable | Buffer | undefined) ?? Buffer.alloc(0);
      await options.live.ingest(room_id, token, file, body);
      return reply.code(204).send(null);
    },
  );
}
