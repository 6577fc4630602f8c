import { expect } from 'vitest';
import { createTestTarget } from '../../../test/support/test-database.ts';
import { manualClock } from '../../db/clock.ts';
import { type Db, type Engine, openDatabase } from '../../db/database.ts';
import { createMigrator, currentSchema, migrateToLatest } from '../../db/migrator.ts';
import type { Account, AccountFlags, AccountKind } from './account.ts';
import { createLedgerService } from './ledger.service.ts';
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
  let ids = 0;
  /** A fresh account of `kind` with a new owner, so tests never share balances. */
  const account = async (kind: AccountKind, currency = 'CNY', flags?: Partial<AccountFlags>) => {
    owners++;
    return ledger.ensureAccount({ kind, ownerId: `owner_${owners}`, currency, ...(flags ? { flags } : {}) });
  };
  return {
    db: db as Db,
    engine,
    clock,
    ledger,
    account,
    /** A transfer id never used before in this ledger. */
    id: (label: string) => `${label}_${++ids}`,
    /** [debits pending, debits posted, credits pending, credits posted] as stored now. */
    async balances(of: Account) {
      const a = await ledger.getAccount(of.id);
      return [a?.debitsPending, a?.debitsPosted, a?.creditsPending, a?.creditsPosted];
    },
    /** An escrow account holding `amount`, funded from the outside world, and a merchant to pay. */
    async funded(amount: number) {
      const world = await account('external');
      const escrow = await account('app_escrow');
      await ledger.createTransfer({
        id: `fund_${++ids}`,
        debitAccountId: world.id,
        creditAccountId: escrow.id,
        amount,
        currency: 'CNY',
        code: 'fund',
      });
      return { world, escrow, merchant: await account('merchant_balance') };
    },
    async stop() {
      await db.destroy();
      await target.drop();
    },
  };
}

export type TestLedger = Awaited<ReturnType<typeof startTestLedger>>;

/** Expects the ledger to refuse with `LEDGER_<code>`. */
export async function refused(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ code: `LEDGER_${code}` });
}
