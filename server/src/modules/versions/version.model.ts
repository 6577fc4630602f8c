import type { Manifest } from '@plaza/compiler';
import type { PartSizes } from './package-limits.ts';
import type { CheckReport } from './review/check-report.ts';
import type { AppVersionRow, CheckStatus, VersionStatus } from './versions.table.ts';

/** A version as the console and other modules see it. */
export interface Version {
  id: string;
  appId: string;
  version: string;
  description: string;
  status: VersionStatus;
  packageSha256: string;
  packageBytes: number;
  sizes: PartSizes;
  uploadedBy: { kind: 'account' | 'app'; id: string };
  checks: { status: CheckStatus; report: CheckReport | null } | null;
  reviewReasons: string[] | null;
  reviewedBy: string | null;
  createdAt: number;
  submittedAt: number | null;
  reviewedAt: number | null;
  releasedAt: number | null;
}

export function toVersion(row: AppVersionRow): Version {
  return {
    id: row.id,
    appId: row.app_id,
    version: row.version,
    description: row.description,
    status: row.status,
    packageSha256: row.package_sha256,
    packageBytes: Number(row.package_bytes),
    sizes: JSON.parse(row.sizes) as PartSizes,
    uploadedBy: { kind: row.uploaded_by_kind, id: row.uploaded_by },
    checks: row.check_status
      ? {
          status: row.check_status,
          report: row.check_report === null ? null : (JSON.parse(row.check_report) as CheckReport),
        }
      : null,
    reviewReasons: row.review_reasons === null ? null : (JSON.parse(row.review_reasons) as string[]),
    reviewedBy: row.reviewed_by,
    createdAt: Number(row.created_at),
    submittedAt: row.submitted_at === null ? null : Number(row.submitted_at),
    reviewedAt: row.reviewed_at === null ? null : Number(row.reviewed_at),
    releasedAt: row.released_at === null ? null : Number(row.released_at),
  };
}

export function manifestOf(row: AppVersionRow): Manifest {
  return JSON.parse(row.manifest) as Manifest;
}

/** What a user should run now: `version` is undefined when the app has no release for them. */
export interface ReleasedVersion {
  versionId: string;
  version: string;
  packageSha256: string;
  manifest: Manifest;
  /** Whether the user got it through a grey release below 100%. */
  grey: boolean;
}

/** Who acts on an app's versions: a console account, or the app itself (CI with its client token). */
export type VersionCaller =
  | { kind: 'account'; accountId: string; operator: boolean }
  | { kind: 'app'; appId: string };
