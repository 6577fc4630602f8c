import type { Db } from '../../db/database.ts';

/** Cut-off times: rows older than these are no longer needed by any rule. */
export interface PurgeCutoffs {
  sessions: number;
  otps: number;
  setupTokens: number;
  loginThrottles: number;
}

/** Deletes dead sessions, codes, setup tokens and lapsed lockouts; returns how many rows went. */
export async function purgeExpiredRows(db: Db, now: number, before: PurgeCutoffs): Promise<number> {
  const results = await Promise.all([
    db
      .deleteFrom('auth_session')
      .where((eb) => eb.or([eb('expires_at', '<', before.sessions), eb('revoked_at', '<', before.sessions)]))
      .executeTakeFirst(),
    db.deleteFrom('phone_otp').where('created_at', '<', before.otps).executeTakeFirst(),
    db
      .deleteFrom('setup_token')
      .where((eb) =>
        eb.or([eb('expires_at', '<', before.setupTokens), eb('used_at', '<', before.setupTokens)]),
      )
      .executeTakeFirst(),
    db
      .deleteFrom('login_throttle')
      .where('window_started_at', '<', before.loginThrottles)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .executeTakeFirst(),
  ]);
  return results.reduce((sum, r) => sum + Number(r.numDeletedRows), 0);
}
