import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type BlobStore, sendBlob } from '../../blobs/index.ts';
import { optionalUser } from '../../http/access.ts';
import { versionErrors } from './errors.ts';
import type { VersionsService } from './versions.service.ts';

const packagesPath = '/api/runtime/packages';

const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  css: 'text/css; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
};

function contentTypeOf(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return contentTypes[ext] ?? 'application/octet-stream';
}

/**
 * What the super app loads: the manifest of the version this user gets (grey release
 * decides), revalidated by ETag, and the package's files at content-addressed URLs that
 * are cached forever.
 */
export async function runtimeRoutes(
  app: FastifyInstance,
  options: { versions: VersionsService; blobs: BlobStore },
): Promise<void> {
  const { versions, blobs } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/runtime/apps/:appid/package',
    {
      config: { access: ['anonymous'] },
      schema: {
        tags: ['runtime'],
        summary: "The released package this user gets: manifest and its files' URLs",
        params: z.strictObject({ appid: z.string().min(1).max(64) }),
        response: {
          304: z.null().describe('Not modified: the ETag still names the version this user gets'),
          200: z.object({
            appid: z.string(),
            version: z.string(),
            version_id: z.string(),
            package: z.object({ sha256: z.string(), url: z.string() }),
            manifest: z.record(z.string(), z.unknown()),
            files: z.record(z.string(), z.object({ sha256: z.string(), size: z.number(), url: z.string() })),
            // The host enforces these, from the app's registration (never from its own package).
            permissions: z.object({ request_domains: z.array(z.string()), scopes: z.array(z.string()) }),
          }),
        },
      },
    },
    async (request, reply) => {
      const userId = optionalUser(request)?.userId;
      const { app: found, version } = await versions.packageFor(request.params.appid, userId);
      const etag = `"${version.versionId}"`;
      // Which version a user gets can change at any release: always revalidate, cheaply.
      reply.header('etag', etag);
      reply.header('cache-control', 'private, no-cache');
      reply.header('vary', 'authorization, cookie');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
      const base = `${packagesPath}/${version.packageSha256}`;
      const { manifest } = version;
      return {
        appid: found.appid,
        version: version.version,
        version_id: version.versionId,
        package: { sha256: version.packageSha256, url: base },
        manifest: manifest as unknown as Record<string, unknown>,
        files: Object.fromEntries(
          Object.entries(manifest.files).map(([path, sha256]) => [
            path,
            { sha256, size: manifest.sizes[path] ?? 0, url: `${base}/${path}` },
          ]),
        ),
        permissions: {
          request_domains: found.requestDomains,
          scopes: found.privacy.map((p) => p.scope),
        },
      };
    },
  );

  const fileParams = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), '*': z.string().optional() });
  const serve = async (
    request: FastifyRequest,
    reply: FastifyReply,
    sha256: string,
    path: string | undefined,
  ) => {
    const blob = await versions.livePackageFile(sha256, path);
    const contentType = path === undefined ? 'application/gzip' : contentTypeOf(path);
    if (!blob || !(await sendBlob(request, reply, blobs, { sha256: blob, contentType }))) {
      throw versionErrors.FILE_NOT_FOUND({ package: sha256, path: path ?? null });
    }
    // Sent: returning the reply tells Fastify not to answer again.
    return reply;
  };

  r.get(
    `${packagesPath}/:sha256`,
    {
      config: { access: ['anonymous'] },
      schema: {
        tags: ['runtime'],
        summary: 'A released package archive (.tgz), by its sha256; immutable',
        params: fileParams,
      },
    },
    async (request, reply) => serve(request, reply, request.params.sha256, undefined),
  );

  r.get(
    `${packagesPath}/:sha256/*`,
    {
      config: { access: ['anonymous'] },
      schema: {
        tags: ['runtime'],
        summary: 'A file of a released package; immutable, cached forever',
        params: fileParams,
      },
    },
    async (request, reply) => serve(request, reply, request.params.sha256, request.params['*'] || undefined),
  );
}
