import { manualClock } from '../../db/clock.ts';
import { type Db, type Engine, openDatabase } from '../../db/database.ts';
import { createMigrator, currentSchema, migrateToLatest } from '../../db/migrator.ts';
import { createTestTarget } from '../../db/test-database.ts';
import type { AccountKind } from './account.ts';
import { createLedgerService, type LedgerService } from './ledger.service.ts';
import { ledgerMigrations } from './migrations/index.ts';

/**
 * A ledger on a fresh, isolated database of the given engine, for the store tests.
 *
 * @example
 * const t = await startTestLedger('postgres'); … await t.stop();
 */
export async function startTestLedger(engine: Engine, options: { poolSize?: number } = {}) {
  const target = await createTestTarget(engine);
  const { db } = openDatabase(target.target, { poolSize: options.poolSize ?? 10 });
  const migrator = createMigrator(
    db,
    [ledgerMigrations],
    engine === 'postgres' ? await currentSchema(db) : undefined,
  );
  await migrateToLatest(migrator);
  const clock = manualClock();
  const ledger = createLedgerService({ db, engine, clock });
  let owners = 0;
  return {
    db: db as Db,
    engine,
    clock,
    ledger,
    /** A fresh account of `kind` with a new owner, so tests never share balances. */
    async account(
      kind: AccountKind,
      currency = 'CNY',
      flags?: Parameters<LedgerService['ensureAccount']>[0]['flags'],
    ) {
      owners++;
      return ledger.ensureAccount({
        kind,
        ownerId: `owner_${owners}`,
        currency,
        ...(flags ? { flags } : {}),
      });
    },
    async stop() {
      await db.destroy();
      await target.drop();
    },
  };
}

export type TestLedger = Awaited<ReturnType<typeof startTestLedger>>;
