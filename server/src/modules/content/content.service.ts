import { type ContentDeps, contentContext } from './content-context.ts';
import { createFeedService, type FeedService } from './feed.service.ts';
import { createModerationService, type ModerationService } from './moderation.service.ts';
import { createMountingService, type MountingService } from './mounting.service.ts';
import { createPoiService, type PoiService } from './poi.service.ts';
import { createVideoService, type VideoService } from './video.service.ts';

export type { ContentDeps } from './content-context.ts';

/** Short videos, their feed and the stores (POIs) whose anchors open mini programs. */
export interface ContentService
  extends VideoService,
    FeedService,
    PoiService,
    MountingService,
    ModerationService {}

/**
 * @example
 * const content = createContentService({ db, clock, blobs, apps: { mountable }, funnel });
 * const page = await content.feed({ limit: 10 });
 */
export function createContentService(deps: ContentDeps): ContentService {
  const ctx = contentContext(deps);
  return {
    ...createVideoService(ctx),
    ...createFeedService(ctx),
    ...createPoiService(ctx),
    ...createMountingService(ctx),
    ...createModerationService(ctx),
  };
}
