import type * as Console from '@plaza/api-types/console';
import type { SameShape } from '@plaza/api-types/platform';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from './content.schemas.ts';
import type { ContentService } from './content.service.ts';
import type { CreatorSummary, ModeratedVideo } from './moderation.service.ts';

const videoStatus = z.enum(['published', 'removed', 'taken_down']);

const moderatedVideoJson = z.object({
  id: z.string(),
  caption: z.string(),
  creator: z.object({ id: z.string(), name: z.string() }),
  status: videoStatus,
  takedown_reason: z.string().nullable(),
  anchor: z.object({ appid: z.string(), title: z.string(), path: z.string() }).nullable(),
  place: z.object({ poi_id: z.string(), name: z.string() }).nullable(),
  impressions: z.number(),
  plays: z.number(),
  likes: z.number(),
  created_at: z.number(),
});

const creatorJson = z.object({
  user_id: z.string(),
  name: z.string(),
  published: z.number(),
  taken_down: z.number(),
  created_at: z.number(),
});

const pinned: [
  SameShape<z.infer<typeof moderatedVideoJson>, Console.ModeratedVideo>,
  SameShape<z.infer<typeof creatorJson>, Console.CreatorSummary>,
] = [true, true];
void pinned;

function toModeratedJson(v: ModeratedVideo): z.infer<typeof moderatedVideoJson> {
  return {
    id: v.id,
    caption: v.caption,
    creator: v.creator,
    status: v.status,
    takedown_reason: v.takedownReason,
    anchor: v.anchor,
    place: v.place && { poi_id: v.place.poiId, name: v.place.name },
    impressions: v.impressions,
    plays: v.plays,
    likes: v.likes,
    created_at: v.createdAt,
  };
}

const toCreatorJson = (c: CreatorSummary): z.infer<typeof creatorJson> => ({
  user_id: c.userId,
  name: c.name,
  published: c.published,
  taken_down: c.takenDown,
  created_at: c.createdAt,
});

const operator = { access: ['operator'] as const };
const operatorMutation = { access: ['operator'] as const, idempotent: true };

/** The operator's content desk: every video with its anchor, the creators, takedown and reinstatement. */
export async function moderationRoutes(
  app: FastifyInstance,
  options: { content: ContentService },
): Promise<void> {
  const { content } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/operator/videos',
    {
      config: operator,
      schema: {
        tags: ['content'],
        summary: 'Videos of every status, newest first, with their anchors and places (operators)',
        querystring: z.strictObject({
          status: videoStatus.optional(),
          creator_id: z.string().min(1).max(64).optional(),
          before: z.string().min(1).max(64).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ videos: z.array(moderatedVideoJson) }) },
      },
    },
    async (request) => {
      const q = request.query;
      const videos = await content.moderatedVideos({
        ...(q.status ? { status: q.status } : {}),
        ...(q.creator_id ? { creatorId: q.creator_id } : {}),
        ...(q.before ? { before: q.before } : {}),
        limit: q.limit,
      });
      return { videos: videos.map(toModeratedJson) };
    },
  );

  r.get(
    '/api/operator/creators',
    {
      config: operator,
      schema: {
        tags: ['content'],
        summary: 'Creators, newest first, with their published and taken-down videos (operators)',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ creators: z.array(creatorJson) }) },
      },
    },
    async (request) => ({ creators: (await content.creators(request.query.limit)).map(toCreatorJson) }),
  );

  r.post(
    '/api/operator/videos/:id/takedown',
    {
      config: operatorMutation,
      schema: {
        tags: ['content'],
        summary: 'Take a video out of the feed and search at once, with a reason (operators)',
        params: idParam,
        body: z.strictObject({ reason: z.string().trim().min(1).max(500) }),
        response: { 200: z.object({ video: moderatedVideoJson }) },
      },
    },
    async (request) => ({
      video: toModeratedJson(await content.takeDownVideo(request.params.id, request.body.reason)),
    }),
  );

  r.post(
    '/api/operator/videos/:id/reinstate',
    {
      config: operatorMutation,
      schema: {
        tags: ['content'],
        summary: 'Put a taken-down video back into the feed and search (operators)',
        params: idParam,
        response: { 200: z.object({ video: moderatedVideoJson }) },
      },
    },
    async (request) => ({ video: toModeratedJson(await content.reinstateVideo(request.params.id)) }),
  );
}
