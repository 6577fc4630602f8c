import type { MigrationSet } from '../../../db/migrator.ts';
import * as m0700 from './2026_11_25_0700_content.ts';
import * as m1207 from './2026_12_07_0800_content_mounting.ts';
import * as m1219modes from './2026_12_07_1900_content_mounting_modes.ts';
import * as m1219 from './2026_12_07_1900_poi_place_index.ts';
import * as m1212 from './2026_12_12_0900_video_takedown.ts';

export const contentMigrations: MigrationSet = {
  '2026_11_25_0700_content': m0700,
  '2026_12_07_0800_content_mounting': m1207,
  '2026_12_07_1900_poi_place_index': m1219,
  '2026_12_12_0900_video_takedown': m1212,
  '2026_12_07_1900_content_mounting_modes': m1219modes,
};
