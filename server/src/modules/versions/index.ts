/**
 * Versions of mini programs: upload of packages, automated checks in the background,
 * operator review, grey release and rollback, and the package the super app loads.
 * Other modules use the service: `mountable(appids)` and `releasedVersionOf(appid, userId?)`.
 */
export { versionErrors } from './errors.ts';
export { greyBucket, inGrey } from './grey-bucket.ts';
export { versionsMigrations } from './migrations/index.ts';
export { defaultPackageLimits, type PackageLimits, type PartSizes } from './package-limits.ts';
export { packageLimitsFromEnv } from './package-limits-env.ts';
export type { MountableApp, ReleaseState } from './release.service.ts';
export type { CheckReport, PageCheck } from './review/check-report.ts';
export { type PageChecker, processPageChecker } from './review/page-checks.ts';
export { chromiumPagePainter, type PagePainter } from './review/page-painter.ts';
export type { ReleasedVersion, Version, VersionCaller } from './version.model.ts';
export { versionsPlugin } from './versions.plugin.ts';
export { createVersionsService, type VersionsDeps, type VersionsService } from './versions.service.ts';
export type { VersionStatus, VersionTables } from './versions.table.ts';
