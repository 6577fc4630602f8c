export { searchErrors } from './errors.ts';
export { searchMigrations } from './migrations/index.ts';
export { searchPersonalData } from './personal-data.ts';
export { searchPlugin } from './search.plugin.ts';
export type { SearchRouteOptions } from './search.routes.ts';
export {
  type AppEntries,
  createSearchService,
  type SearchDeps,
  type SearchDocumentInput,
  type SearchService,
  type SearchTab,
  searchTabs,
} from './search.service.ts';
export type { SearchTables } from './search.table.ts';
export { indexAppChanges, indexContentChanges, videoDocument } from './search-sources.ts';
