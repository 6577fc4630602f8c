import type { Executor } from '../../db/database.ts';
import { type NewestFirstPage, newestFirst } from '../../db/newest-first.ts';
import type {
  NewSupportMessageRow,
  QuickReplyRow,
  ReportRow,
  SupportMessageRow,
  SupportQuickReplyTable,
  SupportReportTable,
} from './customer-service.table.ts';

export async function insertSupportMessage(trx: Executor, row: NewSupportMessageRow): Promise<void> {
  await trx.insertInto('support_message').values(row).execute();
}

export function findSupportMessage(db: Executor, id: string): Promise<SupportMessageRow | undefined> {
  return db.selectFrom('support_message').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSupportMessages(db: Executor, ids: string[]): Promise<SupportMessageRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('support_message').selectAll().where('id', 'in', ids).execute();
}

/** A conversation's lines, newest first. */
export function listConversationMessages(
  db: Executor,
  conversationId: string,
  page: NewestFirstPage,
): Promise<SupportMessageRow[]> {
  return newestFirst(
    db.selectFrom('support_message').selectAll().where('conversation_id', '=', conversationId),
    page,
  ).execute();
}

/** The users' lines to an app after the cursor (a message id), oldest first: the merchant's polling. */
export function listUserLinesAfter(
  db: Executor,
  appId: string,
  after: string | undefined,
  limit: number,
): Promise<SupportMessageRow[]> {
  let q = db
    .selectFrom('support_message')
    .selectAll()
    .where('app_id', '=', appId)
    .where('sender', '=', 'user');
  if (after) q = q.where('id', '>', after);
  return q.orderBy('id').limit(limit).execute();
}

/** Lines written after `after` (ms), oldest first: the SQLite live feed's poll. */
export function listLinesSince(db: Executor, after: number, limit: number): Promise<SupportMessageRow[]> {
  return db
    .selectFrom('support_message')
    .selectAll()
    .where('created_at', '>', after)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export function listMessagesOfUser(db: Executor, userId: string): Promise<SupportMessageRow[]> {
  return db.selectFrom('support_message').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}

/** The blobs of a user's images (to delete with them). */
export async function imageBlobsOfUser(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('support_message')
    .select('image_blob')
    .where('user_id', '=', userId)
    .where('image_blob', 'is not', null)
    .execute();
  return rows.map((r) => r.image_blob as string);
}

/** Whether any line still shows this blob (the same bytes sent twice share one). */
export async function imageBlobInUse(db: Executor, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('support_message')
    .select('id')
    .where('image_blob', '=', sha256)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteMessagesOfUser(trx: Executor, userId: string): Promise<void> {
  await trx.deleteFrom('support_message').where('user_id', '=', userId).execute();
}

export async function insertReport(trx: Executor, row: SupportReportTable): Promise<void> {
  await trx.insertInto('support_report').values(row).execute();
}

export function listReports(db: Executor, page: NewestFirstPage): Promise<ReportRow[]> {
  return newestFirst(db.selectFrom('support_report').selectAll(), page).execute();
}

export function listReportsOfUser(db: Executor, userId: string): Promise<ReportRow[]> {
  return db.selectFrom('support_report').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}

export async function deleteReportsOfUser(trx: Executor, userId: string): Promise<void> {
  await trx.deleteFrom('support_report').where('user_id', '=', userId).execute();
}

export function listQuickReplies(db: Executor, appId: string): Promise<QuickReplyRow[]> {
  return db.selectFrom('support_quick_reply').selectAll().where('app_id', '=', appId).orderBy('id').execute();
}

export async function countQuickReplies(db: Executor, appId: string): Promise<number> {
  const row = await db
    .selectFrom('support_quick_reply')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('app_id', '=', appId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertQuickReply(db: Executor, row: SupportQuickReplyTable): Promise<void> {
  await db.insertInto('support_quick_reply').values(row).execute();
}

export async function deleteQuickReply(db: Executor, appId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('support_quick_reply')
    .where('app_id', '=', appId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
