import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { IndustryCategoryRow, IndustryCategoryTable } from './industries.table.ts';

export function listCategories(db: Executor): Promise<IndustryCategoryRow[]> {
  return db.selectFrom('industry_category').selectAll().orderBy('position').orderBy('id').execute();
}

export function findCategory(db: Executor, id: string): Promise<IndustryCategoryRow | undefined> {
  return db.selectFrom('industry_category').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCategories(db: Executor, ids: readonly string[]): Promise<IndustryCategoryRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('industry_category')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

/** Inserts unless the id exists; true when inserted. */
export async function insertCategory(db: Executor, row: Insertable<IndustryCategoryTable>): Promise<boolean> {
  const result = await db
    .insertInto('industry_category')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateCategory(
  db: Executor,
  id: string,
  patch: Updateable<IndustryCategoryTable>,
): Promise<void> {
  await db.updateTable('industry_category').set(patch).where('id', '=', id).execute();
}

export async function deleteCategory(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('industry_category').where('id', '=', id).execute();
}

export async function countChildren(db: Executor, id: string): Promise<number> {
  const row = await db
    .selectFrom('industry_category')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function nextPosition(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('industry_category')
    .select((eb) => eb.fn.max<number | null>('position').as('p'))
    .executeTakeFirst();
  return Number(row?.p ?? -1) + 1;
}
