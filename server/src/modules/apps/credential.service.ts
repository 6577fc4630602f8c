import { housekeeping } from '../../db/housekeeping.ts';
import { newId } from '../../db/ids.ts';
import { type App, type AppCaller, toApp } from './app.model.ts';
import { findAppByAppid, findAppById, updateApp } from './app.repository.ts';
import { appForCaller } from './app-access.ts';
import { actorOf, recordAudit } from './app-audit.ts';
import {
  credentialHash,
  newAppSecret,
  newClientToken,
  newWebhookSecret,
  sameHash,
} from './app-credentials.ts';
import { addAppSecret, expireSecrets, listLiveSecrets } from './app-secret.repository.ts';
import type { AppsDeps } from './apps.service.ts';
import {
  deleteExpiredClientTokens,
  findClientTokenByHash,
  findClientTokenById,
  insertClientToken,
} from './client-token.repository.ts';
import { countFailure, findThrottle } from './credential-throttle.repository.ts';
import { appErrors } from './errors.ts';

const hour = 3_600_000;
export const clientTokenLifetimeMs = 2 * hour;
/** Longest grace a rotated secret may keep working: enough to redeploy every server. */
export const maxSecretGraceMs = 7 * 24 * hour;
/** The previous webhook secret still signs (beside the new one) this long, so receivers can switch. */
export const webhookSecretOverlapMs = 24 * hour;
/** Wrong secrets allowed per appid and IP within the window before further tries are refused. */
export const credentialThrottle = { maxFailures: 10, windowMs: 15 * 60_000 };

export interface RotatedSecret {
  secret: string;
  /** When the secrets it replaces stop working (now when the grace is 0). */
  previousExpiresAt: number;
}

export interface ClientToken {
  accessToken: string;
  expiresIn: number;
  expiresAt: number;
}

/** An app's secrets, webhook signing secrets and client tokens. */
export interface CredentialService {
  /** The app whose appid and secret these are; throttled per appid and address. */
  authenticate(appid: string, secret: string, ip: string): Promise<App>;
  rotateSecret(caller: AppCaller, appid: string, graceMs: number): Promise<RotatedSecret>;
  webhookSecret(caller: AppCaller, appid: string): Promise<string>;
  rotateWebhookSecret(
    caller: AppCaller,
    appid: string,
  ): Promise<{ webhookSecret: string; previousUntil: number }>;
  webhookSigningSecrets(appId: string): Promise<string[]>;
  issueClientToken(appid: string, secret: string, ip: string): Promise<ClientToken>;
  clientTokenExpiry(tokenId: string): Promise<number | undefined>;
  resolveClientToken(
    token: string,
  ): Promise<{ appId: string; tokenId: string; expiresAt: number } | undefined>;
}

