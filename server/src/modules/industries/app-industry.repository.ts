import type { Executor } from '../../db/database.ts';
import type { AppIndustryRow } from './industries.table.ts';

export function chosenCategories(db: Executor, appId: string): Promise<AppIndustryRow[]> {
  return db
    .selectFrom('app_industry')
    .selectAll()
    .where('app_id', '=', appId)
    .orderBy('is_primary', 'desc')
    .orderBy('category_id')
    .execute();
}

/** Replaces the app's choice in the caller's transaction. */
export async function replaceChoice(db: Executor, appId: string, rows: AppIndustryRow[]): Promise<void> {
  await db.deleteFrom('app_industry').where('app_id', '=', appId).execute();
  if (rows.length > 0) await db.insertInto('app_industry').values(rows).execute();
}

export async function countAppsChoosing(db: Executor, categoryId: string): Promise<number> {
  const row = await db
    .selectFrom('app_industry')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('category_id', '=', categoryId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
