import type { Db } from '../../db/database.ts';
import type { OrgInvitationRow, OrgMemberRow, OrgRole, OrgRow } from './identity.table.ts';

export async function insertOrg(db: Db, row: OrgRow): Promise<void> {
  await db.insertInto('org').values(row).execute();
}

export async function findOrg(db: Db, id: string): Promise<OrgRow | undefined> {
  return db.selectFrom('org').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Writes the org row first thing in a transaction: on PostgreSQL that takes its row lock,
 * on SQLite the write lock, so membership changes of one org run one at a time and the
 * "at least one owner" check cannot be raced. The same statement works on both engines.
 */
export async function lockOrg(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db.updateTable('org').set({ updated_at: now }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listOrgsOfAccount(
  db: Db,
  accountId: string,
): Promise<Array<OrgRow & { role: OrgRole }>> {
  return db
    .selectFrom('org_member')
    .innerJoin('org', 'org.id', 'org_member.org_id')
    .selectAll('org')
    .select('org_member.role')
    .where('org_member.account_id', '=', accountId)
    .orderBy('org.created_at')
    .orderBy('org.id')
    .execute();
}

export async function findMemberRole(db: Db, orgId: string, accountId: string): Promise<OrgRole | undefined> {
  const row = await db
    .selectFrom('org_member')
    .select('role')
    .where('org_id', '=', orgId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.role;
}

export async function insertMember(db: Db, row: OrgMemberRow): Promise<void> {
  await db.insertInto('org_member').values(row).execute();
}

export async function updateMemberRole(
  db: Db,
  orgId: string,
  accountId: string,
  role: OrgRole,
  now: number,
): Promise<void> {
  await db
    .updateTable('org_member')
    .set({ role, updated_at: now })
    .where('org_id', '=', orgId)
    .where('account_id', '=', accountId)
    .execute();
}

export async function deleteMember(db: Db, orgId: string, accountId: string): Promise<void> {
  await db.deleteFrom('org_member').where('org_id', '=', orgId).where('account_id', '=', accountId).execute();
}

export async function countOwners(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('org_member')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listMembers(
  db: Db,
  orgId: string,
): Promise<Array<{ account_id: string; email: string; name: string; role: OrgRole; created_at: number }>> {
  return db
    .selectFrom('org_member')
    .innerJoin('account', 'account.id', 'org_member.account_id')
    .select([
      'org_member.account_id',
      'account.email',
      'account.name',
      'org_member.role',
      'org_member.created_at',
    ])
    .where('org_member.org_id', '=', orgId)
    .orderBy('org_member.created_at')
    .orderBy('org_member.account_id')
    .execute();
}

export async function insertInvitation(db: Db, row: OrgInvitationRow): Promise<void> {
  await db.insertInto('org_invitation').values(row).execute();
}

export async function findInvitation(
  db: Db,
  orgId: string,
  email: string,
): Promise<OrgInvitationRow | undefined> {
  return db
    .selectFrom('org_invitation')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function listInvitations(db: Db, orgId: string): Promise<OrgInvitationRow[]> {
  return db
    .selectFrom('org_invitation')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .execute();
}

export async function listInvitationsForEmail(db: Db, email: string): Promise<OrgInvitationRow[]> {
  return db.selectFrom('org_invitation').selectAll().where('email', '=', email).execute();
}

export async function deleteInvitation(db: Db, orgId: string, email: string): Promise<boolean> {
  const result = await db
    .deleteFrom('org_invitation')
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
