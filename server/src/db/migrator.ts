import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';
import type { Db } from './database.ts';

export type MigrationSet = Record<string, Migration>;

/**
 * One migrator for the whole platform: each module contributes its own frozen,
 * timestamp-named migrations; they run in one global order by name.
 */
export function createMigrator(db: Db, sets: MigrationSet[], schema?: string): Migrator {
  const all: MigrationSet = {};
  for (const set of sets) {
    for (const [name, migration] of Object.entries(set)) {
      if (all[name]) throw new Error(`Duplicate migration name ${name}`);
      all[name] = migration;
    }
  }
  return new Migrator({
    db: db as Kysely<unknown>,
    provider: { getMigrations: async () => all },
    // On PostgreSQL the migrator looks for its own tables across all schemas unless told
    // which one is ours; several deployments (or test runs) may share one database.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/**
 * Applies every pending migration. Kysely's migrator looks for its own tables by
 * introspecting the whole database; on PostgreSQL that scan fails when another schema of
 * the same database (another deployment, another test run) is dropped during it. Nothing
 * of ours changed then, so the attempt is simply made again.
 */
export async function migrateToLatest(migrator: Migrator, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const result: MigrationResultSet = await migrator.migrateToLatest();
    if (!result.error) return;
    const failed = result.results?.find((r) => r.status === 'Error');
    const racedWithADrop =
      !failed && /schema "[^"]+" does not exist|relation .* does not exist/.test(String(result.error));
    if (racedWithADrop && attempt < attempts) {
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      continue;
    }
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
}

/**
 * True when every known migration has been applied (what /readyz reports). Reads the
 * migrator's own table (found through search_path) rather than asking the migrator, which
 * introspects every table of the database on each call and, on PostgreSQL, fails whenever
 * another schema of the same database is being dropped.
 */
export async function migrationsCurrent(db: Db, sets: MigrationSet[]): Promise<boolean> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const applied = new Set(rows.map((r) => r.name));
  return sets.every((set) => Object.keys(set).every((name) => applied.has(name)));
}

/** The schema unqualified names resolve to on PostgreSQL (the first of search_path). */
export async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: check search_path');
  return schema;
}
