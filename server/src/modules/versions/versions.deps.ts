import type { BlobStore } from '../../blobs/index.ts';
import type { Clock } from '../../db/clock.ts';
import type { Db, Engine } from '../../db/database.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { AppsService } from '../apps/index.ts';
import type { PackageLimits } from './package-limits.ts';
import type { PageChecker } from './review/page-checks.ts';

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
}

/** Who acts on an app's versions: a console account, or the app itself (CI with its client token). */
export type VersionCaller =
  | { kind: 'account'; accountId: string; operator: boolean }
  | { kind: 'app'; appId: string };