export function createCredentialService(deps: AppsDeps): CredentialService {
  const { db, clock } = deps;
  // Expired tokens are never valid; issuing sweeps them at most once a minute per process.
  const sweepExpiredTokens = housekeeping(clock, 60_000, (now) =>
    deleteExpiredClientTokens(db, now - clientTokenLifetimeMs),
  );

  /** True when `secret` is one of the app's live secrets; compares digests in constant time. */
  async function secretMatches(appId: string, secret: string, now: number): Promise<boolean> {
    const hash = credentialHash(secret);
    let match = false;
    // Every live secret is compared, so the timing does not tell which one matched.
    for (const row of await listLiveSecrets(db, appId, now)) match = sameHash(row.secret_hash, hash) || match;
    return match;
  }

  /**
   * Checks appid + secret for a server-to-server call. Wrong secrets are counted per appid
   * and IP; past the limit every try is refused until the window passes, right or wrong.
   */
  async function authenticate(appid: string, secret: string, ip: string): Promise<App> {
    const now = clock.now();
    const scope = `${appid}|${ip}`;
    const throttle = await findThrottle(db, scope);
    const windowEnds = throttle ? throttle.window_started_at + credentialThrottle.windowMs : 0;
    if (throttle && windowEnds > now && throttle.failures >= credentialThrottle.maxFailures) {
      throw appErrors.CREDENTIALS_THROTTLED({ retry_after_seconds: Math.ceil((windowEnds - now) / 1000) });
    }
    const row = appid.length <= 64 && secret.length <= 256 ? await findAppByAppid(db, appid) : undefined;
    if (!row || !(await secretMatches(row.id, secret, now))) {
      await countFailure(db, scope, now, credentialThrottle.windowMs);
      throw appErrors.INVALID_CREDENTIALS();
    }
    if (row.status !== 'active') throw appErrors.TAKEN_DOWN({ appid });
    return toApp(row);
  }

  return {
    authenticate,

    /**
     * Issues a fresh secret (role ≥ admin); the old ones keep working for `graceMs`
     * (0 to 7 days), then stop.
     */
    async rotateSecret(caller: AppCaller, appid: string, graceMs: number): Promise<RotatedSecret> {
      const row = await appForCaller(deps, caller, appid, 'admin');
      const grace = Math.min(Math.max(0, Math.floor(graceMs)), maxSecretGraceMs);
      const now = clock.now();
      const { secret, hash } = newAppSecret();
      await db.transaction().execute(async (trx) => {
        await expireSecrets(trx, row.id, now + grace);
        const secretId = await addAppSecret(trx, row.id, hash, now);
        await recordAudit(trx, {
          appId: row.id,
          actor: actorOf(caller),
          action: 'secret.rotated',
          after: { secret_id: secretId, previous_expire_at: now + grace },
          at: now,
        });
      });
      return { secret, previousExpiresAt: now + grace };
    },

    /** The webhook signing secret, for the developer to configure their receiver (role ≥ developer). */
    async webhookSecret(caller: AppCaller, appid: string): Promise<string> {
      return (await appForCaller(deps, caller, appid, 'developer')).webhook_secret;
    },

    /** A new webhook signing secret (role ≥ admin); the old one also signs for a day. */
    async rotateWebhookSecret(
      caller: AppCaller,
      appid: string,
    ): Promise<{ webhookSecret: string; previousUntil: number }> {
      const row = await appForCaller(deps, caller, appid, 'admin');
      const now = clock.now();
      const webhookSecret = newWebhookSecret();
      const previousUntil = now + webhookSecretOverlapMs;
      await db.transaction().execute(async (trx) => {
        await updateApp(trx, row.id, {
          webhook_secret: webhookSecret,
          previous_webhook_secret: row.webhook_secret,
          previous_webhook_secret_until: previousUntil,
          updated_at: now,
        });
        await recordAudit(trx, {
          appId: row.id,
          actor: actorOf(caller),
          action: 'webhook_secret.rotated',
          after: { previous_signs_until: previousUntil },
          at: now,
        });
      });
      return { webhookSecret, previousUntil };
    },

    /** The secrets webhooks are signed with now: the current one, and the previous during its overlap. */
    async webhookSigningSecrets(appId: string): Promise<string[]> {
      const row = await findAppById(db, appId);
      if (!row) throw appErrors.NOT_FOUND({ app_id: appId });
      const previous =
        row.previous_webhook_secret !== null && Number(row.previous_webhook_secret_until) > clock.now()
          ? [row.previous_webhook_secret]
          : [];
      return [row.webhook_secret, ...previous];
    },

    /**
     * `client_credential`: appid + secret → a 2-hour bearer token. Earlier tokens stay
     * valid until they expire, so several servers can each fetch their own.
     */
    async issueClientToken(appid: string, secret: string, ip: string): Promise<ClientToken> {
      const app = await authenticate(appid, secret, ip);
      const now = clock.now();
      const { token, hash } = newClientToken();
      await insertClientToken(db, {
        id: newId('ctk'),
        app_id: app.id,
        token_hash: hash,
        created_at: now,
        expires_at: now + clientTokenLifetimeMs,
      });
      await sweepExpiredTokens();
      return {
        accessToken: token,
        expiresIn: clientTokenLifetimeMs / 1000,
        expiresAt: now + clientTokenLifetimeMs,
      };
    },

    /** When a client token (by id) expires; undefined for an unknown id. */
    async clientTokenExpiry(tokenId: string): Promise<number | undefined> {
      const row = await findClientTokenById(db, tokenId);
      return row && Number(row.expires_at);
    },

    /** The app a client token stands for; undefined when unknown, expired or the app is taken down. */
    async resolveClientToken(
      token: string,
    ): Promise<{ appId: string; tokenId: string; expiresAt: number } | undefined> {
      if (token.length > 200) return undefined;
      const row = await findClientTokenByHash(db, credentialHash(token));
      if (!row || Number(row.expires_at) <= clock.now()) return undefined;
      const app = await findAppById(db, row.app_id);
      if (app?.status !== 'active') return undefined;
      return { appId: row.app_id, tokenId: row.id, expiresAt: Number(row.expires_at) };
    },
  };
}
