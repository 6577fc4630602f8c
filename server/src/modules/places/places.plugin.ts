import type { FastifyInstance } from 'fastify';
import { type PlacesRouteOptions, placesRoutes } from './places.routes.ts';

/** The places module's HTTP surface: POI pages, claims and their review, the supplier sync. */
export async function placesPlugin(app: FastifyInstance, options: PlacesRouteOptions): Promise<void> {
  await app.register(placesRoutes, options);
}
