import type { Executor } from '../../db/database.ts';
import type { ClaimStatus, PlaceClaimRow } from './places.table.ts';

export async function insert(db: Executor, row: PlaceClaimRow): Promise<void> {
  await db.insertInto('place_claim').values(row).execute();
}

export function find(db: Executor, id: string): Promise<PlaceClaimRow | undefined> {
  return db.selectFrom('place_claim').selectAll().where('id', '=', id).executeTakeFirst();
}

export function pendingOf(db: Executor, poiId: string, orgId: string): Promise<PlaceClaimRow | undefined> {
  return db
    .selectFrom('place_claim')
    .selectAll()
    .where('poi_id', '=', poiId)
    .where('org_id', '=', orgId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export function list(db: Executor, status: ClaimStatus): Promise<PlaceClaimRow[]> {
  return db
    .selectFrom('place_claim')
    .selectAll()
    .where('status', '=', status)
    .orderBy('created_at')
    .orderBy('id')
    .limit(200)
    .execute();
}

/** Decides a pending claim; false when it was no longer pending (another review won). */
export async function decide(
  db: Executor,
  id: string,
  decision: { status: ClaimStatus; reviewed_by: string; reason: string | null; reviewed_at: number },
): Promise<boolean> {
  const r = await db
    .updateTable('place_claim')
    .set(decision)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function rejectOthers(
  db: Executor,
  poiId: string,
  keepId: string,
  by: string,
  at: number,
): Promise<void> {
  await db
    .updateTable('place_claim')
    .set({ status: 'rejected', reviewed_by: by, reason: 'another claim was approved', reviewed_at: at })
    .where('poi_id', '=', poiId)
    .where('status', '=', 'pending')
    .where('id', '!=', keepId)
    .execute();
}
