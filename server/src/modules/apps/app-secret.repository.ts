import type { Db } from '../../db/database.ts';
import type { AppSecretRow } from './apps.table.ts';

export async function insertAppSecret(db: Db, row: AppSecretRow): Promise<void> {
  await db.insertInto('app_secret').values(row).execute();
}

/** Secrets that still work at `now`: the current one and those inside their grace period. */
export function listLiveSecrets(db: Db, appId: string, now: number): Promise<AppSecretRow[]> {
  return db
    .selectFrom('app_secret')
    .selectAll()
    .where('app_id', '=', appId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
}

/**
 * Starts the grace period of every live secret: none may outlive `until`, and one already
 * ending sooner keeps its earlier end.
 */
export async function expireSecrets(db: Db, appId: string, until: number): Promise<void> {
  await db
    .updateTable('app_secret')
    .set({ expires_at: until })
    .where('app_id', '=', appId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', until)]))
    .execute();
}
