import type { Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type {
  OrgQualificationRow,
  OrgQualificationTable,
  QualificationScanRow,
  QualificationStatus,
} from './industries.table.ts';

export async function insertScan(db: Executor, row: QualificationScanRow): Promise<void> {
  await db.insertInto('qualification_scan').values(row).execute();
}

export function findScan(db: Executor, id: string): Promise<QualificationScanRow | undefined> {
  return db.selectFrom('qualification_scan').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertQualification(db: Executor, row: OrgQualificationRow): Promise<void> {
  await db.insertInto('org_qualification').values(row).execute();
}

export function findQualification(db: Executor, id: string): Promise<OrgQualificationRow | undefined> {
  return db.selectFrom('org_qualification').selectAll().where('id', '=', id).executeTakeFirst();
}

export function qualificationsOfOrg(db: Executor, orgId: string): Promise<OrgQualificationRow[]> {
  return db
    .selectFrom('org_qualification')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function qualificationsByStatus(
  db: Executor,
  status: QualificationStatus,
  limit: number,
): Promise<OrgQualificationRow[]> {
  return db
    .selectFrom('org_qualification')
    .selectAll()
    .where('status', '=', status)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Sets the review only while the row is still pending; true when it was. */
export async function reviewQualification(
  db: Executor,
  id: string,
  patch: Updateable<OrgQualificationTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('org_qualification')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Approved qualifications ending before `until` that have no notice of `kind` yet. */
export function approvedEndingBefore(
  db: Executor,
  until: number,
  kind: 'expiring' | 'expired',
  limit: number,
): Promise<OrgQualificationRow[]> {
  return db
    .selectFrom('org_qualification as q')
    .selectAll('q')
    .where('q.status', '=', 'approved')
    .where('q.valid_until', '<=', until)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('industry_notice as n')
            .select('n.id')
            .whereRef('n.qualification_id', '=', 'q.id')
            .where('n.kind', '=', kind),
        ),
      ),
    )
    .orderBy('q.valid_until')
    .limit(limit)
    .execute();
}
