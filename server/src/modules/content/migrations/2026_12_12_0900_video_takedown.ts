import type { Kysely } from 'kysely';

/** An operator's takedown of a video keeps its reason; reinstating clears it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('video').addColumn('takedown_reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('video').dropColumn('takedown_reason').execute();
}
