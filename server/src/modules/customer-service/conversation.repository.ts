import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type {
  ConversationRow,
  ConversationStatus,
  SupportConversationTable,
} from './customer-service.table.ts';

export function findConversation(db: Executor, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('support_conversation').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findConversationOf(
  db: Executor,
  appId: string,
  userId: string,
): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('support_conversation')
    .selectAll()
    .where('app_id', '=', appId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Creates the pair's conversation unless another request just did; answers the one that stands. */
export async function ensureConversation(
  db: Executor,
  row: SupportConversationTable,
): Promise<ConversationRow> {
  await db
    .insertInto('support_conversation')
    .values(row)
    .onConflict((oc) => oc.columns(['app_id', 'user_id']).doNothing())
    .execute();
  return (await findConversationOf(db, row.app_id, row.user_id)) as ConversationRow;
}

export function listConversationsOfUser(db: Executor, userId: string): Promise<ConversationRow[]> {
  return db
    .selectFrom('support_conversation')
    .selectAll()
    .where('user_id', '=', userId)
    .where('last_message_id', 'is not', null)
    .orderBy('updated_at', 'desc')
    .execute();
}

export function listConversationsOfApp(
  db: Executor,
  appId: string,
  status: ConversationStatus | undefined,
  limit: number,
): Promise<ConversationRow[]> {
  let q = db
    .selectFrom('support_conversation')
    .selectAll()
    .where('app_id', '=', appId)
    .where('last_message_id', 'is not', null);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('updated_at', 'desc').limit(limit).execute();
}

/** Counts by status of an app's conversations, for the inbox's tabs. */
export function countConversationsOfApp(
  db: Executor,
  appId: string,
): Promise<{ status: ConversationStatus; count: number; unread: number }[]> {
  return db
    .selectFrom('support_conversation')
    .select((eb) => [
      'status',
      eb.fn.countAll<number>().as('count'),
      eb.fn.coalesce(eb.fn.sum<number>('agent_unread'), sql<number>`0`).as('unread'),
    ])
    .where('app_id', '=', appId)
    .where('last_message_id', 'is not', null)
    .groupBy('status')
    .execute();
}

/** A line of the user: the conversation (re)opens, the reply window starts again. */
export async function recordUserLine(
  trx: Executor,
  id: string,
  line: { messageId: string; at: number },
): Promise<void> {
  await trx
    .updateTable('support_conversation')
    .set((eb) => ({
      status: 'open',
      agent_unread: eb('agent_unread', '+', 1),
      last_user_message_at: line.at,
      replies_since_user: 0,
      last_message_id: line.messageId,
      updated_at: line.at,
    }))
    .where('id', '=', id)
    .execute();
}

/**
 * Takes one of the merchant's answers to the user's last line, if the window allows it
 * (not blocked, within `windowMs` of that line, fewer than `max` answers): one conditional
 * update, so concurrent answers cannot pass the limit. False when refused.
 */
export async function claimReply(
  trx: Executor,
  id: string,
  line: { messageId: string; at: number },
  window: { windowMs: number; max: number },
): Promise<boolean> {
  const result = await trx
    .updateTable('support_conversation')
    .set((eb) => ({
      status: sql<ConversationStatus>`case when status = 'closed' then 'closed' else 'waiting' end`,
      user_unread: eb('user_unread', '+', 1),
      agent_unread: 0,
      replies_since_user: eb('replies_since_user', '+', 1),
      last_message_id: line.messageId,
      updated_at: line.at,
    }))
    .where('id', '=', id)
    .where('blocked_at', 'is', null)
    .where('replies_since_user', '<', window.max)
    .where('last_user_message_at', '>=', line.at - window.windowMs)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markReadByUser(db: Executor, id: string): Promise<void> {
  await db.updateTable('support_conversation').set({ user_unread: 0 }).where('id', '=', id).execute();
}

export async function markReadByAgents(db: Executor, id: string): Promise<void> {
  await db.updateTable('support_conversation').set({ agent_unread: 0 }).where('id', '=', id).execute();
}

export async function setStatus(db: Executor, id: string, status: ConversationStatus, at: number) {
  await db.updateTable('support_conversation').set({ status, updated_at: at }).where('id', '=', id).execute();
}

export async function setBlocked(db: Executor, id: string, blockedAt: number | null): Promise<void> {
  await db.updateTable('support_conversation').set({ blocked_at: blockedAt }).where('id', '=', id).execute();
}

export async function deleteConversationsOfUser(trx: Executor, userId: string): Promise<void> {
  await trx.deleteFrom('support_conversation').where('user_id', '=', userId).execute();
}
