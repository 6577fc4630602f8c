import type { Db } from '../../db/database.ts';

export async function insertSetupToken(
  db: Db,
  row: { id: string; token_hash: string; created_at: number; expires_at: number },
): Promise<void> {
  await db
    .insertInto('setup_token')
    .values({ ...row, used_at: null })
    .execute();
}

/** Retires every unused token, so only the most recently printed link works. */
export async function retireSetupTokens(db: Db, at: number): Promise<void> {
  await db.updateTable('setup_token').set({ used_at: at }).where('used_at', 'is', null).execute();
}

/** Marks the token used if it is live; false when unknown, used or expired. */
export async function consumeSetupToken(db: Db, tokenHash: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('setup_token')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
