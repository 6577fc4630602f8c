import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BlobStore } from '../../blobs/index.ts';
import { sendBlob } from '../../blobs/index.ts';
import { optionalUser, requireOperator, requireUser } from '../../http/access.ts';
import { httpErrors } from '../../http/errors.ts';
import type { ContentService, StoredMedia } from './content.service.ts';
import { feedEventTypes } from './content.service.ts';
import { contentErrors } from './errors.ts';

export interface ContentRouteOptions {
  content: ContentService;
  blobs: BlobStore;
  /** Largest video upload in bytes (the multipart limit; the store checks it again). */
  maxUploadBytes: number;
}

const anchor = z.object({
  appid: z.string(),
  app_name: z.string(),
  app_icon_url: z.string().nullable(),
  title: z.string(),
  path: z.string(),
});
const video = z.object({
  video_id: z.string(),
  caption: z.string(),
  creator: z.object({ id: z.string(), name: z.string() }),
  video_url: z.string(),
  cover_url: z.string(),
  video_type: z.string(),
  likes: z.number(),
  plays: z.number(),
  created_at: z.string(),
  anchor: anchor.nullable(),
});
const anchorInput = z.strictObject({
  appid: z.string().min(1).max(64),
  title: z.string().min(1).max(60),
  path: z.string().min(1).max(512),
});
const videoId = z.object({ id: z.string().min(1).max(64) });
// PostgreSQL cannot store U+0000 in text; JSON bodies are checked centrally, multipart fields here.
const textField = z
  .string()
  .max(1000, 'A field is too long')
  .refine((v) => !v.includes('\u0000'), 'must not contain the NUL character');

