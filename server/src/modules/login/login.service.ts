import { randomBytes } from 'node:crypto';
import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import { housekeeping } from '../../db/housekeeping.ts';
import { newId, newSecret } from '../../db/ids.ts';
import { type App, type AppsService, credentialHash } from '../apps/index.ts';
import type { FunnelService } from '../funnel/index.ts';
import { loginErrors } from './errors.ts';
import {
  consumeLoginCode,
  deleteStaleLoginCodes,
  findAppUserByOpenid,
  findLoginCode,
  findSessionKey,
  insertLoginCode,
  rememberAppUser,
  saveSessionKey,
} from './login.repository.ts';
import { openidOf, openSessionKey, sealSessionKey, unionidOf } from './pairwise-ids.ts';
import { platformKeyring } from './platform-keys.ts';

export const loginCodeLifetimeMs = 5 * 60_000;
const day = 24 * 3_600_000;
/** Stale codes are swept by an exchange at most this often per process. */
const sweepEveryMs = 60_000;

export interface LoginDeps {
  db: Db;
  clock: Clock;
  apps: Pick<AppsService, 'requireActive' | 'authenticate' | 'get' | 'findByAppid'>;
  /** The funnel's `login` step is a code exchanged, counted in the exchange's transaction. */
  funnel?: Pick<FunnelService, 'record'>;
}

export interface LoginCode {
  code: string;
  expiresAt: number;
}

/** What code2session answers: the user as this app sees them, and a fresh session key. */
export interface AppSession {
  openid: string;
  unionid: string;
  sessionKey: string;
}

/** Names the keys in `platform_key` this module owns. */
const keyNames = { pairwise: 'login.pairwise-ids', sessionKeys: 'login.session-key-seal' } as const;

export interface LoginService {
  /** The super app asks, for its signed-in user, a one-time code the mini program hands to its server. */
  issueCode(userId: string, appid: string): Promise<LoginCode>;
  /**
   * code2session: the merchant's server (appid + secret) exchanges a code once for the
   * user's openid, unionid and a new session key. A code of another app, a used code and
   * an expired one are refused and leave nothing changed.
   */
  exchangeCode(input: { appid: string; secret: string; code: string; ip: string }): Promise<AppSession>;
  /** The openid of a user in an app (`app_…` id or public appid), recording it for reverse lookups. */
  openidFor(app: string, userId: string): Promise<string>;
  /** The openid and unionid a user has in an app, computed without recording anything. */
  pairwiseIdsOf(app: string, userId: string): Promise<{ openid: string; unionid: string }>;
  /** The unionid of a user across the apps of the app's org. */
  unionidFor(app: string, userId: string): Promise<string>;
  /** The internal user behind an openid of an app; throws LOGIN_UNKNOWN_OPENID when none. */
  resolveOpenid(app: string, openid: string): Promise<string>;
  /** The latest session key of a user in an app, for checking signatures made with it. */
  sessionKeyOf(
    app: string,
    userId: string,
  ): Promise<
    | {
        sessionKey: string;
        issuedAt: number;
      }
    | undefined
  >;
}

