import type { Executor } from '../../db/database.ts';
import type { DouyinPaySettingsRow } from './douyin-compat.table.ts';

export function findPaySettings(db: Executor, appId: string): Promise<DouyinPaySettingsRow | undefined> {
  return db.selectFrom('douyin_pay_settings').selectAll().where('app_id', '=', appId).executeTakeFirst();
}

export async function savePaySettings(db: Executor, row: DouyinPaySettingsRow): Promise<void> {
  await db
    .insertInto('douyin_pay_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('app_id').doUpdateSet({
        salt: row.salt,
        callback_token: row.callback_token,
        notify_url: row.notify_url,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
