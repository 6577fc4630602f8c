import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import type { AppSecretRow } from './apps.table.ts';

/** Stores the hash of a new secret of an app, valid until a rotation expires it; the secret's id. */
export async function addAppSecret(db: Db, appId: string, secretHash: string, now: number): Promise<string> {
  const id = newId('sec');
  const row: AppSecretRow = { id, app_id: appId, secret_hash: secretHash, created_at: now, expires_at: null };
  await db.insertInto('app_secret').values(row).execute();
  return id;
}

const liveSecrets = preparedQuery((db, a: { appId: string; now: number }) =>
  db
    .selectFrom('app_secret')
    .selectAll()
    .where('app_id', '=', a.appId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', a.now)])),
);

/** Secrets that still work at `now`: the current one and those inside their grace period. */
export function listLiveSecrets(db: Db, appId: string, now: number): Promise<AppSecretRow[]> {
  return liveSecrets(db, 'live', { appId, now });
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
