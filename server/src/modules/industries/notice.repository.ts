import type { Executor } from '../../db/database.ts';
import type { IndustryNoticeRow } from './industries.table.ts';

/** Records a notice unless one of its kind exists for the qualification; true when recorded. */
export async function insertNotice(db: Executor, row: IndustryNoticeRow): Promise<boolean> {
  const result = await db
    .insertInto('industry_notice')
    .values(row)
    .onConflict((oc) => oc.columns(['qualification_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function noticesOfOrg(db: Executor, orgId: string, limit: number): Promise<IndustryNoticeRow[]> {
  return db
    .selectFrom('industry_notice')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
