import type { Kysely } from 'kysely';

/** Places are found by a box around a viewer (the guest feed's "near you"): an index on latitude, then longitude. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('poi_place').on('poi').columns(['lat_e6', 'lng_e6']).execute();
}
