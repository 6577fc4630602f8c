import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { App } from '../apps/index.ts';
import { versionErrors } from './errors.ts';
import { inGrey } from './grey-bucket.ts';
import {
  findRelease,
  findReleases,
  insertReleaseEvent,
  listFullReleases,
  lockRelease,
  saveRelease,
} from './release.repository.ts';
import type { VersionCaller } from './version.model.ts';
import { manifestOf, type ReleasedVersion, toVersion, type Version } from './version.model.ts';
import { findVersion, findVersionsByPackage, updateVersionIf } from './version.repository.ts';
import { actorOfCaller, appForVersionCaller } from './version-access.ts';
import { compareVersions } from './version-number.ts';
import type { VersionsDeps } from './versions.service.ts';
import type { AppReleaseRow } from './versions.table.ts';

/** The release state as the console shows it. */
export interface ReleaseState {
  version: Version;
  /** Users outside the grey percentage get this one (the previous full release), if any. */
  base: Version | null;
  percentage: number;
}

/** A mountable app's card, as the content module's `MountableApps` port wants it. */
export interface MountableApp {
  appid: string;
  name: string;
  iconUrl: string | null;
  orgId: string;
  createdAt: number;
}

export interface ReleaseService {
  /**
   * Releases an approved version to `percentage` of users (1–100), or widens the grey
   * release of the version already out. Users outside the percentage keep the previous
   * full release.
   */
  release(caller: VersionCaller, appid: string, versionId: string, percentage: number): Promise<ReleaseState>;
  /**
   * Takes the released version back in one call: everyone gets the previous full release
   * again (the grey fallback, or the version before the current one). The withdrawn version
   * is marked rolled back and cannot be released again; a fix is a new version.
   */
  rollback(caller: VersionCaller, appid: string): Promise<ReleaseState>;
  /** The release state of an app (any member of its org, operators, the app). */
  releaseState(caller: VersionCaller, appid: string): Promise<ReleaseState | null>;
  /**
   * What the super app loads for this user: refuses unknown (404), taken-down (410) and
   * unreleased (404) apps.
   */
  packageFor(
    appid: string,
    userId: string | undefined,
  ): Promise<{
    app: App;
    version: ReleasedVersion;
  }>;
  /**
   * A file of a package that is live for an active app: its blob id, or undefined. Only
   * live packages are served, so an unreleased or withdrawn package stays private.
   */
  livePackageFile(packageSha256: string, path: string | undefined): Promise<string | undefined>;
  /** For other modules: the version this user (or an anonymous caller) gets, if any. */
  releasedVersionOf(appid: string, userId?: string): Promise<ReleasedVersion | undefined>;
  /** Cards of the apps anchors may open now: active, with a released version. */
  mountable(appids: string[]): Promise<Map<string, MountableApp>>;
}

