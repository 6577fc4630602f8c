import type { AppTemplate, LibraryKeyword, LibraryTemplate, TemplateKeyword } from './messages.model.ts';
import type { AppTemplateRow, LibraryTemplateRow } from './messages.table.ts';

/** Library and app template rows as the domain sees them (keywords are stored as JSON). */
export function toLibraryTemplate(row: LibraryTemplateRow): LibraryTemplate {
  return {
    id: row.id,
    category: row.category,
    title: row.title,
    kind: row.kind,
    keywords: JSON.parse(row.keywords) as LibraryKeyword[],
    status: row.status,
    createdAt: Number(row.created_at),
  };
}

export function toAppTemplate(row: AppTemplateRow, appid: string): AppTemplate {
  return {
    id: row.id,
    appid,
    libraryId: row.library_id,
    title: row.title,
    kind: row.kind,
    keywords: JSON.parse(row.keywords) as TemplateKeyword[],
    scene: row.scene,
    createdAt: Number(row.created_at),
  };
}
