import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { PaymentRefundTable, PaymentSplitTable, RefundRow } from './payments.table.ts';

export async function insertRefund(on: Executor, row: Insertable<PaymentRefundTable>): Promise<void> {
  await on.insertInto('payment_refund').values(row).execute();
}

export function findRefund(on: Executor, id: string): Promise<RefundRow | undefined> {
  return on.selectFrom('payment_refund').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRefundByOutNo(
  on: Executor,
  appId: string,
  outRefundNo: string,
): Promise<RefundRow | undefined> {
  return on
    .selectFrom('payment_refund')
    .selectAll()
    .where('app_id', '=', appId)
    .where('out_refund_no', '=', outRefundNo)
    .executeTakeFirst();
}

export async function updateRefund(
  on: Executor,
  id: string,
  expected: RefundRow['status'],
  patch: Updateable<PaymentRefundTable>,
): Promise<boolean> {
  const result = await on
    .updateTable('payment_refund')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function refundsOfOrders(on: Executor, orderIds: readonly string[]): Promise<RefundRow[]> {
  if (orderIds.length === 0) return Promise.resolve([]);
  return on
    .selectFrom('payment_refund')
    .selectAll()
    .where('order_id', 'in', orderIds)
    .orderBy('id')
    .execute();
}

export function succeededRefundsIn(
  on: Executor,
  appId: string,
  from: number,
  to: number,
): Promise<RefundRow[]> {
  return on
    .selectFrom('payment_refund')
    .selectAll()
    .where('app_id', '=', appId)
    .where('status', '=', 'succeeded')
    .where('succeeded_at', '>=', from)
    .where('succeeded_at', '<', to)
    .orderBy('id')
    .execute();
}

export async function insertSplits(on: Executor, rows: Insertable<PaymentSplitTable>[]): Promise<void> {
  if (rows.length > 0) await on.insertInto('payment_split').values(rows).execute();
}

export function splitsOfOrders(on: Executor, orderIds: readonly string[]) {
  if (orderIds.length === 0) return Promise.resolve([]);
  return on
    .selectFrom('payment_split')
    .selectAll()
    .where('order_id', 'in', orderIds)
    .orderBy('receiver_id')
    .execute();
}

/** The user's refunds, oldest first, as their export shows them. */
export function refundsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('payment_refund')
    .select(['id', 'order_id', 'amount', 'currency', 'status', 'reason', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** Puts a pseudonym where the user's id was on their refunds. */
export async function replaceRefundPayer(db: Executor, userId: string, alias: string): Promise<void> {
  await db.updateTable('payment_refund').set({ user_id: alias }).where('user_id', '=', userId).execute();
}
