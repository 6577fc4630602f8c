import type { Db } from '../../db/database.ts';
import { type NewestFirstPage, newestFirst } from '../../db/newest-first.ts';
import type { AppAuditRow } from './apps.table.ts';

export async function insertAudit(db: Db, row: AppAuditRow): Promise<void> {
  await db.insertInto('app_audit').values(row).execute();
}

/** Newest first; `before` is the last id of the previous page. */
export function listAudit(db: Db, appId: string, page: NewestFirstPage): Promise<AppAuditRow[]> {
  return newestFirst(db.selectFrom('app_audit').selectAll().where('app_id', '=', appId), page).execute();
}
