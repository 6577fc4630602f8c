import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { PaymentReceiverTable, ReceiverRow } from './payments.table.ts';

export async function insertReceiver(on: Executor, row: Insertable<PaymentReceiverTable>): Promise<void> {
  await on
    .insertInto('payment_receiver')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'out_receiver_no']).doNothing())
    .execute();
}

export function findReceiverByOutNo(on: Executor, orgId: string, outReceiverNo: string) {
  return on
    .selectFrom('payment_receiver')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('out_receiver_no', '=', outReceiverNo)
    .executeTakeFirst();
}

export function receiversOf(on: Executor, orgId: string, ids?: readonly string[]): Promise<ReceiverRow[]> {
  let q = on.selectFrom('payment_receiver').selectAll().where('org_id', '=', orgId);
  if (ids) {
    if (ids.length === 0) return Promise.resolve([]);
    q = q.where('id', 'in', ids);
  }
  return q.orderBy('id').execute();
}
