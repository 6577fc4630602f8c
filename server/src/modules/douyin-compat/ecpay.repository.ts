import type { Executor } from '../../db/database.ts';
import type { DouyinEcpayOrderRow, DouyinEcpayRequestRow } from './douyin-compat.table.ts';

/** Inserts the order unless the app already has one with its out_order_no; true when inserted. */
export async function insertEcpayOrder(db: Executor, row: DouyinEcpayOrderRow): Promise<boolean> {
  const result = await db
    .insertInto('douyin_ecpay_order')
    .values(row)
    .onConflict((oc) => oc.columns(['app_id', 'out_order_no']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export function findEcpayOrder(db: Executor, id: string): Promise<DouyinEcpayOrderRow | undefined> {
  return db.selectFrom('douyin_ecpay_order').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findEcpayOrderByOutNo(
  db: Executor,
  appId: string,
  outOrderNo: string,
): Promise<DouyinEcpayOrderRow | undefined> {
  return db
    .selectFrom('douyin_ecpay_order')
    .selectAll()
    .where('app_id', '=', appId)
    .where('out_order_no', '=', outOrderNo)
    .executeTakeFirst();
}

export function findEcpayOrderByPlazaOrder(
  db: Executor,
  plazaOrderId: string,
): Promise<DouyinEcpayOrderRow | undefined> {
  return db
    .selectFrom('douyin_ecpay_order')
    .selectAll()
    .where('plaza_order_id', '=', plazaOrderId)
    .executeTakeFirst();
}

export async function linkPlazaOrder(db: Executor, id: string, plazaOrderId: string): Promise<void> {
  await db
    .updateTable('douyin_ecpay_order')
    .set({ plaza_order_id: plazaOrderId })
    .where('id', '=', id)
    .where('plaza_order_id', 'is', null)
    .execute();
}

/** Inserts the refund or settlement request unless its out_no is known; true when inserted. */
export async function insertEcpayRequest(db: Executor, row: DouyinEcpayRequestRow): Promise<boolean> {
  const result = await db
    .insertInto('douyin_ecpay_request')
    .values(row)
    .onConflict((oc) => oc.columns(['app_id', 'kind', 'out_no']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export function findEcpayRequest(
  db: Executor,
  appId: string,
  kind: DouyinEcpayRequestRow['kind'],
  outNo: string,
): Promise<DouyinEcpayRequestRow | undefined> {
  return db
    .selectFrom('douyin_ecpay_request')
    .selectAll()
    .where('app_id', '=', appId)
    .where('kind', '=', kind)
    .where('out_no', '=', outNo)
    .executeTakeFirst();
}

export function findSettleRequestOfOrder(
  db: Executor,
  orderId: string,
  kind: 'settle' | 'trade_settle' = 'settle',
): Promise<DouyinEcpayRequestRow | undefined> {
  return db
    .selectFrom('douyin_ecpay_request')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export async function setRequestRefund(db: Executor, id: string, refundId: string): Promise<void> {
  await db.updateTable('douyin_ecpay_request').set({ refund_id: refundId }).where('id', '=', id).execute();
}

/** Forgets a request Plaza's payments refused, so a refusal leaves nothing behind. */
export async function deleteEcpayRequest(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('douyin_ecpay_request').where('id', '=', id).where('refund_id', 'is', null).execute();
}

/** The request recorded for a Plaza refund (a user's refund the merchant let proceed). */
export function findRequestOfRefund(
  db: Executor,
  refundId: string,
): Promise<DouyinEcpayRequestRow | undefined> {
  return db
    .selectFrom('douyin_ecpay_request')
    .selectAll()
    .where('refund_id', '=', refundId)
    .executeTakeFirst();
}
