import { createTestTarget, type TestTarget } from '../../../test/support/test-database.ts';
import { type Clock, manualClock } from '../../db/clock.ts';
import { type Db, type Engine, openDatabase } from '../../db/database.ts';
import { createMigrator, currentSchema, migrateToLatest } from '../../db/migrator.ts';
import { searchMigrations } from './migrations/index.ts';
import { createSearchService, type SearchableApp, type SearchService } from './search.service.ts';

/**
 * A search service on a fresh database of one engine, without the rest of the platform:
 * the apps it may show are `visible`, their profiles `profiles`, both set by the test.
 */
export async function startSearchStore(engine: Engine, clock: Clock = manualClock(Date.UTC(2026, 11, 1))) {
  const target: TestTarget = await createTestTarget(engine);
  const { db }: { db: Db } = openDatabase(target.target);
  await migrateToLatest(
    createMigrator(db, [searchMigrations], engine === 'postgres' ? await currentSchema(db) : undefined),
  );
  const visible = new Set<string>();
  const profiles = new Map<string, SearchableApp>();
  const search: SearchService = createSearchService({
    db,
    engine,
    clock,
    visibleApps: async (appids) => new Set(appids.filter((a) => visible.has(a))),
    appProfile: async (appid) => profiles.get(appid),
  });
  return {
    db,
    engine,
    search,
    visible,
    profiles,
    async stop() {
      await db.destroy();
      await target.drop();
    },
  };
}
