import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import { newId, newSecret } from '../../db/ids.ts';
import { type App, type AppsService, appErrors, credentialHash, type PrivacyScope } from '../apps/index.ts';
import { consentErrors } from './errors.ts';
import { deleteGrants, findGrant, listGrantsOfUser, saveDecision, touchGrant } from './grant.repository.ts';
import {
  consumePhoneCode,
  deleteStalePhoneCodes,
  findPhoneCode,
  insertPhoneCode,
  revokeUnusedPhoneCodes,
} from './phone-code.repository.ts';
import { type SharedPhoneNumber, splitPhoneNumber } from './phone-number.ts';
import type { ProfileSource, SharedProfile } from './profile-source.ts';

export const phoneCodeLifetimeMs = 5 * 60_000;
const day = 24 * 3_600_000;

export interface ConsentDeps {
  db: Db;
  clock: Clock;
  apps: Pick<AppsService, 'requireActive' | 'findByAppid' | 'get'>;
  users: { getUser(id: string): Promise<{ phone: string } | undefined> };
  profiles: ProfileSource;
}

/** What the host's consent sheet shows for one scope of one app. */
export interface ConsentSheet {
  app: Pick<App, 'appid' | 'name' | 'iconUrl'>;
  scope: PrivacyScope;
  /** The reason the app declared, shown to the user verbatim. */
  reason: string;
  granted: boolean;
  /** The user's latest decision, or null when never asked (or revoked since). */
  decision: 'granted' | 'denied' | null;
  decidedAt: number | null;
}

/** One app the user authorised, with the scopes it holds. */
export interface Authorization {
  app: Pick<App, 'appid' | 'name' | 'iconUrl'>;
  scopes: { scope: PrivacyScope; grantedAt: number; lastUsedAt: number | null }[];
}

function cardOf(app: App): ConsentSheet['app'] {
  return { appid: app.appid, name: app.name, iconUrl: app.iconUrl };
}

/** The reason the app declared for a scope; an undeclared scope may not even be asked for. */
function declaredReason(app: App, scope: PrivacyScope): string {
  const declared = app.privacy.find((p) => p.scope === scope);
  if (!declared) throw consentErrors.SCOPE_NOT_DECLARED({ appid: app.appid, scope });
  return declared.reason;
}

export interface ConsentService {
  /** What the consent sheet shows; refuses a scope the app did not declare. */
  sheet(userId: string, appid: string, scope: PrivacyScope): Promise<ConsentSheet>;
  /** Records the user's answer in the sheet. Denying a granted scope withdraws it. */
  decide(userId: string, appid: string, scope: PrivacyScope, granted: boolean): Promise<ConsentSheet>;
  /** True while the app declares the scope and the user's grant stands (the host checks before answering). */
  isGranted(userId: string, appid: string, scope: PrivacyScope): Promise<boolean>;
  /** `getUserProfile`: the nickname and avatar, only with the `profile` grant. */
  profile(userId: string, appid: string): Promise<SharedProfile>;
  /** `getLocation`: whether the host may hand the device's location to this app now. */
  location(
    userId: string,
    appid: string,
  ): Promise<{
    grantedAt: number;
  }>;
  /** The `getPhoneNumber` button: a one-time code for the app's server, only with the grant. */
  issuePhoneCode(
    userId: string,
    appid: string,
  ): Promise<{
    code: string;
    expiresAt: number;
  }>;
  /**
   * The app's server exchanges a phone code once. Another app's code, a used, expired or
   * withdrawn one are refused; the grant must still stand at the moment of exchange.
   */
  exchangePhoneCode(appId: string, code: string): Promise<SharedPhoneNumber>;
  /** Every app the user has granted at least one scope to, with those scopes. */
  authorizations(userId: string): Promise<Authorization[]>;
  /**
   * Withdraws the user's consent to an app (every scope, or one): the scopes are gone,
   * unused phone codes stop working, and the next request asks again. Revoking what
   * was never granted changes nothing.
   */
  revoke(
    userId: string,
    appid: string,
    scope?: PrivacyScope,
  ): Promise<{
    revoked: PrivacyScope[];
  }>;
}

/**
 * Consent per app and per scope. Personal data leaves the platform only through this
 * service, and only while the app declares the scope and the user's grant stands.
 */
