import type { Db } from '../../db/database.ts';
import type { PrivacyScope } from '../apps/index.ts';
import type { ConsentGrantRow } from './consent.table.ts';

export function findGrant(
  db: Db,
  appId: string,
  userId: string,
  scope: PrivacyScope,
): Promise<ConsentGrantRow | undefined> {
  return db
    .selectFrom('consent_grant')
    .selectAll()
    .where('app_id', '=', appId)
    .where('user_id', '=', userId)
    .where('scope', '=', scope)
    .executeTakeFirst();
}

/** Records the latest decision; a repeat of the same decision keeps its first time. */
export async function saveDecision(db: Db, row: Omit<ConsentGrantRow, 'last_used_at'>): Promise<void> {
  await db
    .insertInto('consent_grant')
    .values({ ...row, last_used_at: null })
    .onConflict((oc) =>
      oc
        .columns(['app_id', 'user_id', 'scope'])
        .doUpdateSet({ decision: row.decision, decided_at: row.decided_at })
        .where('consent_grant.decision', '<>', row.decision),
    )
    .execute();
}

/** Marks a granted scope used now; false when it is not (or no longer) granted. */
export async function touchGrant(
  db: Db,
  key: { appId: string; userId: string; scope: PrivacyScope },
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable('consent_grant')
    .set({ last_used_at: at })
    .where('app_id', '=', key.appId)
    .where('user_id', '=', key.userId)
    .where('scope', '=', key.scope)
    .where('decision', '=', 'granted')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Removes decisions of a user for one app (all scopes, or the ones named); returns what was granted. */
export async function deleteGrants(
  db: Db,
  appId: string,
  userId: string,
  scopes?: readonly PrivacyScope[],
): Promise<PrivacyScope[]> {
  let query = db
    .deleteFrom('consent_grant')
    .where('app_id', '=', appId)
    .where('user_id', '=', userId)
    .returning(['scope', 'decision']);
  if (scopes) query = query.where('scope', 'in', scopes);
  const rows = await query.execute();
  return rows.filter((r) => r.decision === 'granted').map((r) => r.scope);
}

export function listGrantsOfUser(db: Db, userId: string): Promise<ConsentGrantRow[]> {
  return db
    .selectFrom('consent_grant')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('decided_at')
    .orderBy('app_id')
    .orderBy('scope')
    .execute();
}

export async function deleteGrantsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('consent_grant').where('user_id', '=', userId).execute();
}
