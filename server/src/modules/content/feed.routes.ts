import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { optionalUser } from '../../http/access.ts';
import { feedEventTypes } from './content.model.ts';
import { toVideoJson, videoJson } from './content.schemas.ts';
import type { ContentService } from './content.service.ts';

/** The feed the super app scrolls and the events it reports back. */
export async function feedRoutes(app: FastifyInstance, options: { content: ContentService }): Promise<void> {
  const { content } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/feed',
    {
      // Open to anyone; a signed-in super app's session gets its personalised feed.
      config: { access: ['anonymous'], optionalSession: true },
      schema: {
        tags: ['content'],
        summary:
          'A page of the video feed: personalised for a signed-in user, popular with provider fairness for a guest; each item says why it is shown (docs/recommendation.md)',
        querystring: z.strictObject({
          cursor: z.string().max(512).optional(),
          limit: z.coerce.number().int().min(1).max(50).default(10),
          // A guest's coarse location (the super app sends it rounded to about a city).
          lat: z.coerce.number().min(-90).max(90).optional(),
          lng: z.coerce.number().min(-180).max(180).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(videoJson.extend({ why: z.string() })),
            next_cursor: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const page = await content.feed({
        limit: request.query.limit,
        userId: optionalUser(request)?.userId ?? null,
        ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
        ...(request.query.lat !== undefined && request.query.lng !== undefined
          ? { near: { lat: request.query.lat, lng: request.query.lng } }
          : {}),
      });
      return {
        items: page.items.map((v) => ({ ...toVideoJson(v), why: v.why })),
        next_cursor: page.nextCursor,
      };
    },
  );

  r.post(
    '/api/feed/events',
    {
      // Open to anyone, but a signed-in super app's session counts its funnel steps.
      config: { access: ['anonymous'], optionalSession: true, rateLimit: { max: 600, timeWindow: 60_000 } },
      schema: {
        tags: ['content'],
        summary:
          'Report a batch of feed events (all stored, or none); funnel steps count only from a signed-in user, once per day (docs/funnel.md)',
        body: z.strictObject({
          events: z
            .array(
              z.strictObject({
                type: z.enum(feedEventTypes),
                video_id: z.string().max(64).optional(),
                appid: z.string().max(64).optional(),
                at: z.number().int().positive().safe(),
              }),
            )
            .min(1)
            .max(100),
        }),
        response: { 200: z.object({ accepted: z.number() }) },
      },
    },
    async (request) => {
      const events = request.body.events.map(({ video_id, ...e }) => ({
        ...e,
        ...(video_id === undefined ? {} : { videoId: video_id }),
      }));
      return content.recordEvents(optionalUser(request)?.userId ?? null, events);
    },
  );
}
