import type { Executor } from '../../db/database.ts';
import type { DouyinTradeOrderRow, DouyinTradeSettingsRow } from './douyin-compat.table.ts';

export function findTradeSettings(db: Executor, appId: string): Promise<DouyinTradeSettingsRow | undefined> {
  return db.selectFrom('douyin_trade_settings').selectAll().where('app_id', '=', appId).executeTakeFirst();
}

export async function saveTradeSettings(db: Executor, row: DouyinTradeSettingsRow): Promise<void> {
  await db
    .insertInto('douyin_trade_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('app_id').doUpdateSet({
        public_key: row.public_key,
        key_version: row.key_version,
        notify_url: row.notify_url,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** The key pair of this name, made by the first caller; every instance reads the same one. */
export async function platformKeyPair(
  db: Executor,
  name: string,
  fresh: () => Promise<{ privateKey: string; publicKey: string }>,
  now: number,
): Promise<{ privateKey: string; publicKey: string }> {
  const found = await db
    .selectFrom('douyin_platform_key')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  if (!found) {
    const made = await fresh();
    await db
      .insertInto('douyin_platform_key')
      .values({ name, private_key: made.privateKey, public_key: made.publicKey, created_at: now })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
  const row = await db
    .selectFrom('douyin_platform_key')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return { privateKey: row.private_key, publicKey: row.public_key };
}

/** Records a `tt.requestOrder` order once; a repeat of the same order keeps the first record. */
export async function insertTradeOrder(db: Executor, row: DouyinTradeOrderRow): Promise<void> {
  await db
    .insertInto('douyin_trade_order')
    .values(row)
    .onConflict((oc) => oc.column('order_id').doNothing())
    .execute();
}

export function findTradeOrder(db: Executor, orderId: string): Promise<DouyinTradeOrderRow | undefined> {
  return db.selectFrom('douyin_trade_order').selectAll().where('order_id', '=', orderId).executeTakeFirst();
}
