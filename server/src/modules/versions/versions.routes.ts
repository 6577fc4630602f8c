import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type BlobStore, sendBlob } from '../../blobs/index.ts';
import { requireOperator } from '../../http/access.ts';
import { httpErrors } from '../../http/errors.ts';
import { versionErrors } from './errors.ts';
import {
  appidParam,
  queuedVersionJson,
  rejectBody,
  releaseBody,
  releaseJson,
  reviewParams,
  screenshotParams,
  toQueuedJson,
  toReleaseJson,
  toVersionJson,
  uploadQuery,
  versionCaller,
  versionJson,
  versionParams,
} from './versions.schemas.ts';
import type { VersionsService } from './versions.service.ts';

const manage = { access: ['developer', 'app'] as const };
const manageMutation = { access: ['developer', 'app'] as const, idempotent: true };
const operator = { access: ['operator'] as const };
const operatorMutation = { access: ['operator'] as const, idempotent: true };

/** The archive's content types; the plugin parses them into a Buffer. */
export const archiveContentTypes = ['application/gzip', 'application/x-gzip', 'application/octet-stream'];

function headerText(value: string | string[] | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Headers carry Latin-1 only: a description in any script is sent percent-encoded.
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Upload, list, submit, release and roll back (developers and the app's CI); operators review. */
export async function versionsRoutes(
  app: FastifyInstance,
  options: { versions: VersionsService; blobs: BlobStore; uploadBodyLimit: number },
): Promise<void> {
  const { versions } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/apps/:appid/versions',
    {
      config: manage,
      bodyLimit: options.uploadBodyLimit,
      schema: {
        tags: ['versions'],
        summary:
          'Upload a package (.tgz from plaza build) as a new version; version and description as query parameters or x-plaza-version / x-plaza-description headers',
        params: appidParam,
        querystring: uploadQuery,
        response: { 201: z.object({ version: versionJson }) },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body))
        throw httpErrors.UNSUPPORTED_MEDIA_TYPE({ accepted: archiveContentTypes });
      const version = request.query.version ?? headerText(request.headers['x-plaza-version']);
      if (!version) throw versionErrors.INVALID_NUMBER({ version: null });
      const description =
        request.query.description ?? headerText(request.headers['x-plaza-description']) ?? '';
      const created = await versions.upload(versionCaller(request), request.params.appid, {
        version,
        description: description.slice(0, 2000),
        archive: request.body,
      });
      return reply.code(201).send({ version: toVersionJson(created) });
    },
  );

  r.get(
    '/api/apps/:appid/versions',
    {
      config: manage,
      schema: {
        tags: ['versions'],
        summary: "The app's versions, newest first, with their checks and review",
        params: appidParam,
        response: { 200: z.object({ versions: z.array(versionJson) }) },
      },
    },
    async (request) => ({
      versions: (await versions.list(versionCaller(request), request.params.appid)).map(toVersionJson),
    }),
  );

  r.get(
    '/api/apps/:appid/versions/:versionId',
    {
      config: manage,
      schema: {
        tags: ['versions'],
        summary: 'One version with its automated checks report',
        params: versionParams,
        response: { 200: z.object({ version: versionJson }) },
      },
    },
    async (request) => ({
      version: toVersionJson(
        await versions.get(versionCaller(request), request.params.appid, request.params.versionId),
      ),
    }),
  );

  r.get(
    '/api/apps/:appid/versions/:versionId/screenshots/:sha256',
    {
      config: manage,
      schema: {
        tags: ['versions'],
        summary: 'A page as the automated checks painted it (PNG), by the hash its check names',
        params: screenshotParams,
      },
    },
    async (request, reply) => {
      const { appid, versionId, sha256 } = request.params;
      const sha = await versions.screenshot(versionCaller(request), appid, versionId, sha256);
      const blob = { sha256: sha, contentType: 'image/png' };
      if (!(await sendBlob(request, reply, options.blobs, blob, { cache: 'private' })))
        throw versionErrors.SCREENSHOT_NOT_FOUND();
      return reply;
    },
  );

  r.post(
    '/api/apps/:appid/versions/:versionId/submit',
    {
      config: manageMutation,
      schema: {
        tags: ['versions'],
        summary: 'Submit for review; the automated checks run in the background',
        params: versionParams,
        response: { 202: z.object({ version: versionJson }) },
      },
    },
    async (request, reply) => {
      const submitted = await versions.submit(
        versionCaller(request),
        request.params.appid,
        request.params.versionId,
      );
      return reply.code(202).send({ version: toVersionJson(submitted) });
    },
  );

  r.get(
    '/api/apps/:appid/release',
    {
      config: manage,
      schema: {
        tags: ['versions'],
        summary: 'What is released: the version, its grey percentage and the fallback version',
        params: appidParam,
        response: { 200: z.object({ release: releaseJson.nullable() }) },
      },
    },
    async (request) => {
      const state = await versions.releaseState(versionCaller(request), request.params.appid);
      return { release: state && toReleaseJson(state) };
    },
  );

  r.post(
    '/api/apps/:appid/release',
    {
      config: manageMutation,
      schema: {
        tags: ['versions'],
        summary: 'Release an approved version to a percentage of users, or widen its grey release',
        params: appidParam,
        body: releaseBody,
        response: { 200: z.object({ release: releaseJson }) },
      },
    },
    async (request) => ({
      release: toReleaseJson(
        await versions.release(
          versionCaller(request),
          request.params.appid,
          request.body.version_id,
          request.body.percentage,
        ),
      ),
    }),
  );

  r.post(
    '/api/apps/:appid/release/rollback',
    {
      config: manageMutation,
      schema: {
        tags: ['versions'],
        summary: 'Roll back to the previous full release in one call',
        params: appidParam,
        response: { 200: z.object({ release: releaseJson }) },
      },
    },
    async (request) => ({
      release: toReleaseJson(await versions.rollback(versionCaller(request), request.params.appid)),
    }),
  );

  r.get(
    '/api/review/versions',
    {
      config: operator,
      schema: {
        tags: ['versions'],
        summary: 'The review queue: versions in review, oldest submission first (operators)',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).optional() }),
        response: { 200: z.object({ versions: z.array(queuedVersionJson) }) },
      },
    },
    async (request) => ({ versions: (await versions.reviewQueue(request.query.limit)).map(toQueuedJson) }),
  );

  r.post(
    '/api/review/versions/:versionId/approve',
    {
      config: operatorMutation,
      schema: {
        tags: ['versions'],
        summary: 'Approve a version in review whose checks passed (operators)',
        params: reviewParams,
        response: { 200: z.object({ version: versionJson }) },
      },
    },
    async (request) => ({
      version: toVersionJson(
        await versions.approve(requireOperator(request).accountId, request.params.versionId),
      ),
    }),
  );

  r.post(
    '/api/review/versions/:versionId/reject',
    {
      config: operatorMutation,
      schema: {
        tags: ['versions'],
        summary: 'Reject a version in review, with the reasons the developer reads (operators)',
        params: reviewParams,
        body: rejectBody,
        response: { 200: z.object({ version: versionJson }) },
      },
    },
    async (request) => ({
      version: toVersionJson(
        await versions.reject(
          requireOperator(request).accountId,
          request.params.versionId,
          request.body.reasons,
        ),
      ),
    }),
  );
}
