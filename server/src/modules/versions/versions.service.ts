import type { BlobStore } from '../../blobs/index.ts';
import type { Clock } from '../../db/clock.ts';
import type { Db, Engine } from '../../db/database.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { AppsService } from '../apps/index.ts';
import type { PackageLimits } from './package-limits.ts';
import { createReleaseService, type ReleaseService } from './release.service.ts';
import type { PageChecker } from './review/page-checks.ts';
import type { PagePainter } from './review/page-painter.ts';
import { createReviewJob } from './review/review-job.ts';
import { createVersionCatalogueService, type VersionCatalogueService } from './version-catalogue.service.ts';

/** What the versions services are built from (the composition root provides it). */
export interface VersionsDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
  blobs: BlobStore;
  jobs: JobQueue;
  apps: Pick<AppsService, 'get' | 'findByAppid' | 'requireRole'>;
  limits: PackageLimits;
  /** Opens every page of a package; the default runs the simulator in a child process. */
  pageChecker: PageChecker;
  /** Paints each rendered page for the review; none: the checks carry no screenshots. */
  pagePainter?: PagePainter;
}

/** Versions and releases of apps, as the routes and other modules see them. */
export interface VersionsService extends VersionCatalogueService, ReleaseService {
  /** The limits uploads are checked against. */
  limits: PackageLimits;
}

/**
 * Versions of apps: upload, automated checks, review, grey release, rollback, and what the
 * super app loads. Registers its job type on the platform's queue.
 *
 * @example
 * const versions = createVersionsService({ db, engine, clock, blobs, jobs, apps, limits, pageChecker });
 * await versions.releasedVersionOf('tt0123…', userId);
 */
export function createVersionsService(deps: VersionsDeps): VersionsService {
  const reviewJob = createReviewJob(deps);
  deps.jobs.register(reviewJob);
  return {
    ...createVersionCatalogueService(deps, reviewJob),
    ...createReleaseService(deps),
    /** The limits uploads are checked against. */
    limits: deps.limits,
  };
}
