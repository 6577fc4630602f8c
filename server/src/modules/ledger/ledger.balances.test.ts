import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import type { Account } from './account.ts';
import { startTestLedger, type TestLedger } from './testing.ts';
import type { TransferInput } from './transfer.ts';

type Balances = [debitsPending: number, debitsPosted: number, creditsPending: number, creditsPosted: number];

// Every stored balance is a running sum written by many transactions at once; one lost
// increment and an account no longer equals its transfers. PostgreSQL lost them only
// once the ledger held a few hundred accounts and its statistics were fresh (then a
// join-shaped balance update ran as an index nested loop), so the ledger here is grown
// and analysed before the storm, as a production one would be.
describe.each(testEngines)('every balance equals its transfers after concurrent writes on %s', (engine) => {
  const payerCount = 300;
  let t: TestLedger;
  const payers: Account[] = [];
  const escrows: Account[] = [];
  const merchants: Account[] = [];
  let world: Account;

  beforeAll(async () => {
    t = await startTestLedger(engine, { poolSize: 16 });
    world = await t.account('external');
    for (let i = 0; i < 3; i++) escrows.push(await t.account('app_escrow'));
    for (let i = 0; i < 3; i++) merchants.push(await t.account('merchant_balance'));
    for (let i = 0; i < payerCount; i++) payers.push(await t.account('user_funding'));
    // Other apps' users: a ledger of a few hundred accounts, as a production one soon is.
    for (let i = 0; i < 400; i++) await t.account('user_funding');
    if (engine === 'postgres') await sql`analyze`.execute(t.db);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it.runIf(engine === 'postgres')(
    'runs on a ledger large enough that PostgreSQL joins a batch of balances by index',
    async () => {
      // The shape that lost increments: with these statistics it is planned as a nested
      // loop over the account index, the plan the storm below has to survive.
      const plan = await sql<{
        'QUERY PLAN': string;
      }>`explain update ledger_account set credits_pending = ledger_account.credits_pending + v.d from (select cast(${escrows[0]?.id} as text) as id, cast(1 as bigint) as d union all select cast(${payers[0]?.id} as text), cast(1 as bigint)) as v where ledger_account.id = v.id`.execute(
        t.db,
      );
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Nested Loop/);
    },
  );

  it('loses no increment from hundreds of transactions on the same and on different accounts', {
    timeout: 120_000,
  }, async () => {
    const book = expectedBook();
    payers.forEach((payer, i) => {
      // Every payer holds money three times in one of three escrows: many writers on one account.
      const escrow = escrows[i % 3] as Account;
      for (let n = 0; n < 3; n++)
        book.move({
          id: `hold_${i}_${n}`,
          debit: payer,
          credit: escrow,
          amount: 1000 + i * 3 + n,
          pending: true,
        });
      // And pays the next payer: writers on different accounts, each account touched twice.
      book.move({
        id: `pass_${i}`,
        debit: payer,
        credit: payers[(i + 1) % payerCount] as Account,
        amount: 1 + i,
      });
    });
    for (let i = 0; i < 60; i++)
      book.move({ id: `top_${i}`, debit: world, credit: merchants[i % 3] as Account, amount: 7 + i });
    const outcomes = await Promise.allSettled(
      interleaved(book.batches).map((batch) => t.ledger.createTransfers(batch)),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(await book.differences(t)).toEqual([]);
    expect((await t.ledger.checkInvariants()).violations).toEqual([]);
  });

  it('never deadlocks when transactions cross the same accounts in opposite directions', {
    timeout: 120_000,
  }, async () => {
    // The shapes of paying (a hold into the escrow), refunding (escrow back to the payer,
    // or the hold voided), and transfers and linked batches both ways between the same
    // accounts, all at once. Each runs in a transaction of the caller's, where the ledger
    // does not run a lost race again: a deadlock would surface here as 40P01.
    const outside = await t.account('external');
    const escrow = await t.account('app_escrow');
    const users = await Promise.all(Array.from({ length: 40 }, () => t.account('user_funding')));
    const book = expectedBook();
    await t.ledger.createTransfer({
      id: 'cross_fund',
      debitAccountId: outside.id,
      creditAccountId: escrow.id,
      amount: 1_000_000,
      currency: 'CNY',
      code: 'fund',
    });
    book.add(outside.id, 1, 1_000_000);
    book.add(escrow.id, 3, 1_000_000);
    for (const [i, user] of users.entries()) {
      const id = `cross_open_${i}`;
      await t.ledger.createTransfer({
        id,
        debitAccountId: user.id,
        creditAccountId: escrow.id,
        amount: 50,
        currency: 'CNY',
        code: 'escrow_hold',
        flags: { pending: true },
      });
      // Voided in the storm: it leaves no balance behind.
      book.batch([{ id: `${id}:void`, pendingId: id, flags: { voidPendingTransfer: true } }]);
    }
    users.forEach((user, i) => {
      const next = users[(i + 1) % users.length] as Account;
      const after = users[(i + 2) % users.length] as Account;
      for (let n = 0; n < 2; n++) {
        book.move({ id: `cross_hold_${i}_${n}`, debit: user, credit: escrow, amount: 10 + n, pending: true });
        book.move({ id: `cross_refund_${i}_${n}`, debit: escrow, credit: user, amount: 3 + n });
      }
      book.move({ id: `cross_there_${i}`, debit: user, credit: next, amount: 2 });
      book.move({ id: `cross_back_${i}`, debit: next, credit: user, amount: 1 });
      // Linked: a ring over three accounts, named in an order that is not the id order.
      book.linked([
        { id: `cross_ring_${i}_a`, debit: after, credit: user, amount: 4 },
        { id: `cross_ring_${i}_b`, debit: user, credit: next, amount: 4 },
        { id: `cross_ring_${i}_c`, debit: next, credit: after, amount: 4 },
      ]);
    });
    const outcomes = await Promise.allSettled(
      interleaved(book.batches).map((batch) =>
        t.db.transaction().execute((trx) => t.ledger.createTransfers(batch, trx)),
      ),
    );
    const failures = outcomes.flatMap((o) =>
      o.status === 'rejected' ? [(o.reason as { code?: string }).code ?? String(o.reason)] : [],
    );
    expect(failures).toEqual([]);
    expect(await book.differences(t)).toEqual([]);
    expect((await t.ledger.checkInvariants()).violations).toEqual([]);
  });
});

interface Move {
  id: string;
  debit: Account;
  credit: Account;
  amount: number;
  pending?: boolean;
}

/** Batches to run, and the balances they must leave on each account they name. */
function expectedBook() {
  const expected = new Map<string, Balances>();
  const batches: TransferInput[][] = [];
  const add = (id: string, at: 0 | 1 | 2 | 3, amount: number) => {
    const b = expected.get(id) ?? [0, 0, 0, 0];
    b[at] += amount;
    expected.set(id, b);
  };
  const input = (m: Move): TransferInput => {
    add(m.debit.id, m.pending ? 0 : 1, m.amount);
    add(m.credit.id, m.pending ? 2 : 3, m.amount);
    return {
      id: m.id,
      debitAccountId: m.debit.id,
      creditAccountId: m.credit.id,
      amount: m.amount,
      currency: 'CNY',
      code: m.pending ? 'escrow_hold' : 'move',
      ...(m.pending ? { flags: { pending: true } } : {}),
    };
  };
  return {
    batches,
    add,
    move: (m: Move) => batches.push([input(m)]),
    linked: (ms: Move[]) => batches.push(ms.map(input)),
    /** A batch that leaves no balance behind (a void), run with the others. */
    batch: (inputs: TransferInput[]) => batches.push(inputs),
    /** Every account whose stored balances are not what the batches add up to. */
    async differences(t: TestLedger) {
      const stored = await t.ledger.getAccounts([...expected.keys()]);
      if (stored.length !== expected.size) return [`${expected.size - stored.length} accounts missing`];
      return stored.flatMap((a) => {
        const want = expected.get(a.id) as Balances;
        const got: Balances = [a.debitsPending, a.debitsPosted, a.creditsPending, a.creditsPosted];
        return want.every((v, i) => v === got[i]) ? [] : [{ account: a.id, kind: a.kind, want, got }];
      });
    },
  };
}

/** A fixed shuffle, so contenders on one account overlap in time rather than queue in order. */
function interleaved<T>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, key: (i * 7919) % items.length }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}
