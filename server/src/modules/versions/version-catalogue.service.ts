import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { App } from '../apps/index.ts';
import { versionErrors } from './errors.ts';
import { checkPackage } from './package-archive.ts';
import { findRelease } from './release.repository.ts';
import type { ReviewJob } from './review/review-job.ts';
import { surfaceCache } from './review/surface-cache.ts';
import { type SurfaceChanges, surfaceChanges } from './review/version-surface.ts';
import type { VersionCaller } from './version.model.ts';
import { toVersion, type Version } from './version.model.ts';
import {
  findNewestVersion,
  findVersion,
  findVersionByNumber,
  insertVersion,
  listVersionsInReview,
  listVersionsOfApp,
  updateVersionIf,
} from './version.repository.ts';
import { actorOfCaller, appForVersionCaller } from './version-access.ts';
import { compareVersions, parseVersion } from './version-number.ts';
import type { VersionsDeps } from './versions.service.ts';
import type { AppVersionRow, VersionStatus } from './versions.table.ts';

export interface UploadInput {
  version: string;
  description: string;
  /** The `.tgz` as `plaza build` writes it. */
  archive: Buffer;
}

/** A version in the operators' review queue, with the app it belongs to and what it changes. */
export interface QueuedVersion extends Version {
  appid: string;
  appName: string;
  appCategory: string;
  /** Pages, scopes and domains against the released version. */
  changes: SurfaceChanges;
}

export interface VersionCatalogueService {
  /**
   * Checks and stores a new version (role ≥ developer, or the app's client token).
   * Every check runs before anything is stored, so a refused upload leaves no trace.
   */
  upload(caller: VersionCaller, appid: string, input: UploadInput): Promise<Version>;
  /** The app's versions, newest number first (any member of the org, operators, the app). */
  list(caller: VersionCaller, appid: string): Promise<Version[]>;
  get(caller: VersionCaller, appid: string, versionId: string): Promise<Version>;
  /** A page screenshot of the version's checks (its blob's sha256), for whoever may see the version. */
  screenshot(caller: VersionCaller, appid: string, versionId: string, sha256: string): Promise<string>;
  /** Sends a version to review; the automated checks start in the background. */
  submit(caller: VersionCaller, appid: string, versionId: string): Promise<Version>;
  /** Versions waiting for an operator, oldest first. */
  reviewQueue(limit?: number): Promise<QueuedVersion[]>;
  /** An operator approves a version whose automated checks passed. */
  approve(operatorId: string, versionId: string): Promise<Version>;
  /** An operator rejects a version, saying why; the developer uploads a fixed version. */
  reject(operatorId: string, versionId: string, reasons: string[]): Promise<Version>;
}

