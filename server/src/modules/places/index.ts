export { placeErrors } from './errors.ts';
export { placesMigrations } from './migrations/index.ts';
export { placesPlugin } from './places.plugin.ts';
export {
  createPlacesService,
  type PlacePage,
  type PlacesDeps,
  type PlacesService,
  serviceTarget,
} from './places.service.ts';
export type { PlacesTables } from './places.table.ts';
