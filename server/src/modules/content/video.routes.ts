import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BlobStore } from '../../blobs/index.ts';
import { sendBlob } from '../../blobs/index.ts';
import { optionalUser, requireUser } from '../../http/access.ts';
import { httpErrors } from '../../http/errors.ts';
import type { StoredMedia } from './content.model.ts';
import { anchorInput, idParam, textField, toVideoJson, videoJson } from './content.schemas.ts';
import type { ContentService } from './content.service.ts';
import { contentErrors } from './errors.ts';

export interface VideoRouteOptions {
  content: ContentService;
  blobs: BlobStore;
  /** Largest video upload in bytes (the multipart limit; the store checks it again). */
  maxUploadBytes: number;
}

/** Videos: watching, publishing (multipart), removing, liking; and who may publish. */
export async function videoRoutes(app: FastifyInstance, options: VideoRouteOptions): Promise<void> {
  const { content, blobs } = options;
  await app.register(multipart, {
    limits: { fileSize: options.maxUploadBytes, files: 2, fields: 10, fieldSize: 4096 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/videos/:id',
    {
      config: { access: ['anonymous'] },
      schema: { tags: ['content'], params: idParam, response: { 200: videoJson } },
    },
    async (request) => toVideoJson(await content.getVideo(request.params.id)),
  );

  for (const which of ['file', 'cover'] as const) {
    r.get(
      `/api/videos/:id/${which}`,
      {
        config: { access: ['anonymous'] },
        schema: {
          tags: ['content'],
          summary: which === 'file' ? 'The video, with range requests' : 'The cover image',
          params: idParam,
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
          'Publish a video (multipart: files `video` and `cover`, fields `caption`, optional `anchor` as JSON and optional `poi_id`, the place the video points to)',
        consumes: ['multipart/form-data'],
        response: { 201: videoJson },
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
          ...(fields.poi_id ? { poiId: fields.poi_id.slice(0, 64) } : {}),
        });
        return reply.code(201).send(toVideoJson(published));
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
    { config: { access: ['user', 'operator'] }, schema: { tags: ['content'], params: idParam } },
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
          params: idParam,
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
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