/** Uploads, the review lifecycle and the operators' queue. */
export function createVersionCatalogueService(
  deps: VersionsDeps,
  reviewJob: ReviewJob,
): VersionCatalogueService {
  const { db, clock, blobs } = deps;
  const surfaces = surfaceCache(blobs);

  /** Refuses a number that exists or is not above every existing one of the app. */
  async function requireNewNumber(on: Db, app: App, version: string): Promise<void> {
    const number = parseVersion(version);
    if (await findVersionByNumber(on, app.id, version)) throw versionErrors.EXISTS({ version });
    const newest = await findNewestVersion(on, app.id);
    if (newest && compareVersions(number, newest) <= 0) {
      throw versionErrors.NOT_NEWER({ version, newest: newest.version });
    }
  }

  async function versionOfApp(
    caller: VersionCaller,
    appid: string,
    versionId: string,
    role: 'viewer' | 'developer',
  ) {
    const app = await appForVersionCaller(deps, caller, appid, role);
    const row = await findVersion(db, versionId);
    if (!row || row.app_id !== app.id) throw versionErrors.NOT_FOUND({ version_id: versionId });
    return { app, row };
  }

  /** Moves a version from one of `from` to `to`, or explains why it cannot. */
  async function transition(
    on: Db,
    row: AppVersionRow,
    from: readonly VersionStatus[],
    patch: Parameters<typeof updateVersionIf>[3],
  ): Promise<void> {
    if (!(await updateVersionIf(on, row.id, from, patch))) {
      const current = await findVersion(on, row.id);
      throw versionErrors.WRONG_STATUS({ status: current?.status, allowed_from: from });
    }
  }

  return {
    /**
     * Checks and stores a new version (role ≥ developer, or the app's client token).
     * Every check runs before anything is stored, so a refused upload leaves no trace.
     */
    async upload(caller: VersionCaller, appid: string, input: UploadInput): Promise<Version> {
      const app = await appForVersionCaller(deps, caller, appid, 'developer');
      const number = parseVersion(input.version);
      await requireNewNumber(db, app, input.version);
      const pkg = await checkPackage(input.archive, deps.limits);
      // Content-addressed: the archive (for download and checks) and each file (for the runtime).
      const stored = await blobs.put(input.archive);
      for (const content of pkg.files.values()) await blobs.put(content);
      const now = clock.now();
      const uploader = actorOfCaller(caller);
      const row: AppVersionRow = {
        id: newId('ver'),
        app_id: app.id,
        version: input.version,
        ...number,
        description: input.description,
        status: 'uploaded',
        package_sha256: stored.sha256,
        package_bytes: stored.size,
        manifest: JSON.stringify(pkg.manifest),
        sizes: JSON.stringify(pkg.sizes),
        uploaded_by_kind: uploader.kind === 'app' ? 'app' : 'account',
        uploaded_by: uploader.id,
        check_status: null,
        check_report: null,
        review_reasons: null,
        reviewed_by: null,
        created_at: now,
        updated_at: now,
        submitted_at: null,
        reviewed_at: null,
        released_at: null,
      };
      await db.transaction().execute(async (trx) => {
        // Again inside the transaction: another upload may have landed meanwhile.
        await requireNewNumber(trx, app, input.version);
        await insertVersion(trx, row);
      });
      return toVersion(row);
    },

    /** The app's versions, newest number first (any member of the org, operators, the app). */
    async list(caller: VersionCaller, appid: string): Promise<Version[]> {
      const app = await appForVersionCaller(deps, caller, appid, 'viewer');
      return (await listVersionsOfApp(db, app.id)).map(toVersion);
    },

    async get(caller: VersionCaller, appid: string, versionId: string): Promise<Version> {
      return toVersion((await versionOfApp(caller, appid, versionId, 'viewer')).row);
    },

    async screenshot(caller: VersionCaller, appid: string, versionId: string, sha256: string) {
      const version = toVersion((await versionOfApp(caller, appid, versionId, 'viewer')).row);
      const pages = version.checks?.report?.pages ?? [];
      if (!pages.some((p) => p.screenshot === sha256)) throw versionErrors.SCREENSHOT_NOT_FOUND();
      return sha256;
    },

    /** Sends a version to review; the automated checks start in the background. */
    async submit(caller: VersionCaller, appid: string, versionId: string): Promise<Version> {
      const { row } = await versionOfApp(caller, appid, versionId, 'developer');
      const now = clock.now();
      const patch = {
        status: 'in_review' as const,
        check_status: 'pending' as const,
        check_report: null,
        submitted_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (trx) => {
        await transition(trx, row, ['uploaded'], patch);
        await deps.jobs.enqueue(trx, reviewJob, { versionId: row.id }, { key: `review:${row.id}` });
      });
      return toVersion({ ...row, ...patch });
    },

    /** Versions waiting for an operator, oldest first. */
    async reviewQueue(limit = 100): Promise<QueuedVersion[]> {
      const rows = await listVersionsInReview(db, Math.min(Math.max(limit, 1), 500));
      const apps = new Map<string, App | undefined>();
      for (const row of rows)
        if (!apps.has(row.app_id)) apps.set(row.app_id, await deps.apps.get(row.app_id));
      const queued: QueuedVersion[] = [];
      for (const row of rows) {
        const app = apps.get(row.app_id);
        const release = await findRelease(db, row.app_id);
        const released = release ? await findVersion(db, release.version_id) : undefined;
        const changes = surfaceChanges(
          await surfaces.of(row),
          released ? { version: released.version, surface: await surfaces.of(released) } : null,
        );
        queued.push({
          ...toVersion(row),
          appid: app?.appid ?? '',
          appName: app?.name ?? '',
          appCategory: app?.category ?? '',
          changes,
        });
      }
      return queued;
    },

    /** An operator approves a version whose automated checks passed. */
    async approve(operatorId: string, versionId: string): Promise<Version> {
      const row = await findVersion(db, versionId);
      if (!row) throw versionErrors.NOT_FOUND({ version_id: versionId });
      if (row.status === 'in_review' && row.check_status === 'pending') throw versionErrors.CHECKS_PENDING();
      if (row.status === 'in_review' && row.check_status === 'failed') throw versionErrors.CHECKS_FAILED();
      const now = clock.now();
      const patch = {
        status: 'approved' as const,
        reviewed_by: operatorId,
        reviewed_at: now,
        updated_at: now,
      };
      await transition(db, row, ['in_review'], patch);
      return toVersion({ ...row, ...patch });
    },

    /** An operator rejects a version, saying why; the developer uploads a fixed version. */
    async reject(operatorId: string, versionId: string, reasons: string[]): Promise<Version> {
      const cleaned = reasons.map((r) => r.trim()).filter((r) => r.length > 0);
      if (cleaned.length === 0) throw versionErrors.REASONS_REQUIRED();
      const row = await findVersion(db, versionId);
      if (!row) throw versionErrors.NOT_FOUND({ version_id: versionId });
      const now = clock.now();
      const patch = {
        status: 'rejected' as const,
        review_reasons: JSON.stringify(cleaned),
        reviewed_by: operatorId,
        reviewed_at: now,
        updated_at: now,
      };
      await transition(db, row, ['in_review'], patch);
      return toVersion({ ...row, ...patch });
    },
  };
}
