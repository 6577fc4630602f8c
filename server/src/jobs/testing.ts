import { afterEach, beforeEach } from 'vitest';
import { createTestTarget, type TestTarget } from '../../test/support/test-database.ts';
import { type DatabaseTarget, type Db, type Engine, openDatabase } from '../db/database.ts';
import { createMigrator, currentSchema, migrateToLatest } from '../db/migrator.ts';
import { jobMigrations } from './migrations/index.ts';

/** A test database holding just the jobs table, on the given target. */
export async function openJobsDatabase(target: DatabaseTarget): Promise<{ db: Db; engine: Engine }> {
  const { db, engine } = openDatabase(target);
  const schema = engine === 'postgres' ? await currentSchema(db) : undefined;
  await migrateToLatest(createMigrator(db, [jobMigrations], schema));
  return { db, engine };
}

/**
 * A fresh jobs database for each test of the enclosing `describe`, dropped after it. Read
 * its fields inside tests; `afterEach` hooks declared later run before the drop.
 */
export function useJobsDatabase(engine: Engine): { db: Db; engine: Engine; target: TestTarget } {
  const current = {} as { db: Db; engine: Engine; target: TestTarget };
  beforeEach(async () => {
    current.target = await createTestTarget(engine);
    Object.assign(current, await openJobsDatabase(current.target.target));
  });
  afterEach(async () => {
    await current.db.destroy();
    await current.target.drop();
  });
  return current;
}
