import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import type { Account } from './account.ts';
import { refused, startTestLedger, type TestLedger } from './testing.ts';

// Two-phase transfers: a pending transfer reserves, one post or void resolves it,
// and settlement posts escrow onwards in one batch.
describe.each(testEngines)('two-phase transfers on %s', (engine) => {
  let t: TestLedger;
  const id = (label: string) => t.id(label);
  const balances = (account: Account) => t.balances(account);
  const funded = (amount: number) => t.funded(amount);
  beforeAll(async () => {
    t = await startTestLedger(engine);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('reserves with a pending transfer, then posts it', async () => {
    const { escrow, merchant } = await funded(1000);
    const hold = await t.ledger.createTransfer({
      id: id('hold'),
      debitAccountId: escrow.id,
      creditAccountId: merchant.id,
      amount: 700,
      currency: 'CNY',
      code: 'settle',
      userData: 'ord_1',
      flags: { pending: true },
    });
    expect(await balances(escrow)).toEqual([700, 0, 0, 1000]);
    expect(await balances(merchant)).toEqual([0, 0, 700, 0]);
    expect((await t.ledger.pendingStatus(hold.id))?.status).toBe('pending');

    const post = await t.ledger.createTransfer({
      id: id('post'),
      pendingId: hold.id,
      flags: { postPendingTransfer: true },
    });
    expect(post).toMatchObject({
      amount: 700,
      debitAccountId: escrow.id,
      creditAccountId: merchant.id,
      userData: 'ord_1',
    });
    expect(await balances(escrow)).toEqual([0, 700, 0, 1000]);
    expect(await balances(merchant)).toEqual([0, 0, 0, 700]);
    expect(await t.ledger.pendingStatus(hold.id)).toMatchObject({
      status: 'posted',
      resolvedBy: { id: post.id },
    });
  });

  it('posts less than was reserved and releases the rest', async () => {
    const { escrow, merchant } = await funded(1000);
    const hold = await t.ledger.createTransfer({
      id: id('hold'),
      debitAccountId: escrow.id,
      creditAccountId: merchant.id,
      amount: 700,
      currency: 'CNY',
      code: 'settle',
      flags: { pending: true },
    });
    await refused(
      t.ledger.createTransfer({
        id: id('post'),
        pendingId: hold.id,
        amount: 701,
        flags: { postPendingTransfer: true },
      }),
      'EXCEEDS_PENDING_TRANSFER_AMOUNT',
    );
    await t.ledger.createTransfer({
      id: id('post'),
      pendingId: hold.id,
      amount: 300,
      flags: { postPendingTransfer: true },
    });
    expect(await balances(escrow)).toEqual([0, 300, 0, 1000]);
    expect(await balances(merchant)).toEqual([0, 0, 0, 300]);
  });

  it('voids a pending transfer, and resolves each pending transfer at most once', async () => {
    const { escrow, merchant } = await funded(1000);
    const pending = (amount: number) =>
      t.ledger.createTransfer({
        id: id('hold'),
        debitAccountId: escrow.id,
        creditAccountId: merchant.id,
        amount,
        currency: 'CNY',
        code: 'settle',
        flags: { pending: true },
      });
    const a = await pending(400);
    const b = await pending(100);
    await refused(
      t.ledger.createTransfer({
        id: id('void'),
        pendingId: a.id,
        amount: 399,
        flags: { voidPendingTransfer: true },
      }),
      'PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT',
    );
    await t.ledger.createTransfer({ id: id('void'), pendingId: a.id, flags: { voidPendingTransfer: true } });
    expect(await balances(escrow)).toEqual([100, 0, 0, 1000]);
    await refused(
      t.ledger.createTransfer({ id: id('post'), pendingId: a.id, flags: { postPendingTransfer: true } }),
      'PENDING_TRANSFER_ALREADY_VOIDED',
    );
    await refused(
      t.ledger.createTransfer({ id: id('void'), pendingId: a.id, flags: { voidPendingTransfer: true } }),
      'PENDING_TRANSFER_ALREADY_VOIDED',
    );
    await t.ledger.createTransfer({ id: id('post'), pendingId: b.id, flags: { postPendingTransfer: true } });
    await refused(
      t.ledger.createTransfer({ id: id('post'), pendingId: b.id, flags: { postPendingTransfer: true } }),
      'PENDING_TRANSFER_ALREADY_POSTED',
    );
    await refused(
      t.ledger.createTransfer({ id: id('void'), pendingId: b.id, flags: { voidPendingTransfer: true } }),
      'PENDING_TRANSFER_ALREADY_POSTED',
    );
    expect(await balances(escrow)).toEqual([0, 100, 0, 1000]);
    expect(await balances(merchant)).toEqual([0, 0, 0, 100]);
    await refused(
      t.ledger.createTransfer({ id: id('post'), pendingId: 'nope', flags: { postPendingTransfer: true } }),
      'PENDING_TRANSFER_NOT_FOUND',
    );
    const single = (await t.ledger.listTransfers({ accountId: escrow.id })).items[0];
    await refused(
      t.ledger.createTransfer({
        id: id('post'),
        pendingId: single?.id as string,
        flags: { postPendingTransfer: true },
      }),
      'PENDING_TRANSFER_NOT_PENDING',
    );
    const c = await pending(10);
    await refused(
      t.ledger.createTransfer({
        id: id('post'),
        pendingId: c.id,
        code: 'other',
        flags: { postPendingTransfer: true },
      }),
      'PENDING_TRANSFER_HAS_DIFFERENT_FIELDS',
    );
  });

  it('settles escrow to the merchant, commission and splits in one batch', async () => {
    const { escrow, merchant } = await funded(0 + 1);
    const user = await t.account('user_funding');
    const receiver = await t.account('split_receiver');
    const platform = await t.account('platform_commission');
    const hold = id('hold');
    const order = 'ord_settle';
    await t.ledger.createTransfer({
      id: hold,
      debitAccountId: user.id,
      creditAccountId: escrow.id,
      amount: 10_000,
      currency: 'CNY',
      code: 'escrow_hold',
      userData: order,
      flags: { pending: true },
    });
    // Escrow cannot pay out what it only has pending.
    await refused(
      t.ledger.createTransfer({
        id: id('early'),
        debitAccountId: escrow.id,
        creditAccountId: merchant.id,
        amount: 2,
        currency: 'CNY',
        code: 'settle',
      }),
      'EXCEEDS_CREDITS',
    );
    const settle = [
      { id: `${hold}:post`, pendingId: hold, flags: { postPendingTransfer: true } },
      {
        id: `${hold}:merchant`,
        debitAccountId: escrow.id,
        creditAccountId: merchant.id,
        amount: 9_000,
        currency: 'CNY',
        code: 'settle',
        userData: order,
      },
      {
        id: `${hold}:commission`,
        debitAccountId: escrow.id,
        creditAccountId: platform.id,
        amount: 500,
        currency: 'CNY',
        code: 'commission',
        userData: order,
      },
      {
        id: `${hold}:split`,
        debitAccountId: escrow.id,
        creditAccountId: receiver.id,
        amount: 500,
        currency: 'CNY',
        code: 'split',
        userData: order,
      },
    ];
    const first = await t.ledger.createTransfers(settle);
    expect(await t.ledger.createTransfers(settle)).toEqual(first);
    expect(await balances(escrow)).toEqual([0, 10_000, 0, 10_001]);
    expect(await balances(merchant)).toEqual([0, 0, 0, 9_000]);
    expect(await balances(platform)).toEqual([0, 0, 0, 500]);
    expect(await balances(receiver)).toEqual([0, 0, 0, 500]);
    const byOrder = await t.ledger.listTransfers({ userData: order });
    expect(byOrder.items.map((x) => x.id)).toEqual([hold, ...settle.map((s) => s.id)]);
  });

  it('posts a pending transfer created earlier in the same batch', async () => {
    const { escrow, merchant } = await funded(100);
    const hold = id('hold');
    await t.ledger.createTransfers([
      {
        id: hold,
        debitAccountId: escrow.id,
        creditAccountId: merchant.id,
        amount: 80,
        currency: 'CNY',
        code: 'x',
        flags: { pending: true },
        timeoutMs: 1000,
      },
      { id: id('post'), pendingId: hold, amount: 30, flags: { postPendingTransfer: true } },
    ]);
    expect(await balances(escrow)).toEqual([0, 30, 0, 100]);
    expect(await t.ledger.expirePendingTransfers()).toBe(0);
  });

  it('lets pending transfers time out, then the sweep releases them', async () => {
    const { escrow, merchant } = await funded(100);
    const hold = await t.ledger.createTransfer({
      id: id('hold'),
      debitAccountId: escrow.id,
      creditAccountId: merchant.id,
      amount: 70,
      currency: 'CNY',
      code: 'x',
      flags: { pending: true },
      timeoutMs: 60_000,
    });
    expect(hold.expiresAt).toBe(t.clock.now() + 60_000);
    t.clock.advance(60_000);
    expect((await t.ledger.pendingStatus(hold.id))?.status).toBe('expired');
    await refused(
      t.ledger.createTransfer({ id: id('post'), pendingId: hold.id, flags: { postPendingTransfer: true } }),
      'PENDING_TRANSFER_EXPIRED',
    );
    expect(await balances(escrow)).toEqual([70, 0, 0, 100]);
    expect(await t.ledger.expirePendingTransfers()).toBe(1);
    expect(await t.ledger.expirePendingTransfers()).toBe(0);
    expect(await balances(escrow)).toEqual([0, 0, 0, 100]);
    const status = await t.ledger.pendingStatus(hold.id);
    expect(status).toMatchObject({
      status: 'expired',
      resolvedBy: { flags: { expired: true, voidPendingTransfer: true } },
    });
    await refused(
      t.ledger.createTransfer({ id: id('void'), pendingId: hold.id, flags: { voidPendingTransfer: true } }),
      'PENDING_TRANSFER_EXPIRED',
    );
  });
});
