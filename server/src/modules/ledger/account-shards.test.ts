import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTarget, testEngines } from '../../../test/support/test-database.ts';
import { manualClock } from '../../db/clock.ts';
import { openDatabase } from '../../db/database.ts';
import { createMigrator, currentSchema, migrateToLatest } from '../../db/migrator.ts';
import { createLedgerService } from './ledger.service.ts';
import { ledgerMigrations } from './migrations/index.ts';
import { refused, startTestLedger, type TestLedger } from './testing.ts';

// An owner's money spread over several accounts of one kind and currency: each shard is an
// account of its own (own locks, own balances, own limit), and the owner's balance is their sum.
describe.each(testEngines)('account shards on %s', (engine) => {
  let t: TestLedger;
  beforeAll(async () => {
    t = await startTestLedger(engine);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const key = { kind: 'app_escrow' as const, ownerId: 'app_sharded', currency: 'CNY' };

  it('keeps one account per shard, shard 0 being the one an unsharded key names', async () => {
    const first = await t.ledger.ensureAccount(key);
    const zero = await t.ledger.ensureAccount({ ...key, shard: 0 });
    const three = await t.ledger.ensureAccount({ ...key, shard: 3 });
    expect(zero.id).toBe(first.id);
    expect(first.shard).toBe(0);
    expect(three.shard).toBe(3);
    expect(three.id).not.toBe(first.id);
    expect((await t.ledger.ensureAccount({ ...key, shard: 3 })).id).toBe(three.id);
    expect((await t.ledger.findAccount({ ...key, shard: 3 }))?.id).toBe(three.id);
    expect((await t.ledger.findAccount(key))?.id).toBe(first.id);
    expect(await t.ledger.findAccount({ ...key, shard: 5 })).toBeUndefined();
  });

  it('sums an owner’s balances over its shards, and each shard keeps its own limit', async () => {
    const world = await t.account('external');
    const shards = await Promise.all([0, 1, 2].map((shard) => t.ledger.ensureAccount({ ...key, shard })));
    for (const [i, shard] of shards.entries())
      await t.ledger.createTransfer({
        id: t.id('fund'),
        debitAccountId: world.id,
        creditAccountId: shard.id,
        amount: 100 * (i + 1),
        currency: 'CNY',
        code: 'fund',
      });
    await t.ledger.createTransfer({
      id: t.id('hold'),
      debitAccountId: world.id,
      creditAccountId: (shards[1] as { id: string }).id,
      amount: 7,
      currency: 'CNY',
      code: 'hold',
      flags: { pending: true },
    });
    const balance = await t.ledger.balanceOf(key);
    expect([balance.creditsPosted, balance.creditsPending, balance.debitsPosted]).toEqual([600, 7, 0]);
    expect(balance.shards.map((s) => s.shard)).toEqual([0, 1, 2, 3]);
    // Shard 0 holds 100: the 600 of the owner do not let it pay 150.
    await refused(
      t.ledger.createTransfer({
        id: t.id('over'),
        debitAccountId: (shards[0] as { id: string }).id,
        creditAccountId: world.id,
        amount: 150,
        currency: 'CNY',
        code: 'payout',
      }),
      'EXCEEDS_CREDITS',
    );
    const none = await t.ledger.balanceOf({ ...key, ownerId: 'app_without_accounts' });
    expect(none).toEqual({
      debitsPending: 0,
      debitsPosted: 0,
      creditsPending: 0,
      creditsPosted: 0,
      shards: [],
    });
    expect((await t.ledger.checkInvariants()).violations).toEqual([]);
  });

  it('refuses a shard outside 0–255 with a coded error', async () => {
    for (const shard of [-1, 256, 1.5, Number.NaN])
      await refused(t.ledger.ensureAccount({ ...key, shard }), 'SHARD_INVALID');
    await refused(t.ledger.balanceOf({ ...key, ownerId: '' }), 'OWNER_INVALID');
  });
});

// A ledger written before shards existed: after the migration its accounts are shard 0 of
// their owners, with the same ids, balances and transfers, and the audit stays clean.
describe.each(testEngines)('migrating an unsharded ledger on %s', (engine) => {
  it('makes every existing account shard 0 and keeps its transfers bound to it', async () => {
    const target = await createTestTarget(engine);
    const { db } = openDatabase(target.target);
    try {
      const schema = engine === 'postgres' ? await currentSchema(db) : undefined;
      const migrator = createMigrator(db, [ledgerMigrations], schema);
      const before = await migrator.migrateTo('2026_11_25_0300_ledger');
      expect(before.error).toBeUndefined();
      const account = (id: string, kind: string) => ({
        id,
        kind,
        owner_id: 'app_old',
        currency: 'CNY',
        flags: kind === 'external' ? 0 : 2,
        debits_pending: 0,
        debits_posted: kind === 'external' ? 500 : 0,
        credits_pending: 0,
        credits_posted: kind === 'external' ? 0 : 500,
        created_at: 1,
      });
      await sql`insert into ledger_account (id, kind, owner_id, currency, flags, debits_pending, debits_posted, credits_pending, credits_posted, created_at)
        values ${sql.join(
          [account('lac_world', 'external'), account('lac_escrow', 'app_escrow')].map(
            (a) =>
              sql`(${a.id}, ${a.kind}, ${a.owner_id}, ${a.currency}, ${a.flags}, ${a.debits_pending}, ${a.debits_posted}, ${a.credits_pending}, ${a.credits_posted}, ${a.created_at})`,
          ),
        )}`.execute(db);
      await sql`insert into ledger_transfer (id, debit_account_id, credit_account_id, amount, currency, code, flags, created_at)
        values ('fund_old', 'lac_world', 'lac_escrow', 500, 'CNY', 'fund', 0, 1)`.execute(db);

      await migrateToLatest(migrator);

      const ledger = createLedgerService({ db, engine, clock: manualClock(10) });
      const escrow = await ledger.findAccount({ kind: 'app_escrow', ownerId: 'app_old', currency: 'CNY' });
      expect(escrow).toMatchObject({ id: 'lac_escrow', shard: 0, creditsPosted: 500 });
      expect((await ledger.listTransfers({ accountId: 'lac_escrow' })).items.map((x) => x.id)).toEqual([
        'fund_old',
      ]);
      const second = await ledger.ensureAccount({
        kind: 'app_escrow',
        ownerId: 'app_old',
        currency: 'CNY',
        shard: 1,
      });
      await ledger.createTransfer({
        id: 'move_new',
        debitAccountId: 'lac_escrow',
        creditAccountId: second.id,
        amount: 200,
        currency: 'CNY',
        code: 'move',
      });
      const summed = await ledger.balanceOf({ kind: 'app_escrow', ownerId: 'app_old', currency: 'CNY' });
      expect([summed.creditsPosted, summed.debitsPosted]).toEqual([700, 200]);
      expect((await ledger.checkInvariants()).violations).toEqual([]);
      // The transfers still may name only accounts that exist.
      await expect(
        sql`insert into ledger_transfer (id, debit_account_id, credit_account_id, amount, currency, code, flags, created_at)
          values ('dangling', 'lac_missing', 'lac_escrow', 1, 'CNY', 'x', 0, 1)`.execute(db),
      ).rejects.toThrow(/foreign key/i);
    } finally {
      await db.destroy();
      await target.drop();
    }
  });
});