export function createConsentService(deps: ConsentDeps): ConsentService {
  const { db, clock, apps, users, profiles } = deps;

  /** Checks declaration and grant, and records the use for the authorizations page. */
  async function requireGrant(userId: string, app: App, scope: PrivacyScope): Promise<void> {
    declaredReason(app, scope);
    const used = await touchGrant(db, { appId: app.id, userId, scope }, clock.now());
    if (!used) throw consentErrors.REQUIRED({ appid: app.appid, scope });
  }

  /** Forgets decisions and stops unused phone codes, in one transaction. */
  async function withdraw(userId: string, app: App, scopes?: PrivacyScope[]): Promise<PrivacyScope[]> {
    return db.transaction().execute(async (trx) => {
      const revoked = await deleteGrants(trx, app.id, userId, scopes);
      if (!scopes || scopes.includes('phone_number')) {
        await revokeUnusedPhoneCodes(trx, app.id, userId, clock.now());
      }
      return revoked;
    });
  }

  async function sheetOf(userId: string, app: App, scope: PrivacyScope): Promise<ConsentSheet> {
    const reason = declaredReason(app, scope);
    const row = await findGrant(db, app.id, userId, scope);
    return {
      app: cardOf(app),
      scope,
      reason,
      granted: row?.decision === 'granted',
      decision: row?.decision ?? null,
      decidedAt: row ? Number(row.decided_at) : null,
    };
  }

  return {
    /** What the consent sheet shows; refuses a scope the app did not declare. */
    async sheet(userId: string, appid: string, scope: PrivacyScope): Promise<ConsentSheet> {
      return sheetOf(userId, await apps.requireActive(appid), scope);
    },

    /** Records the user's answer in the sheet. Denying a granted scope withdraws it. */
    async decide(
      userId: string,
      appid: string,
      scope: PrivacyScope,
      granted: boolean,
    ): Promise<ConsentSheet> {
      const app = await apps.requireActive(appid);
      declaredReason(app, scope);
      if (!granted) await withdraw(userId, app, [scope]);
      await saveDecision(db, {
        app_id: app.id,
        user_id: userId,
        scope,
        decision: granted ? 'granted' : 'denied',
        decided_at: clock.now(),
      });
      return sheetOf(userId, app, scope);
    },

    /** True while the app declares the scope and the user's grant stands (the host checks before answering). */
    async isGranted(userId: string, appid: string, scope: PrivacyScope): Promise<boolean> {
      const app = await apps.findByAppid(appid);
      if (!app?.privacy.some((p) => p.scope === scope)) return false;
      return (await findGrant(db, app.id, userId, scope))?.decision === 'granted';
    },

    /** `getUserProfile`: the nickname and avatar, only with the `profile` grant. */
    async profile(userId: string, appid: string): Promise<SharedProfile> {
      const app = await apps.requireActive(appid);
      await requireGrant(userId, app, 'profile');
      const profile = await profiles.profileOf(userId);
      if (!profile) throw consentErrors.REQUIRED({ appid, scope: 'profile' });
      return profile;
    },

    /** `getLocation`: whether the host may hand the device's location to this app now. */
    async location(userId: string, appid: string): Promise<{ grantedAt: number }> {
      const app = await apps.requireActive(appid);
      await requireGrant(userId, app, 'location');
      const row = await findGrant(db, app.id, userId, 'location');
      return { grantedAt: Number(row?.decided_at) };
    },

    /** The `getPhoneNumber` button: a one-time code for the app's server, only with the grant. */
    async issuePhoneCode(userId: string, appid: string): Promise<{ code: string; expiresAt: number }> {
      const app = await apps.requireActive(appid);
      await requireGrant(userId, app, 'phone_number');
      const now = clock.now();
      const code = newSecret(24);
      await insertPhoneCode(db, {
        id: newId('phc'),
        code_hash: credentialHash(code),
        app_id: app.id,
        user_id: userId,
        created_at: now,
        expires_at: now + phoneCodeLifetimeMs,
        used_at: null,
        revoked_at: null,
      });
      return { code, expiresAt: now + phoneCodeLifetimeMs };
    },

    /**
     * The app's server exchanges a phone code once. Another app's code, a used, expired or
     * withdrawn one are refused; the grant must still stand at the moment of exchange.
     */
    async exchangePhoneCode(appId: string, code: string): Promise<SharedPhoneNumber> {
      const hash = credentialHash(code);
      const now = clock.now();
      const userId = await db.transaction().execute(async (trx) => {
        const consumed = await consumePhoneCode(trx, { hash, appId, now });
        if (consumed === undefined) return undefined;
        const stands = await touchGrant(trx, { appId, userId: consumed, scope: 'phone_number' }, now);
        if (!stands) throw consentErrors.WITHDRAWN();
        return consumed;
      });
      if (userId === undefined) {
        const row = await findPhoneCode(db, hash);
        if (!row || row.app_id !== appId) throw consentErrors.PHONE_CODE_INVALID();
        if (row.revoked_at !== null) throw consentErrors.WITHDRAWN();
        if (row.used_at !== null) throw consentErrors.PHONE_CODE_USED();
        throw consentErrors.PHONE_CODE_EXPIRED();
      }
      const app = await apps.get(appId);
      if (!app?.privacy.some((p) => p.scope === 'phone_number')) throw consentErrors.WITHDRAWN();
      const user = await users.getUser(userId);
      if (!user) throw consentErrors.PHONE_CODE_INVALID();
      await deleteStalePhoneCodes(db, now - day);
      return splitPhoneNumber(user.phone);
    },

    /** Every app the user has granted at least one scope to, with those scopes. */
    async authorizations(userId: string): Promise<Authorization[]> {
      const byApp = new Map<string, Authorization['scopes']>();
      for (const row of await listGrantsOfUser(db, userId)) {
        if (row.decision !== 'granted') continue;
        const scopes = byApp.get(row.app_id) ?? [];
        scopes.push({
          scope: row.scope,
          grantedAt: Number(row.decided_at),
          lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
        });
        byApp.set(row.app_id, scopes);
      }
      const out: Authorization[] = [];
      for (const [appId, scopes] of byApp) {
        const app = await apps.get(appId);
        if (app) out.push({ app: cardOf(app), scopes });
      }
      return out;
    },

    /**
     * Withdraws the user's consent to an app (every scope, or one): the scopes are gone,
     * unused phone codes stop working, and the next request asks again. Revoking what
     * was never granted changes nothing.
     */
    async revoke(userId: string, appid: string, scope?: PrivacyScope): Promise<{ revoked: PrivacyScope[] }> {
      const app = await apps.findByAppid(appid);
      if (!app) throw appErrors.NOT_FOUND({ appid });
      return { revoked: await withdraw(userId, app, scope ? [scope] : undefined) };
    },
  };
}
