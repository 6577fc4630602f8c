export { contentPlugin } from './content.plugin.ts';
export type { ContentRouteOptions } from './content.routes.ts';
export {
  type AppCard,
  type ContentService,
  createContentService,
  type FeedVideo,
  feedEventTypes,
  type MountableApps,
} from './content.service.ts';
export type { ContentTables } from './content.table.ts';
export { contentErrors } from './errors.ts';
export { contentMigrations } from './migrations/index.ts';
export { contentPersonalData } from './personal-data.ts';