export function createLoginService(deps: LoginDeps): LoginService {
  const { db, clock, apps } = deps;
  const key = platformKeyring(db, clock);
  const sweepStaleCodes = housekeeping(clock, sweepEveryMs, (now) => deleteStaleLoginCodes(db, now - day));

  /** Either reference to an app: the internal id (`app_…`) other modules store, or the public appid. */
  async function appOf(ref: string): Promise<App> {
    const app = ref.startsWith('app_') ? await apps.get(ref) : await apps.findByAppid(ref);
    if (!app) throw loginErrors.UNKNOWN_OPENID({ app: ref });
    return app;
  }

  async function idsOf(app: App, userId: string): Promise<{ openid: string; unionid: string }> {
    return idsUnder(await key(keyNames.pairwise), app, userId);
  }

  function idsUnder(k: Buffer, app: App, userId: string): { openid: string; unionid: string } {
    return { openid: openidOf(k, app.appid, userId), unionid: unionidOf(k, app.orgId, userId) };
  }

  /**
   * The ids of a user in an app, recorded for reverse lookups. The key is read before any
   * transaction: on SQLite a read outside the transaction would wait for it forever.
   */
  async function ensureAppUser(
    on: Db,
    k: Buffer,
    app: App,
    userId: string,
  ): Promise<{ openid: string; unionid: string }> {
    const ids = idsUnder(k, app, userId);
    await rememberAppUser(on, { app_id: app.id, user_id: userId, ...ids, created_at: clock.now() });
    return ids;
  }

  return {
    /** The super app asks, for its signed-in user, a one-time code the mini program hands to its server. */
    async issueCode(userId: string, appid: string): Promise<LoginCode> {
      const app = await apps.requireActive(appid);
      const now = clock.now();
      const code = newSecret(24);
      await insertLoginCode(db, {
        id: newId('lgc'),
        code_hash: credentialHash(code),
        app_id: app.id,
        user_id: userId,
        created_at: now,
        expires_at: now + loginCodeLifetimeMs,
        used_at: null,
      });
      return { code, expiresAt: now + loginCodeLifetimeMs };
    },

    /**
     * code2session: the merchant's server (appid + secret) exchanges a code once for the
     * user's openid, unionid and a new session key. A code of another app, a used code and
     * an expired one are refused and leave nothing changed.
     */
    async exchangeCode(input: {
      appid: string;
      secret: string;
      code: string;
      ip: string;
    }): Promise<AppSession> {
      const app = await apps.authenticate(input.appid, input.secret, input.ip);
      const hash = credentialHash(input.code);
      const now = clock.now();
      const sessionKey = randomBytes(16).toString('base64');
      const sealKey = await key(keyNames.sessionKeys);
      const pairKey = await key(keyNames.pairwise);
      const outcome = await db.transaction().execute(async (trx) => {
        const userId = await consumeLoginCode(trx, { hash, appId: app.id, now });
        if (userId === undefined) return undefined;
        const ids = await ensureAppUser(trx, pairKey, app, userId);
        await saveSessionKey(trx, {
          app_id: app.id,
          user_id: userId,
          session_key: sealSessionKey(sealKey, sessionKey),
          created_at: now,
        });
        await deps.funnel?.record(trx, { appid: app.appid, step: 'login', userId, at: now });
        return ids;
      });
      if (!outcome) {
        const row = await findLoginCode(db, hash);
        if (!row || row.app_id !== app.id) throw loginErrors.CODE_INVALID();
        if (row.used_at !== null) throw loginErrors.CODE_USED();
        throw loginErrors.CODE_EXPIRED();
      }
      await sweepStaleCodes();
      return { ...outcome, sessionKey };
    },

    /** The openid of a user in an app (`app_…` id or public appid), recording it for reverse lookups. */
    async openidFor(app: string, userId: string): Promise<string> {
      return (await ensureAppUser(db, await key(keyNames.pairwise), await appOf(app), userId)).openid;
    },

    // Erasure reads the ids it notifies apps with: recording them would bring back the
    // app-user row of the account being erased.
    async pairwiseIdsOf(app: string, userId: string): Promise<{ openid: string; unionid: string }> {
      return idsOf(await appOf(app), userId);
    },

    /** The unionid of a user across the apps of the app's org. */
    async unionidFor(app: string, userId: string): Promise<string> {
      return (await idsOf(await appOf(app), userId)).unionid;
    },

    /** The internal user behind an openid of an app; throws LOGIN_UNKNOWN_OPENID when none. */
    async resolveOpenid(app: string, openid: string): Promise<string> {
      const found =
        openid.length <= 64 ? await findAppUserByOpenid(db, (await appOf(app)).id, openid) : undefined;
      if (!found) throw loginErrors.UNKNOWN_OPENID({ openid });
      return found.user_id;
    },

    /** The latest session key of a user in an app, for checking signatures made with it. */
    async sessionKeyOf(
      app: string,
      userId: string,
    ): Promise<{ sessionKey: string; issuedAt: number } | undefined> {
      const row = await findSessionKey(db, (await appOf(app)).id, userId);
      if (!row) return undefined;
      return {
        sessionKey: openSessionKey(await key(keyNames.sessionKeys), row.session_key),
        issuedAt: Number(row.created_at),
      };
    },
  };
}
