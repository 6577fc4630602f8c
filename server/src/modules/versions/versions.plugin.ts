import type { FastifyInstance } from 'fastify';
import type { BlobStore } from '../../blobs/index.ts';
import { createReleaseService } from './release.service.ts';
import { createReviewJob } from './review/review-job.ts';
import { runtimeRoutes } from './runtime.routes.ts';
import type { VersionsDeps } from './versions.deps.ts';
import { archiveContentTypes, versionsRoutes } from './versions.routes.ts';
import { createVersionCatalogueService } from './versions.service.ts';

/**
 * Versions of apps: upload, automated checks, review, grey release, rollback, and what the
 * super app loads. Registers its job type on the platform's queue.
 *
 * @example
 * const versions = createVersionsService({ db, engine, clock, blobs, jobs, apps, limits, pageChecker });
 * await versions.releasedVersionOf('tt0123…', userId);
 */
export function createVersionsService(deps: VersionsDeps) {
  const reviewJob = createReviewJob(deps);
  deps.jobs.register(reviewJob);
  return {
    ...createVersionCatalogueService(deps, reviewJob),
    ...createReleaseService(deps),
    /** The limits uploads are checked against. */
    limits: deps.limits,
  };
}

export type VersionsService = ReturnType<typeof createVersionsService>;

// Headroom over the unpacked limit for gzip overhead on incompressible files.
const archiveSlackBytes = 1024 * 1024;

/** The versions module's HTTP surface, with its own parser for package archives. */
export async function versionsPlugin(
  app: FastifyInstance,
  options: { versions: VersionsService; blobs: BlobStore },
): Promise<void> {
  const uploadBodyLimit = options.versions.limits.totalBytes + archiveSlackBytes;
  // Encapsulated: only this plugin's routes accept raw archives.
  app.addContentTypeParser(
    archiveContentTypes,
    { parseAs: 'buffer', bodyLimit: uploadBodyLimit },
    (_req, body, done) => done(null, body),
  );
  await app.register(versionsRoutes, { versions: options.versions, uploadBodyLimit });
  await app.register(runtimeRoutes, options);
}
