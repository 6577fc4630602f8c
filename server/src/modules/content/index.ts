export type {
  Anchor,
  AnchorInput,
  AppCard,
  FeedPage,
  FeedRanker,
  MountableApps,
  Poi,
  Video,
} from './content.model.ts';
export { feedEventTypes } from './content.model.ts';
export { type ContentRouteOptions, contentPlugin } from './content.plugin.ts';
export { type ContentService, createContentService } from './content.service.ts';
export type { ContentTables, MountingMode } from './content.table.ts';
export { contentErrors } from './errors.ts';
export { contentMigrations } from './migrations/index.ts';
export type { Mounting } from './mounting.service.ts';
export { contentPersonalData } from './personal-data.ts';
