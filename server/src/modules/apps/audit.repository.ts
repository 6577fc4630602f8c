import type { Db } from '../../db/database.ts';
import type { AppAuditRow } from './apps.table.ts';

export async function insertAudit(db: Db, row: AppAuditRow): Promise<void> {
  await db.insertInto('app_audit').values(row).execute();
}

/** Newest first; `before` is the last id of the previous page. */
export function listAudit(
  db: Db,
  appId: string,
  page: { before?: string; limit: number },
): Promise<AppAuditRow[]> {
  return db
    .selectFrom('app_audit')
    .selectAll()
    .where('app_id', '=', appId)
    .$if(page.before !== undefined, (qb) => qb.where('id', '<', page.before as string))
    .orderBy('id', 'desc')
    .limit(page.limit)
    .execute();
}
