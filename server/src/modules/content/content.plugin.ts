import type { FastifyInstance } from 'fastify';
import { feedRoutes } from './feed.routes.ts';
import { moderationRoutes } from './moderation.routes.ts';
import { type MountingRouteOptions, mountingRoutes } from './mounting.routes.ts';
import { poiRoutes } from './poi.routes.ts';
import { type VideoRouteOptions, videoRoutes } from './video.routes.ts';

export type ContentRouteOptions = VideoRouteOptions & Omit<MountingRouteOptions, 'content'>;

/** The content module's HTTP surface: the feed, its events, videos and their uploads, POIs, who may mount an app. */
export async function contentPlugin(app: FastifyInstance, options: ContentRouteOptions): Promise<void> {
  await app.register(feedRoutes, options);
  await app.register(videoRoutes, options);
  await app.register(poiRoutes, options);
  await app.register(mountingRoutes, options);
  await app.register(moderationRoutes, options);
}