export async function contentRoutes(app: FastifyInstance, options: ContentRouteOptions): Promise<void> {
  const { content, blobs } = options;
  await app.register(multipart, {
    limits: { fileSize: options.maxUploadBytes, files: 2, fields: 10, fieldSize: 4096 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/feed',
    {
      config: { access: ['anonymous'] },
      schema: {
        tags: ['content'],
        summary: 'A page of the video feed (ranked, with exploration slots for new creators and apps)',
        querystring: z.strictObject({
          cursor: z.string().max(512).optional(),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
        response: { 200: z.object({ items: z.array(video), next_cursor: z.string().nullable() }) },
      },
    },
    async (request) =>
      content.feed({
        limit: request.query.limit,
        ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
      }),
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
      return content.recordEvents(optionalUser(request)?.userId ?? null, request.body.events);
    },
  );

  r.get(
    '/api/videos/:id',
    {
      config: { access: ['anonymous'] },
      schema: { tags: ['content'], params: videoId, response: { 200: video } },
    },
    async (request) => content.getVideo(request.params.id),
  );

  for (const which of ['file', 'cover'] as const) {
    r.get(
      `/api/videos/:id/${which}`,
      {
        config: { access: ['anonymous'] },
        schema: {
          tags: ['content'],
          summary: which === 'file' ? 'The video, with range requests' : 'The cover image',
          params: videoId,
        },
      },
      async (request, reply) => {
        const media = await content.mediaOf(request.params.id, which);
        if (!(await sendBlob(request, reply, blobs, media))) throw contentErrors.VIDEO_NOT_FOUND();
        return reply;
      },
    );
  }

  r.post(
    '/api/videos',
    {
      config: { access: ['user'] },
      schema: {
        tags: ['content'],
        summary:
          'Publish a video (multipart: files `video` and `cover`, fields `caption` and optional `anchor` as JSON)',
        consumes: ['multipart/form-data'],
        response: { 201: video },
      },
    },
    async (request, reply) => {
      const p = requireUser(request);
      if (!request.isMultipart())
        throw httpErrors.UNSUPPORTED_MEDIA_TYPE(undefined, 'Send multipart/form-data');
      if (!(await content.isCreator(p.userId))) throw contentErrors.NOT_CREATOR();
      const fields: Record<string, string> = {};
      const stored: Partial<Record<'video' | 'cover', StoredMedia>> = {};
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'video' && part.fieldname !== 'cover') {
              part.file.resume();
              throw contentErrors.UPLOAD_INCOMPLETE(undefined, `Unexpected file field ${part.fieldname}`);
            }
            stored[part.fieldname] = await content.storeUpload(part.fieldname, part.file);
            if (part.file.truncated)
              throw contentErrors.FILE_TOO_LARGE({ max_bytes: options.maxUploadBytes });
          } else {
            fields[part.fieldname] = textField.parse(String(part.value));
          }
        }
        const caption = z.string().min(1).max(300).safeParse(fields.caption);
        let anchorValue: z.infer<typeof anchorInput> | undefined;
        if (fields.anchor) {
          const parsed = anchorInput.safeParse(safeJson(fields.anchor));
          if (!parsed.success)
            throw httpErrors.VALIDATION([
              { in: 'body', path: '/anchor', message: parsed.error.issues[0]?.message },
            ]);
          anchorValue = parsed.data;
        }
        if (!stored.video || !stored.cover || !caption.success) throw contentErrors.UPLOAD_INCOMPLETE();
        const published = await content.publishVideo({
          userId: p.userId,
          caption: caption.data,
          video: stored.video,
          cover: stored.cover,
          ...(anchorValue ? { anchor: anchorValue } : {}),
        });
        return reply.code(201).send(published);
      } catch (error) {
        await content.discardUploads(Object.values(stored));
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw contentErrors.FILE_TOO_LARGE({ max_bytes: options.maxUploadBytes });
        if (error instanceof z.ZodError)
          throw httpErrors.VALIDATION([
            { in: 'body', path: '/', message: error.issues[0]?.message ?? 'A field is too long' },
          ]);
        // Busboy refuses a malformed body (no boundary, cut short) with plain errors: the caller's fault.
        if (error instanceof Error && /^Multipart: |unexpected end of multipart data/i.test(error.message))
          throw httpErrors.BAD_REQUEST(undefined, 'The multipart body is malformed');
        throw error;
      }
    },
  );

  r.delete(
    '/api/videos/:id',
    { config: { access: ['user', 'operator'] }, schema: { tags: ['content'], params: videoId } },
    async (request, reply) => {
      const user = optionalUser(request);
      await content.removeVideo(request.params.id, user ? { userId: user.userId } : { operator: true });
      return reply.code(204).send();
    },
  );

  for (const [method, liked] of [
    ['post', true],
    ['delete', false],
  ] as const) {
    r[method](
      '/api/videos/:id/like',
      {
        config: { access: ['user'] },
        schema: {
          tags: ['content'],
          params: videoId,
          response: { 200: z.object({ likes: z.number(), liked: z.boolean() }) },
        },
      },
      async (request) => {
        return content.like(request.params.id, requireUser(request).userId, liked);
      },
    );
  }

  r.post(
    '/api/operator/creators',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['content'],
        summary: 'Allow an end user to publish videos',
        body: z.strictObject({ user_id: z.string().min(1).max(64), display_name: z.string().min(1).max(60) }),
      },
    },
    async (request, reply) => {
      await content.becomeCreator(request.body.user_id, request.body.display_name);
      return reply.code(204).send();
    },
  );

  const poi = z.object({
    poi_id: z.string(),
    name: z.string(),
    address: z.string(),
    lat: z.number(),
    lng: z.number(),
    anchors: z.array(anchor),
  });
  r.post(
    '/api/pois',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['content'],
        summary: 'Create a point of interest (a store) carrying service anchors',
        body: z.strictObject({
          name: z.string().min(1).max(100),
          address: z.string().min(1).max(300),
          lat: z.number().min(-90).max(90),
          lng: z.number().min(-180).max(180),
          anchors: z.array(anchorInput).max(5).default([]),
        }),
        response: { 201: poi },
      },
    },
    async (request, reply) => {
      const created = await content.createPoi({
        ...request.body,
        createdBy: requireOperator(request).accountId,
      });
      return reply.code(201).send(created);
    },
  );
  r.get(
    '/api/pois/:id',
    {
      config: { access: ['anonymous'] },
      schema: { tags: ['content'], params: videoId, response: { 200: poi } },
    },
    async (request) => content.getPoi(request.params.id),
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
