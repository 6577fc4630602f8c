import type { FastifyInstance } from 'fastify';
import { feedRoutes } from './feed.routes.ts';
import { poiRoutes } from './poi.routes.ts';
import { type VideoRouteOptions, videoRoutes } from './video.routes.ts';

export type ContentRouteOptions = VideoRouteOptions;

/** The content module's HTTP surface: the feed, its events, videos and their uploads, POIs. */
export async function contentPlugin(app: FastifyInstance, options: ContentRouteOptions): Promise<void> {
  await app.register(feedRoutes, options);
  await app.register(videoRoutes, options);
  await app.register(poiRoutes, options);
}
