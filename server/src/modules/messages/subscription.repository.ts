import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { SubscriptionRow } from './messages.table.ts';

interface Key {
  appId: string;
  userId: string;
  templateId: string;
}

export function findSubscriptions(
  db: Executor,
  appId: string,
  userId: string,
  templateIds: readonly string[],
): Promise<SubscriptionRow[]> {
  if (templateIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('message_subscription')
    .selectAll()
    .where('user_id', '=', userId)
    .where('app_id', '=', appId)
    .where('template_id', 'in', templateIds)
    .execute();
}

export function listSubscriptionsOfUser(db: Executor, userId: string): Promise<SubscriptionRow[]> {
  return db
    .selectFrom('message_subscription')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('app_id')
    .orderBy('template_id')
    .execute();
}

/**
 * Records one answer: an accepted one-time template gains a send credit, an accepted
 * long-term one may send; `remember` keeps the answer for the next request.
 */
export async function recordAnswer(
  db: Executor,
  key: Key,
  answer: { accept: boolean; longTerm: boolean; remember: 'accept' | 'reject' | null },
  at: number,
): Promise<void> {
  const credit = answer.accept && !answer.longTerm ? 1 : 0;
  const longTerm = answer.accept && answer.longTerm ? 1 : 0;
  await db
    .insertInto('message_subscription')
    .values({
      app_id: key.appId,
      user_id: key.userId,
      template_id: key.templateId,
      credits: credit,
      long_term: longTerm,
      remembered: answer.remember,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'app_id', 'template_id']).doUpdateSet({
        credits: sql<number>`message_subscription.credits + ${credit}`,
        // A long-term "reject" withdraws what an earlier "accept" gave.
        long_term: answer.longTerm ? longTerm : sql<number>`message_subscription.long_term`,
        remembered: answer.remember ?? sql<null>`message_subscription.remembered`,
        updated_at: at,
      }),
    )
    .execute();
}

/**
 * Takes one send from the user's consent: a credit of a one-time template, or nothing
 * of a long-term one that stands. False when there is none. The row is locked until
 * the caller's transaction ends, so concurrent sends spend each credit once.
 */
export async function spendConsent(db: Executor, key: Key, longTerm: boolean, at: number): Promise<boolean> {
  const base = db
    .updateTable('message_subscription')
    .where('user_id', '=', key.userId)
    .where('app_id', '=', key.appId)
    .where('template_id', '=', key.templateId);
  const result = longTerm
    ? await base.set({ updated_at: at }).where('long_term', '=', 1).executeTakeFirst()
    : await base
        .set({ credits: sql<number>`credits - 1`, updated_at: at })
        .where('credits', '>', 0)
        .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Withdraws long-term consent and forgets the remembered choice (one template, or every one of the app). */
export async function revokeSubscriptions(
  db: Executor,
  userId: string,
  appId: string,
  templateId: string | undefined,
  at: number,
): Promise<number> {
  let query = db
    .updateTable('message_subscription')
    .set({ long_term: 0, remembered: null, updated_at: at })
    .where('user_id', '=', userId)
    .where('app_id', '=', appId);
  if (templateId !== undefined) query = query.where('template_id', '=', templateId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteSubscriptionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('message_subscription').where('user_id', '=', userId).execute();
}

/**
 * Counts one more send for a quota (`userId` '' for the app's own), unless it is reached.
 * False when the count was already at `limit`.
 */
export async function countAgainstQuota(
  db: Executor,
  key: { appId: string; userId: string; day: number },
  limit: number,
): Promise<boolean> {
  const row = await db
    .insertInto('message_quota')
    .values({ app_id: key.appId, user_id: key.userId, day: key.day, sent: 1 })
    .onConflict((oc) =>
      oc
        .columns(['app_id', 'user_id', 'day'])
        .doUpdateSet({ sent: sql<number>`message_quota.sent + 1` })
        .where('message_quota.sent', '<', limit),
    )
    .returning('sent')
    .executeTakeFirst();
  return row !== undefined && limit > 0;
}

/** Claims the user's send slot for now; false when the app sent to the user less than `gapMs` ago. */
export async function claimSendSlot(
  db: Executor,
  key: { appId: string; userId: string },
  at: number,
  gapMs: number,
): Promise<boolean> {
  const row = await db
    .insertInto('message_rate')
    .values({ app_id: key.appId, user_id: key.userId, last_sent_at: at })
    .onConflict((oc) =>
      oc
        .columns(['app_id', 'user_id'])
        .doUpdateSet({ last_sent_at: at })
        .where('message_rate.last_sent_at', '<=', at - gapMs),
    )
    .returning('last_sent_at')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteCountersOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('message_quota').where('user_id', '=', userId).execute();
  await db.deleteFrom('message_rate').where('user_id', '=', userId).execute();
}

export async function isMuted(db: Executor, userId: string, appId: string): Promise<boolean> {
  const row = await db
    .selectFrom('message_mute')
    .select('app_id')
    .where('user_id', '=', userId)
    .where('app_id', '=', appId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setMuted(db: Executor, userId: string, appId: string, muted: boolean, at: number) {
  if (!muted) {
    await db.deleteFrom('message_mute').where('user_id', '=', userId).where('app_id', '=', appId).execute();
    return;
  }
  await db
    .insertInto('message_mute')
    .values({ user_id: userId, app_id: appId, muted_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'app_id']).doNothing())
    .execute();
}

export async function listMutesOfUser(
  db: Executor,
  userId: string,
): Promise<{ app_id: string; muted_at: number }[]> {
  return db.selectFrom('message_mute').select(['app_id', 'muted_at']).where('user_id', '=', userId).execute();
}

export async function deleteMutesOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('message_mute').where('user_id', '=', userId).execute();
}
