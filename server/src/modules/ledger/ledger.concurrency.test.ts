import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { PlazaError } from '../../errors/index.ts';
import type { Account } from './account.ts';
import { startTestLedger, type TestLedger } from './testing.ts';
import type { Transfer, TransferInput } from './transfer.ts';

// On PostgreSQL the operations really run at once over a pool of connections; on
// SQLite the same storm exercises the serialised path. Either way, afterwards every
// invariant holds and each contested pending transfer was resolved exactly once.
describe.each(testEngines)('the ledger under concurrency on %s', (engine) => {
  let t: TestLedger;
  let world: Account;
  let escrow: Account;
  let outside: Account;
  const merchants: Account[] = [];
  beforeAll(async () => {
    t = await startTestLedger(engine, { poolSize: 12 });
    world = await t.account('external');
    escrow = await t.account('app_escrow');
    outside = await t.account('external');
    for (let i = 0; i < 3; i++) merchants.push(await t.account('merchant_balance'));
    await t.ledger.createTransfer({
      id: 'fund',
      debitAccountId: world.id,
      creditAccountId: escrow.id,
      amount: 10_000,
      currency: 'CNY',
      code: 'fund',
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Runs an operation, keeping the outcome: a transfer or the coded refusal. */
  async function attempt(run: () => Promise<Transfer | Transfer[]>): Promise<Transfer[] | string> {
    try {
      const result = await run();
      return Array.isArray(result) ? result : [result];
    } catch (error) {
      if (error instanceof PlazaError) return error.code;
      throw error;
    }
  }

  const hold = (id: string, merchant: Account, amount: number): TransferInput => ({
    id,
    debitAccountId: escrow.id,
    creditAccountId: merchant.id,
    amount,
    currency: 'CNY',
    code: 'hold',
    userData: id,
    flags: { pending: true },
  });

  it('keeps every invariant through a storm of mixed operations', async () => {
    const contested: string[] = [];
    for (let i = 0; i < 30; i++) {
      const id = `pre_${i}`;
      await t.ledger.createTransfer(hold(id, merchants[i % 3] as Account, 50 + i));
      contested.push(id);
    }
    const ops: (() => Promise<Transfer | Transfer[]>)[] = [];
    contested.forEach((pendingId, i) => {
      // Three different resolutions race per pending transfer, plus a replay of one.
      ops.push(() =>
        t.ledger.createTransfer({ id: `${pendingId}:post`, pendingId, flags: { postPendingTransfer: true } }),
      );
      ops.push(() =>
        t.ledger.createTransfer({ id: `${pendingId}:post`, pendingId, flags: { postPendingTransfer: true } }),
      );
      ops.push(() =>
        t.ledger.createTransfer({
          id: `${pendingId}:part`,
          pendingId,
          amount: 10 + (i % 7),
          flags: { postPendingTransfer: true },
        }),
      );
      ops.push(() =>
        t.ledger.createTransfer({ id: `${pendingId}:void`, pendingId, flags: { voidPendingTransfer: true } }),
      );
    });
    for (let i = 0; i < 60; i++) {
      const merchant = merchants[i % 3] as Account;
      // New holds that compete for the escrow's limited balance.
      ops.push(() => t.ledger.createTransfer(hold(`new_${i}`, merchant, 100 + (i % 13) * 17)));
      // The same request sent twice: one transfer, counted once.
      const single = {
        id: `dup_${i}`,
        debitAccountId: world.id,
        creditAccountId: merchant.id,
        amount: 7,
        currency: 'CNY',
        code: 'bonus',
      };
      ops.push(() => t.ledger.createTransfer(single));
      ops.push(() => t.ledger.createTransfer(single));
    }
    for (let i = 0; i < 10; i++) {
      // One id claimed at once over disjoint accounts (so no lock orders them): one
      // wins, the other is told the id is taken.
      const claim = (merchant: Account) =>
        t.ledger.createTransfer({
          id: `claim_${i}`,
          debitAccountId: (merchant === merchants[0] ? world : outside).id,
          creditAccountId: merchant.id,
          amount: 3,
          currency: 'CNY',
          code: 'claim',
        });
      ops.push(() => claim(merchants[0] as Account));
      ops.push(() => claim(merchants[1] as Account));
      // A settlement batch that posts a hold and pays a split in the same commit.
      ops.push(() =>
        t.ledger.createTransfers([
          hold(`batch_${i}`, merchants[2] as Account, 20),
          { id: `batch_${i}:post`, pendingId: `batch_${i}`, flags: { postPendingTransfer: true } },
          {
            id: `batch_${i}:split`,
            debitAccountId: world.id,
            creditAccountId: merchants[0]?.id as string,
            amount: 1,
            currency: 'CNY',
            code: 'split',
          },
        ]),
      );
    }
    // Shuffle deterministically so contenders do not always start in the same order.
    const order = ops.map((op, i) => ({ op, key: (i * 7919) % ops.length }));
    order.sort((a, b) => a.key - b.key);
    const outcomes = await Promise.all(order.map(({ op }) => attempt(op)));

    const unexpected = outcomes.filter(
      (o) =>
        typeof o === 'string' &&
        ![
          'LEDGER_PENDING_TRANSFER_ALREADY_POSTED',
          'LEDGER_PENDING_TRANSFER_ALREADY_VOIDED',
          'LEDGER_EXCEEDS_CREDITS',
          'LEDGER_EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID',
        ].includes(o),
    );
    expect(unexpected).toEqual([]);

    const report = await t.ledger.checkInvariants();
    expect(report.violations).toEqual([]);
    for (const pendingId of contested) {
      const status = await t.ledger.pendingStatus(pendingId);
      expect(status?.status).not.toBe('pending');
    }
    for (let i = 0; i < 60; i++) {
      const dup = await t.ledger.listTransfers({ accountId: merchants[i % 3]?.id as string, limit: 1000 });
      expect(dup.items.filter((x) => x.id === `dup_${i}`)).toHaveLength(1);
    }
    const claimed = outcomes.filter((o) => Array.isArray(o) && o[0]?.code === 'claim');
    expect(claimed).toHaveLength(10);

    // The escrow never promised more than it held.
    const e = await t.ledger.getAccount(escrow.id);
    expect((e?.debitsPending ?? 0) + (e?.debitsPosted ?? 0)).toBeLessThanOrEqual(e?.creditsPosted ?? 0);
    const merchantPosted = (await t.ledger.getAccounts(merchants.map((m) => m.id))).reduce(
      (s, m) => s + m.creditsPosted,
      0,
    );
    const fromWorld = 60 * 7 + 10 * 3 + 10;
    expect(merchantPosted).toBe((e?.debitsPosted ?? 0) + fromWorld);
  });

  it('loses no pending credit into a shared escrow, while others debit and credit it at once', async () => {
    // The shape of paying: each payer's pending hold credits the one shared escrow, while
    // settlements debit it.
    const shared = await t.account('app_escrow');
    const payers = await Promise.all(Array.from({ length: 6 }, () => t.account('user_funding')));
    await t.ledger.createTransfer({
      id: 'shared_fund',
      debitAccountId: world.id,
      creditAccountId: shared.id,
      amount: 1_000,
      currency: 'CNY',
      code: 'fund',
    });
    const operations = payers.flatMap((payer, p) =>
      Array.from({ length: 5 }, (_, n) => [
        () =>
          t.ledger.createTransfer({
            id: `shared_hold_${p}_${n}`,
            debitAccountId: payer.id,
            creditAccountId: shared.id,
            amount: 7,
            currency: 'CNY',
            code: 'escrow_hold',
            flags: { pending: true },
          }),
        () =>
          t.ledger.createTransfer({
            id: `shared_settle_${p}_${n}`,
            debitAccountId: shared.id,
            creditAccountId: (merchants[p % 3] as Account).id,
            amount: 3,
            currency: 'CNY',
            code: 'settle',
          }),
      ]).flat(),
    );
    const outcomes = await Promise.all(operations.map((run) => attempt(run)));
    expect(outcomes.filter((o) => !Array.isArray(o))).toEqual([]);
    const after = await t.ledger.getAccount(shared.id);
    expect([after?.creditsPending, after?.creditsPosted, after?.debitsPosted]).toEqual([
      6 * 5 * 7,
      1_000,
      6 * 5 * 3,
    ]);
    expect((await t.ledger.checkInvariants()).violations).toEqual([]);
  });

  it('ensures one account when many callers ask for it at once', async () => {
    const key = { kind: 'merchant_balance' as const, ownerId: 'org_race', currency: 'CNY' };
    const accounts = await Promise.all(Array.from({ length: 12 }, () => t.ledger.ensureAccount(key)));
    expect(new Set(accounts.map((a) => a.id)).size).toBe(1);
  });

  it.runIf(engine === 'postgres')(
    'inside callers’ transactions, tells the later of two claims on one id what it lost',
    async () => {
      const other = await t.account('external');
      const claim = (debit: Account, credit: Account) => ({
        id: 'claim_outer',
        debitAccountId: debit.id,
        creditAccountId: credit.id,
        amount: 4,
        currency: 'CNY',
        code: 'claim',
      });
      const first = await t.db.startTransaction().execute();
      await t.ledger.createTransfer(claim(world, merchants[0] as Account), first);
      // The second claim uses other accounts, so no lock orders it: it waits on the id.
      let settled = false;
      const second = t.db.transaction().execute(async (trx) => {
        const outcome = await attempt(() =>
          t.ledger.createTransfer(claim(other, merchants[1] as Account), trx),
        );
        // The caller's transaction is still usable after the refusal.
        await t.ledger.getAccount(other.id, trx);
        settled = true;
        return outcome;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(settled).toBe(false);
      await first.commit().execute();
      expect(await second).toBe('LEDGER_EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID');
      expect((await t.ledger.getAccount(other.id))?.debitsPosted).toBe(0);
      expect((await t.ledger.checkInvariants()).violations).toEqual([]);
    },
  );

  it('lets exactly one of two simultaneous posts of the same pending transfer win', async () => {
    for (let round = 0; round < 20; round++) {
      const pendingId = `race_${round}`;
      await t.ledger.createTransfer(hold(pendingId, merchants[0] as Account, 5));
      const outcomes = await Promise.all([
        attempt(() =>
          t.ledger.createTransfer({ id: `${pendingId}:a`, pendingId, flags: { postPendingTransfer: true } }),
        ),
        attempt(() =>
          t.ledger.createTransfer({ id: `${pendingId}:b`, pendingId, flags: { postPendingTransfer: true } }),
        ),
        attempt(() =>
          t.ledger.createTransfer({ id: `${pendingId}:c`, pendingId, flags: { voidPendingTransfer: true } }),
        ),
      ]);
      expect(outcomes.filter(Array.isArray)).toHaveLength(1);
    }
    expect((await t.ledger.checkInvariants()).violations).toEqual([]);
  });
});
