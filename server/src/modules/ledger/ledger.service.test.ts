import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import type { Account } from './account.ts';
import { refused, startTestLedger, type TestLedger } from './testing.ts';

describe.each(testEngines)('the ledger on %s', (engine) => {
  let t: TestLedger;
  const id = (label: string) => t.id(label);
  beforeAll(async () => {
    t = await startTestLedger(engine);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const balances = (account: Account) => t.balances(account);
  const funded = (amount: number) => t.funded(amount);

  it('ensures an account once per kind, owner and currency', async () => {
    const a = await t.ledger.ensureAccount({ kind: 'app_escrow', ownerId: 'app_1', currency: 'CNY' });
    const b = await t.ledger.ensureAccount({ kind: 'app_escrow', ownerId: 'app_1', currency: 'CNY' });
    const usd = await t.ledger.ensureAccount({ kind: 'app_escrow', ownerId: 'app_1', currency: 'USD' });
    expect(b.id).toBe(a.id);
    expect(usd.id).not.toBe(a.id);
    expect(a.flags).toEqual({ debitsMustNotExceedCredits: true, creditsMustNotExceedDebits: false });
    expect(await t.ledger.findAccount({ kind: 'app_escrow', ownerId: 'app_1', currency: 'CNY' })).toEqual(a);
    await refused(
      t.ledger.ensureAccount({
        kind: 'app_escrow',
        ownerId: 'app_1',
        currency: 'CNY',
        flags: { debitsMustNotExceedCredits: false },
      }),
      'ACCOUNT_EXISTS_WITH_DIFFERENT_FLAGS',
    );
    await refused(
      t.ledger.ensureAccount({ kind: 'app_escrow', ownerId: 'app_1', currency: 'cny' }),
      'CURRENCY_INVALID',
    );
    await refused(
      t.ledger.ensureAccount({ kind: 'wallet' as never, ownerId: 'app_1', currency: 'CNY' }),
      'ACCOUNT_KIND_INVALID',
    );
    const both = { debitsMustNotExceedCredits: true, creditsMustNotExceedDebits: true };
    await refused(
      t.ledger.ensureAccount({ kind: 'external', ownerId: 'x', currency: 'CNY', flags: both }),
      'ACCOUNT_FLAGS_ARE_MUTUALLY_EXCLUSIVE',
    );
  });

  it('posts a single-phase transfer on both sides at once', async () => {
    const { world, escrow } = await funded(500);
    expect(await balances(world)).toEqual([0, 500, 0, 0]);
    expect(await balances(escrow)).toEqual([0, 0, 0, 500]);
  });

  it('treats a replay as a no-op and a reused id with other fields as an error', async () => {
    const { world, escrow, merchant } = await funded(1000);
    const input = {
      id: id('pay'),
      debitAccountId: escrow.id,
      creditAccountId: merchant.id,
      amount: 250,
      currency: 'CNY',
      code: 'settle',
      userData: 'ord_9',
    };
    const first = await t.ledger.createTransfer(input);
    const again = await t.ledger.createTransfer(input);
    expect(again).toEqual(first);
    expect(await balances(merchant)).toEqual([0, 0, 0, 250]);
    await refused(t.ledger.createTransfer({ ...input, amount: 251 }), 'EXISTS_WITH_DIFFERENT_AMOUNT');
    await refused(
      t.ledger.createTransfer({ ...input, creditAccountId: world.id }),
      'EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID',
    );
    await refused(t.ledger.createTransfer({ ...input, userData: null }), 'EXISTS_WITH_DIFFERENT_USER_DATA');
    await refused(t.ledger.createTransfer({ ...input, code: 'other' }), 'EXISTS_WITH_DIFFERENT_CODE');
    await refused(
      t.ledger.createTransfer({ ...input, flags: { pending: true } }),
      'EXISTS_WITH_DIFFERENT_FLAGS',
    );
    // A replayed post matches whether or not it repeats what it inherited.
    const hold = await t.ledger.createTransfer({ ...input, id: id('hold'), flags: { pending: true } });
    const post = { id: id('post'), pendingId: hold.id, flags: { postPendingTransfer: true } };
    const posted = await t.ledger.createTransfer(post);
    expect(await t.ledger.createTransfer(post)).toEqual(posted);
    expect(await t.ledger.createTransfer({ ...post, amount: 250, code: 'settle' })).toEqual(posted);
    await refused(t.ledger.createTransfer({ ...post, amount: 100 }), 'EXISTS_WITH_DIFFERENT_AMOUNT');
    expect(await balances(merchant)).toEqual([0, 0, 0, 500]);
  });

  it('counts pending debits against the limit', async () => {
    const { escrow, merchant } = await funded(100);
    const transfer = (amount: number, pending: boolean) =>
      t.ledger.createTransfer({
        id: id('t'),
        debitAccountId: escrow.id,
        creditAccountId: merchant.id,
        amount,
        currency: 'CNY',
        code: 'settle',
        flags: { pending },
      });
    const hold = await transfer(60, true);
    await refused(transfer(41, false), 'EXCEEDS_CREDITS');
    await refused(transfer(41, true), 'EXCEEDS_CREDITS');
    await transfer(40, false);
    await refused(transfer(1, false), 'EXCEEDS_CREDITS');
    await t.ledger.createTransfer({
      id: id('void'),
      pendingId: hold.id,
      flags: { voidPendingTransfer: true },
    });
    await transfer(60, false);
    expect(await balances(escrow)).toEqual([0, 100, 0, 100]);
  });

  it('refuses credits beyond debits on an account that limits them', async () => {
    const world = await t.account('external');
    const capped = await t.account('external', 'CNY', { creditsMustNotExceedDebits: true });
    const base = { creditAccountId: capped.id, currency: 'CNY', code: 'refund' };
    await refused(
      t.ledger.createTransfer({ ...base, id: id('r'), debitAccountId: world.id, amount: 1 }),
      'EXCEEDS_DEBITS',
    );
    await t.ledger.createTransfer({
      id: id('r'),
      debitAccountId: capped.id,
      creditAccountId: world.id,
      amount: 5,
      currency: 'CNY',
      code: 'x',
    });
    await t.ledger.createTransfer({ ...base, id: id('r'), debitAccountId: world.id, amount: 5 });
    await refused(
      t.ledger.createTransfer({ ...base, id: id('r'), debitAccountId: world.id, amount: 1 }),
      'EXCEEDS_DEBITS',
    );
  });

  it('moves money only within one currency', async () => {
    const cny = await t.account('external', 'CNY');
    const usd = await t.account('external', 'USD');
    const other = await t.account('external', 'CNY');
    const base = { id: id('x'), amount: 1, code: 'fx' };
    await refused(
      t.ledger.createTransfer({ ...base, debitAccountId: cny.id, creditAccountId: usd.id, currency: 'CNY' }),
      'CURRENCY_MISMATCH',
    );
    await refused(
      t.ledger.createTransfer({
        ...base,
        debitAccountId: cny.id,
        creditAccountId: other.id,
        currency: 'USD',
      }),
      'CURRENCY_MISMATCH',
    );
    await refused(
      t.ledger.createTransfer({ ...base, debitAccountId: cny.id, creditAccountId: cny.id, currency: 'CNY' }),
      'ACCOUNTS_MUST_BE_DIFFERENT',
    );
    await refused(
      t.ledger.createTransfer({
        ...base,
        debitAccountId: cny.id,
        creditAccountId: 'lac_missing',
        currency: 'CNY',
      }),
      'ACCOUNT_NOT_FOUND',
    );
    expect(await t.ledger.getTransfer(base.id)).toBeUndefined();
  });

  it('refuses amounts that are not positive safe integers', async () => {
    const a = await t.account('external');
    const b = await t.account('external');
    for (const amount of [0, -1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, '5', 5n, null]) {
      await refused(
        t.ledger.createTransfer({
          id: id('bad'),
          debitAccountId: a.id,
          creditAccountId: b.id,
          amount: amount as number,
          currency: 'CNY',
          code: 'x',
        }),
        amount === null ? 'AMOUNT_INVALID' : 'AMOUNT_INVALID',
      );
    }
    const max = Number.MAX_SAFE_INTEGER;
    await t.ledger.createTransfer({
      id: id('max'),
      debitAccountId: a.id,
      creditAccountId: b.id,
      amount: max,
      currency: 'CNY',
      code: 'x',
    });
    await refused(
      t.ledger.createTransfer({
        id: id('over'),
        debitAccountId: a.id,
        creditAccountId: b.id,
        amount: 1,
        currency: 'CNY',
        code: 'x',
      }),
      'BALANCE_OVERFLOW',
    );
    expect((await t.ledger.getAccount(b.id))?.creditsPosted).toBe(max);
  });

  it('refuses malformed transfers before touching anything', async () => {
    const a = await t.account('external');
    const b = await t.account('external');
    const base = { debitAccountId: a.id, creditAccountId: b.id, amount: 1, currency: 'CNY', code: 'x' };
    await refused(t.ledger.createTransfer({ ...base, id: '' }), 'ID_INVALID');
    await refused(t.ledger.createTransfer({ ...base, id: 'has space' }), 'ID_INVALID');
    await refused(
      t.ledger.createTransfer({ ...base, id: id('f'), flags: { pending: true, voidPendingTransfer: true } }),
      'FLAGS_ARE_MUTUALLY_EXCLUSIVE',
    );
    await refused(
      t.ledger.createTransfer({ ...base, id: id('f'), pendingId: 'p' }),
      'PENDING_ID_MUST_BE_ABSENT',
    );
    await refused(
      t.ledger.createTransfer({ id: id('f'), flags: { postPendingTransfer: true } }),
      'FIELD_REQUIRED',
    );
    await refused(
      t.ledger.createTransfer({ ...base, id: id('f'), timeoutMs: 1000 }),
      'TIMEOUT_RESERVED_FOR_PENDING_TRANSFER',
    );
    await refused(
      t.ledger.createTransfer({ ...base, id: id('f'), flags: { pending: true }, timeoutMs: 0.5 }),
      'TIMEOUT_INVALID',
    );
    const { code: _code, ...noCode } = base;
    await refused(t.ledger.createTransfer({ ...noCode, id: id('f') }), 'FIELD_REQUIRED');
    await refused(t.ledger.createTransfers([]), 'BATCH_INVALID');
  });

  it('applies a batch all-or-nothing', async () => {
    const { world, escrow, merchant } = await funded(1000);
    const commission = await t.account('platform_commission');
    const before = await Promise.all([escrow, merchant, commission, world].map(balances));
    const ids = [id('a'), id('b'), id('c')];
    await expect(
      t.ledger.createTransfers([
        {
          id: ids[0] as string,
          debitAccountId: escrow.id,
          creditAccountId: merchant.id,
          amount: 900,
          currency: 'CNY',
          code: 'settle',
        },
        {
          id: ids[1] as string,
          debitAccountId: escrow.id,
          creditAccountId: commission.id,
          amount: 50,
          currency: 'CNY',
          code: 'commission',
        },
        {
          id: ids[2] as string,
          debitAccountId: escrow.id,
          creditAccountId: commission.id,
          amount: 51,
          currency: 'CNY',
          code: 'split',
        },
      ]),
    ).rejects.toMatchObject({ code: 'LEDGER_EXCEEDS_CREDITS', details: { index: 2, transfer_id: ids[2] } });
    expect(await Promise.all([escrow, merchant, commission, world].map(balances))).toEqual(before);
    for (const transferId of ids) expect(await t.ledger.getTransfer(transferId)).toBeUndefined();
  });

  it('joins the caller transaction: rolled back with it, committed with it', async () => {
    const { escrow, merchant } = await funded(100);
    const transfer = {
      debitAccountId: escrow.id,
      creditAccountId: merchant.id,
      amount: 10,
      currency: 'CNY',
      code: 'x',
    };
    const rolledBack = id('rb');
    await expect(
      t.db.transaction().execute(async (trx) => {
        await t.ledger.createTransfer({ ...transfer, id: rolledBack }, trx);
        expect((await t.ledger.getAccount(merchant.id, trx))?.creditsPosted).toBe(10);
        throw new Error('order update failed');
      }),
    ).rejects.toThrow('order update failed');
    expect(await t.ledger.getTransfer(rolledBack)).toBeUndefined();
    expect(await balances(merchant)).toEqual([0, 0, 0, 0]);

    // A refused transfer inside the caller's transaction leaves that transaction usable.
    await t.db.transaction().execute(async (trx) => {
      await refused(
        t.ledger.createTransfer({ ...transfer, id: id('big'), amount: 1000 }, trx),
        'EXCEEDS_CREDITS',
      );
      await t.ledger.createTransfer({ ...transfer, id: id('ok') }, trx);
    });
    expect(await balances(merchant)).toEqual([0, 0, 0, 10]);
  });

  it('lists an account’s transfers page by page', async () => {
    const { escrow, merchant } = await funded(100);
    for (let i = 0; i < 5; i++)
      await t.ledger.createTransfer({
        id: id('p'),
        debitAccountId: escrow.id,
        creditAccountId: merchant.id,
        amount: 1,
        currency: 'CNY',
        code: 'x',
      });
    const first = await t.ledger.listTransfers({ accountId: merchant.id, limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await t.ledger.listTransfers({
      accountId: merchant.id,
      limit: 3,
      after: first.next as number,
    });
    expect(second.items).toHaveLength(2);
    expect(second.next).toBeNull();
    const escrowNewest = await t.ledger.listTransfers({ accountId: escrow.id, order: 'desc', limit: 10 });
    expect(escrowNewest.items).toHaveLength(6);
    expect(escrowNewest.items.at(-1)?.code).toBe('fund');
  });

  it('audits the invariants and catches a balance written behind its back', async () => {
    const report = await t.ledger.checkInvariants();
    expect(report.violations).toEqual([]);
    expect(report.totals.CNY?.debitsPosted).toBe(report.totals.CNY?.creditsPosted);
    const victim = await t.account('merchant_balance');
    await sql`update ledger_account set credits_posted = credits_posted + 1 where id = ${victim.id}`.execute(
      t.db,
    );
    const broken = await t.ledger.checkInvariants();
    expect(broken.ok).toBe(false);
    expect(broken.violations.join('\n')).toContain(victim.id);
    expect(broken.violations.join('\n')).toContain('posted debits');
    await sql`update ledger_account set credits_posted = credits_posted - 1 where id = ${victim.id}`.execute(
      t.db,
    );
    expect((await t.ledger.checkInvariants()).ok).toBe(true);
  });
});
