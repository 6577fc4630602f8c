import type { Selectable } from 'kysely';

/** Where a version is in its life: uploaded → in_review → approved | rejected → released (→ rolled_back). */
export type VersionStatus = 'uploaded' | 'in_review' | 'approved' | 'rejected' | 'released' | 'rolled_back';

/** The automated checks' state; the operator's decision is the version status. */
export type CheckStatus = 'pending' | 'passed' | 'failed';

/** One uploaded, immutable package of an app. */
export interface AppVersionTable {
  id: string;
  /** The app's internal id (`app_…`). */
  app_id: string;
  version: string;
  /** The version's parts, so ordering is numeric in SQL as in code. */
  major: number;
  minor: number;
  patch: number;
  description: string;
  status: VersionStatus;
  /** The `.tgz` as uploaded, in the blob store. */
  package_sha256: string;
  package_bytes: number;
  /** `manifest.json` of the package (JSON text). */
  manifest: string;
  /** JSON `{ main, subpackages: { root: bytes }, total }` of the unpacked files. */
  sizes: string;
  uploaded_by_kind: 'account' | 'app';
  uploaded_by: string;
  check_status: CheckStatus | null;
  /** JSON report of the automated checks, once they ran. */
  check_report: string | null;
  /** JSON array of the operator's reasons for a rejection. */
  review_reasons: string | null;
  reviewed_by: string | null;
  created_at: number;
  updated_at: number;
  submitted_at: number | null;
  reviewed_at: number | null;
  released_at: number | null;
}

/**
 * What end users of an app get now: `version_id` for users whose grey bucket is below
 * `percentage`, `base_version_id` (the previous full release, if any) for the others.
 */
export interface AppReleaseTable {
  app_id: string;
  version_id: string;
  base_version_id: string | null;
  percentage: number;
  updated_at: number;
}

/** Every release, percentage change and rollback, in order: the rollback target comes from here. */
export interface AppReleaseEventTable {
  id: string;
  app_id: string;
  version_id: string;
  base_version_id: string | null;
  percentage: number;
  action: 'release' | 'rollback';
  actor_kind: 'account' | 'operator' | 'app';
  actor_id: string;
  created_at: number;
}

export interface VersionTables {
  app_version: AppVersionTable;
  app_release: AppReleaseTable;
  app_release_event: AppReleaseEventTable;
}

export type AppVersionRow = Selectable<AppVersionTable>;
export type AppReleaseRow = Selectable<AppReleaseTable>;
export type AppReleaseEventRow = Selectable<AppReleaseEventTable>;