/** Releases (grey or full), rollbacks, and which version a user gets. */
export function createReleaseService(deps: VersionsDeps): ReleaseService {
  const { db, clock } = deps;

  async function stateOf(on: Db, release: AppReleaseRow | undefined): Promise<ReleaseState | null> {
    if (!release) return null;
    const version = await findVersion(on, release.version_id);
    const base = release.base_version_id ? await findVersion(on, release.base_version_id) : undefined;
    if (!version) return null;
    return {
      version: toVersion(version),
      base: base ? toVersion(base) : null,
      percentage: release.percentage,
    };
  }

  /** The version a user of an active app gets, or undefined when none is released for them. */
  async function versionFor(app: App, userId: string | undefined): Promise<ReleasedVersion | undefined> {
    const release = await findRelease(db, app.id);
    if (!release) return undefined;
    const grey = release.percentage < 100;
    // Without a user id there is no stable bucket: the stable (base) version is the safe answer.
    const getsNew = !grey || (userId !== undefined && inGrey(app.appid, userId, release.percentage));
    const id = getsNew ? release.version_id : (release.base_version_id ?? release.version_id);
    if (!getsNew && !release.base_version_id && userId !== undefined) return undefined;
    const row = await findVersion(db, id);
    if (!row) return undefined;
    return {
      versionId: row.id,
      version: row.version,
      packageSha256: row.package_sha256,
      manifest: manifestOf(row),
      grey: grey && id === release.version_id,
    };
  }

  return {
    /**
     * Releases an approved version to `percentage` of users (1–100), or widens the grey
     * release of the version already out. Users outside the percentage keep the previous
     * full release.
     */
    async release(
      caller: VersionCaller,
      appid: string,
      versionId: string,
      percentage: number,
    ): Promise<ReleaseState> {
      const app = await appForVersionCaller(deps, caller, appid, 'developer');
      const actor = actorOfCaller(caller);
      return db.transaction().execute(async (trx) => {
        const current = await lockRelease(trx, app.id, deps.engine);
        const row = await findVersion(trx, versionId);
        if (!row || row.app_id !== app.id) throw versionErrors.NOT_FOUND({ version_id: versionId });
        const now = clock.now();
        let base: string | null;
        if (current?.version_id === row.id) {
          if (percentage < current.percentage) {
            throw versionErrors.PERCENTAGE_DOWN({ percentage: current.percentage });
          }
          base = percentage === 100 ? null : current.base_version_id;
        } else {
          if (row.status !== 'approved')
            throw versionErrors.WRONG_STATUS({ status: row.status, allowed_from: ['approved'] });
          const live = current && (await findVersion(trx, current.version_id));
          if (live && compareVersions(row, live) <= 0) {
            throw versionErrors.NOT_NEWER_THAN_RELEASED({ released: live.version });
          }
          // The version out to everyone stays the fallback; a grey one that never reached
          // 100% is replaced and its fallback kept.
          base =
            percentage === 100
              ? null
              : current
                ? current.percentage === 100
                  ? current.version_id
                  : current.base_version_id
                : null;
          if (
            !(await updateVersionIf(trx, row.id, ['approved'], {
              status: 'released',
              released_at: now,
              updated_at: now,
            }))
          ) {
            throw versionErrors.WRONG_STATUS({ allowed_from: ['approved'] });
          }
        }
        const next = {
          app_id: app.id,
          version_id: row.id,
          base_version_id: base,
          percentage,
          updated_at: now,
        };
        await saveRelease(trx, next, current !== undefined);
        await insertReleaseEvent(trx, {
          id: newId('rel'),
          app_id: next.app_id,
          version_id: next.version_id,
          base_version_id: next.base_version_id,
          percentage: next.percentage,
          action: 'release',
          actor_kind: actor.kind,
          actor_id: actor.id,
          created_at: now,
        });
        return (await stateOf(trx, next)) as ReleaseState;
      });
    },

    /**
     * Takes the released version back in one call: everyone gets the previous full release
     * again (the grey fallback, or the version before the current one). The withdrawn version
     * is marked rolled back and cannot be released again; a fix is a new version.
     */
    async rollback(caller: VersionCaller, appid: string): Promise<ReleaseState> {
      const app = await appForVersionCaller(deps, caller, appid, 'developer');
      const actor = actorOfCaller(caller);
      return db.transaction().execute(async (trx) => {
        const current = await lockRelease(trx, app.id, deps.engine);
        if (!current) throw versionErrors.NOTHING_TO_ROLL_BACK();
        let target = current.base_version_id;
        if (!target) {
          for (const id of await listFullReleases(trx, app.id)) {
            const candidate = id === current.version_id ? undefined : await findVersion(trx, id);
            if (candidate?.status === 'released') {
              target = id;
              break;
            }
          }
        }
        if (!target) throw versionErrors.NOTHING_TO_ROLL_BACK();
        const now = clock.now();
        await updateVersionIf(trx, current.version_id, ['released'], {
          status: 'rolled_back',
          updated_at: now,
        });
        const next = {
          app_id: app.id,
          version_id: target,
          base_version_id: null,
          percentage: 100,
          updated_at: now,
        };
        await saveRelease(trx, next, true);
        await insertReleaseEvent(trx, {
          id: newId('rel'),
          app_id: next.app_id,
          version_id: next.version_id,
          base_version_id: next.base_version_id,
          percentage: next.percentage,
          action: 'rollback',
          actor_kind: actor.kind,
          actor_id: actor.id,
          created_at: now,
        });
        return (await stateOf(trx, next)) as ReleaseState;
      });
    },

    /** The release state of an app (any member of its org, operators, the app). */
    async releaseState(caller: VersionCaller, appid: string): Promise<ReleaseState | null> {
      const app = await appForVersionCaller(deps, caller, appid, 'viewer');
      return stateOf(db, await findRelease(db, app.id));
    },

    /**
     * What the super app loads for this user: refuses unknown (404), taken-down (410) and
     * unreleased (404) apps.
     */
    async packageFor(
      appid: string,
      userId: string | undefined,
    ): Promise<{ app: App; version: ReleasedVersion }> {
      const app = await deps.apps.findByAppid(appid);
      if (!app) throw versionErrors.NOT_RELEASED({ appid });
      if (app.status !== 'active') throw versionErrors.APP_TAKEN_DOWN({ appid });
      const version = await versionFor(app, userId);
      if (!version) throw versionErrors.NOT_RELEASED({ appid });
      return { app, version };
    },

    /**
     * A file of a package that is live for an active app: its blob id, or undefined. Only
     * live packages are served, so an unreleased or withdrawn package stays private.
     */
    async livePackageFile(packageSha256: string, path: string | undefined): Promise<string | undefined> {
      for (const row of await findVersionsByPackage(db, packageSha256)) {
        const release = await findRelease(db, row.app_id);
        if (!release || (release.version_id !== row.id && release.base_version_id !== row.id)) continue;
        const app = await deps.apps.get(row.app_id);
        if (app?.status !== 'active') continue;
        if (path === undefined) return row.package_sha256;
        const files = manifestOf(row).files;
        return Object.hasOwn(files, path) ? files[path] : undefined;
      }
      return undefined;
    },

    /** For other modules: the version this user (or an anonymous caller) gets, if any. */
    async releasedVersionOf(appid: string, userId?: string): Promise<ReleasedVersion | undefined> {
      const app = await deps.apps.findByAppid(appid);
      if (app?.status !== 'active') return undefined;
      return versionFor(app, userId);
    },

    /** Cards of the apps anchors may open now: active, with a released version. */
    async mountable(appids: string[]): Promise<Map<string, MountableApp>> {
      const apps = new Map<string, App>();
      for (const appid of new Set(appids)) {
        const app = await deps.apps.findByAppid(appid);
        if (app?.status === 'active') apps.set(app.id, app);
      }
      const cards = new Map<string, MountableApp>();
      for (const release of await findReleases(db, [...apps.keys()])) {
        const app = apps.get(release.app_id) as App;
        cards.set(app.appid, {
          appid: app.appid,
          name: app.name,
          iconUrl: app.iconUrl,
          orgId: app.orgId,
          createdAt: app.createdAt,
        });
      }
      return cards;
    },
  };
}
