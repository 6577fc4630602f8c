import type { Executor } from '../../db/database.ts';
import type {
  AppTemplateRow,
  LibraryTemplateRow,
  MessageAppTemplateTable,
  MessageLibraryTemplateTable,
} from './messages.table.ts';

export async function insertLibraryTemplate(db: Executor, row: MessageLibraryTemplateTable): Promise<void> {
  await db.insertInto('message_library_template').values(row).execute();
}

export function findLibraryTemplate(db: Executor, id: string): Promise<LibraryTemplateRow | undefined> {
  return db.selectFrom('message_library_template').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listLibraryTemplates(db: Executor, category?: string): Promise<LibraryTemplateRow[]> {
  let query = db.selectFrom('message_library_template').selectAll().orderBy('id');
  if (category !== undefined) query = query.where('category', '=', category);
  return query.execute();
}

export async function setLibraryTemplateStatus(
  db: Executor,
  id: string,
  status: LibraryTemplateRow['status'],
): Promise<boolean> {
  const result = await db
    .updateTable('message_library_template')
    .set({ status })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listLongTermCategories(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('message_long_term_category')
    .select('category')
    .orderBy('category')
    .execute();
  return rows.map((r) => r.category);
}

/** Replaces the set of categories allowed long-term templates. */
export async function replaceLongTermCategories(
  db: Executor,
  categories: string[],
  at: number,
): Promise<void> {
  await db.deleteFrom('message_long_term_category').execute();
  if (categories.length > 0) {
    await db
      .insertInto('message_long_term_category')
      .values(categories.map((category) => ({ category, allowed_at: at })))
      .execute();
  }
}

export async function insertAppTemplate(db: Executor, row: MessageAppTemplateTable): Promise<void> {
  await db.insertInto('message_app_template').values(row).execute();
}

export function findAppTemplate(db: Executor, id: string): Promise<AppTemplateRow | undefined> {
  return db.selectFrom('message_app_template').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAppTemplates(db: Executor, ids: readonly string[]): Promise<AppTemplateRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('message_app_template').selectAll().where('id', 'in', ids).execute();
}

export function listAppTemplates(db: Executor, appId: string): Promise<AppTemplateRow[]> {
  return db
    .selectFrom('message_app_template')
    .selectAll()
    .where('app_id', '=', appId)
    .orderBy('id')
    .execute();
}

export async function deleteAppTemplate(db: Executor, appId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('message_app_template')
    .where('app_id', '=', appId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
