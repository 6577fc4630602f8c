import type { Insertable, Updateable } from 'kysely';
import type { Engine, Executor } from '../../db/database.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import type { OrderStatus } from './order-state.ts';
import type { OrderRow, PaymentOrderTable } from './payments.table.ts';

export async function insertOrder(on: Executor, row: Insertable<PaymentOrderTable>): Promise<boolean> {
  const result = await on
    .insertInto('payment_order')
    .values(row)
    .onConflict((oc) => oc.columns(['app_id', 'out_order_no']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

const orderById = preparedQuery((db, a: { id: string }) =>
  db.selectFrom('payment_order').selectAll().where('id', '=', a.id),
);

export async function findOrder(on: Executor, id: string): Promise<OrderRow | undefined> {
  return (await orderById(on, 'by-id', { id }))[0];
}

/**
 * The order row, locked for the rest of the transaction on PostgreSQL (SQLite runs one
 * writing transaction at a time already). Every change of an order takes this lock
 * first, then the ledger's account locks, so two changes of one order never interleave.
 */
export function lockOrder(on: Executor, engine: Engine, id: string): Promise<OrderRow | undefined> {
  const query = on.selectFrom('payment_order').selectAll().where('id', '=', id);
  return (engine === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

export function findOrderByOutNo(
  on: Executor,
  appId: string,
  outOrderNo: string,
): Promise<OrderRow | undefined> {
  return on
    .selectFrom('payment_order')
    .selectAll()
    .where('app_id', '=', appId)
    .where('out_order_no', '=', outOrderNo)
    .executeTakeFirst();
}

/**
 * Moves the order from `expected` with `patch` in one statement and returns the new row,
 * or nothing when it was not in `expected` (or is gone). On PostgreSQL the row is locked
 * from here to commit, as `lockOrder` would, so it comes before the ledger's account locks.
 */
export function transitionOrder(
  on: Executor,
  id: string,
  expected: OrderStatus,
  patch: Updateable<PaymentOrderTable>,
): Promise<OrderRow | undefined> {
  return on
    .updateTable('payment_order')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', expected)
    .returningAll()
    .executeTakeFirst();
}

export async function updateOrder(
  on: Executor,
  id: string,
  expected: OrderStatus,
  patch: Updateable<PaymentOrderTable>,
): Promise<boolean> {
  const result = await on
    .updateTable('payment_order')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface OrderFilter {
  appId?: string;
  userId?: string;
  status?: OrderStatus;
  createdFrom?: number;
  createdTo?: number;
  /** Orders with ids below this one (newest first). */
  before?: string;
  limit: number;
}

export function listOrders(on: Executor, f: OrderFilter): Promise<OrderRow[]> {
  let q = on.selectFrom('payment_order').selectAll();
  if (f.appId !== undefined) q = q.where('app_id', '=', f.appId);
  if (f.userId !== undefined) q = q.where('user_id', '=', f.userId);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.createdFrom !== undefined) q = q.where('created_at', '>=', f.createdFrom);
  if (f.createdTo !== undefined) q = q.where('created_at', '<', f.createdTo);
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

/** Orders of an app with any money event (paid, settled) in [from, to). */
export function ordersWithEventsIn(
  on: Executor,
  appId: string,
  from: number,
  to: number,
): Promise<OrderRow[]> {
  return on
    .selectFrom('payment_order')
    .selectAll()
    .where('app_id', '=', appId)
    .where((eb) =>
      eb.or([
        eb.and([eb('paid_at', '>=', from), eb('paid_at', '<', to)]),
        eb.and([eb('settled_at', '>=', from), eb('settled_at', '<', to)]),
      ]),
    )
    .orderBy('id')
    .execute();
}

/** The user's orders, oldest first, as their export shows them. */
export function ordersOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('payment_order')
    .select([
      'id',
      'appid',
      'out_order_no',
      'status',
      'total_amount',
      'refunded_amount',
      'currency',
      'subject',
      'created_at',
    ])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** The apps (internal ids) the user ordered from. */
export async function appsOrderedFrom(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('payment_order')
    .select('app_id')
    .distinct()
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.app_id);
}

/** Puts a pseudonym where the user's id was on their orders. */
export async function replaceOrderPayer(db: Executor, userId: string, alias: string): Promise<void> {
  await db.updateTable('payment_order').set({ user_id: alias }).where('user_id', '=', userId).execute();
}
