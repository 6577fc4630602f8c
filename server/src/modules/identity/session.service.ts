import { newId, newSecret } from '../../db/ids.ts';
import type { SessionPrincipal } from '../../principal/index.ts';
import type { SessionGrant } from './identity.model.ts';
import type { SessionKind } from './identity.table.ts';
import type { IdentityDeps } from './identity-context.ts';
import { hashToken, issueToken, tokenPrefixes } from './secret-token.ts';
import { findSessionWithAccount, insertSession, revokeSession } from './session.repository.ts';
import { sessionCacheFor } from './session-cache.ts';

const day = 24 * 3600_000;
/** Console sessions are shorter: they can change apps, money settings and members. */
export const sessionLifetimeMs: Record<SessionKind, number> = { account: 14 * day, user: 30 * day };

export type { SessionPrincipal } from '../../principal/index.ts';

/** The kind of session a bearer token belongs to, judged by its prefix only. */
export function sessionKindOfToken(token: string): SessionKind | undefined {
  if (token.startsWith(`${tokenPrefixes.account}_`)) return 'account';
  if (token.startsWith(`${tokenPrefixes.user}_`)) return 'user';
  return undefined;
}

export interface SessionService {
  start(kind: SessionKind, subjectId: string): Promise<SessionGrant>;
  /** The principal a session token stands for; undefined when forged, expired or revoked. */
  resolve(token: string, via: 'cookie' | 'bearer'): Promise<SessionPrincipal | undefined>;
  end(sessionId: string): Promise<void>;
}

export function createSessionService({ db, clock }: IdentityDeps): SessionService {
  // Every authenticated request resolves its session: kept per process, refused at once when revoked.
  const cache = sessionCacheFor<NonNullable<Awaited<ReturnType<typeof findSessionWithAccount>>>>(db);
  return {
    async start(kind: SessionKind, subjectId: string): Promise<SessionGrant> {
      const { token, hash } = issueToken(tokenPrefixes[kind]);
      const now = clock.now();
      const row = {
        id: newId('ses'),
        kind,
        subject_id: subjectId,
        token_hash: hash,
        csrf_token: newSecret(24),
        created_at: now,
        expires_at: now + sessionLifetimeMs[kind],
        revoked_at: null,
      };
      await insertSession(db, row);
      return { sessionId: row.id, token, csrfToken: row.csrf_token, expiresAt: row.expires_at };
    },

    /** The principal a session token stands for; undefined when forged, expired or revoked. */
    async resolve(token: string, via: 'cookie' | 'bearer'): Promise<SessionPrincipal | undefined> {
      const kind = sessionKindOfToken(token);
      if (!kind || token.length > 200) return undefined;
      const hash = hashToken(token);
      const row = await cache.lookup(hash, () => findSessionWithAccount(db, hash));
      if (!row || row.kind !== kind || row.revoked_at !== null || row.expires_at <= clock.now())
        return undefined;
      const base = { sessionId: row.id, via, csrfToken: row.csrf_token };
      if (kind === 'user') return { kind: 'user', userId: row.subject_id, ...base };
      if (row.account_exists === null) return undefined;
      return {
        kind: 'account',
        accountId: row.subject_id,
        operator: Number(row.account_operator) === 1,
        ...base,
      };
    },

    async end(sessionId: string): Promise<void> {
      await revokeSession(db, sessionId, clock.now());
    },
  };
}
