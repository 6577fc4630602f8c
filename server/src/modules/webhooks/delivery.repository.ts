import type { Db } from '../../db/database.ts';
import { type NewestFirstPage, newestFirst } from '../../db/newest-first.ts';
import { preparedQuery, rowShape } from '../../db/prepared-query.ts';
import type { WebhookAttemptRow, WebhookDeliveryRow, WebhookDeliveryTable } from './webhooks.table.ts';

// One per callback of every payment: built once per set of columns.
const insertRow = preparedQuery((db, row: WebhookDeliveryRow) =>
  db.insertInto('webhook_delivery').values(row),
);

export async function insertDelivery(db: Db, row: WebhookDeliveryRow): Promise<void> {
  const { shape, row: given } = rowShape(row);
  await insertRow(db, shape, given);
}

export function findDelivery(db: Db, id: string): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom('webhook_delivery').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateDelivery(
  db: Db,
  id: string,
  set: Partial<Omit<WebhookDeliveryTable, 'id'>>,
  onlyRound?: number,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_delivery')
    .set(set)
    .where('id', '=', id)
    .$if(onlyRound !== undefined, (qb) => qb.where('round', '=', onlyRound as number))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Newest first; `before` is the last id of the previous page. */
export function listDeliveries(db: Db, appId: string, page: NewestFirstPage): Promise<WebhookDeliveryRow[]> {
  return newestFirst(
    db.selectFrom('webhook_delivery').selectAll().where('app_id', '=', appId),
    page,
  ).execute();
}

export async function insertAttempt(db: Db, row: WebhookAttemptRow): Promise<void> {
  await db.insertInto('webhook_attempt').values(row).execute();
}

/** The attempts of some deliveries, oldest first. */
export function listAttempts(db: Db, deliveryIds: string[]): Promise<WebhookAttemptRow[]> {
  if (deliveryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('webhook_attempt')
    .selectAll()
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('id')
    .execute();
}
