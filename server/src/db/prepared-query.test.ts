import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTarget, type TestTarget, testEngines } from '../../test/support/test-database.ts';
import { idempotencyMigrations } from '../idempotency/index.ts';
import { openDatabase } from './database.ts';
import { createMigrator, currentSchema, migrateToLatest } from './migrator.ts';
import { preparedQuery } from './prepared-query.ts';

describe.each(testEngines)('preparedQuery on %s', (engine) => {
  let target: TestTarget;
  let db: ReturnType<typeof openDatabase>['db'];
  beforeAll(async () => {
    target = await createTestTarget(engine);
    db = openDatabase(target.target).db;
    await migrateToLatest(
      createMigrator(
        db,
        [idempotencyMigrations],
        engine === 'postgres' ? await currentSchema(db) : undefined,
      ),
    );
    for (let i = 0; i < 5; i++) {
      await db
        .insertInto('idempotency_key')
        .values({ scope: `s${i % 2}`, key: `k${i}`, request_hash: 'h', created_at: i, locked_until: 0 })
        .execute();
    }
  });
  afterAll(async () => {
    await db.destroy();
    await target.drop();
  });

  const keys = preparedQuery((d, a: { scope: string; after: number; limit: number }) =>
    d
      .selectFrom('idempotency_key')
      .select(['key', 'created_at'])
      .where('scope', '=', a.scope)
      .where('created_at', '>', a.after)
      .orderBy('created_at')
      .limit(a.limit),
  );

  it('runs with the values of each call, not those it was built with', async () => {
    expect((await keys(db, 'x', { scope: 's0', after: -1, limit: 10 })).map((r) => r.key)).toEqual([
      'k0',
      'k2',
      'k4',
    ]);
    expect((await keys(db, 'x', { scope: 's1', after: -1, limit: 10 })).map((r) => r.key)).toEqual([
      'k1',
      'k3',
    ]);
    expect((await keys(db, 'x', { scope: 's0', after: 0, limit: 1 })).map((r) => r.key)).toEqual(['k2']);
  });

  it('refuses a call that lacks a value the shape needs', async () => {
    await expect(keys(db, 'x', { scope: 's0', after: 0 } as never)).rejects.toThrow(/no value for limit/);
  });
});
