import type { Trx } from '../../db/database.ts';
import { PlazaError } from '../../errors/index.ts';
import { type LedgerService, ledgerErrors, type TransferInput } from '../ledger/index.ts';
import { paymentErrors } from './errors.ts';
import type { OrderRow, RefundRow } from './payments.table.ts';
import { transferIds } from './payments-context.ts';

/** The ledger accounts a refund moves money between: the escrow and merchant shards are the order's. */
export interface RefundAccounts {
  funding: string;
  escrow: string;
  merchant: string;
}

/**
 * Where a refund from the merchant's balance takes its money: the order's own shard when it
 * holds enough, else the rest is first swept into that shard from the app's other shards, in
 * shard order (the merchant's balance is the sum of its shards, as it was of its one account).
 * Read without locks: the ledger decides again under them.
 */
function sweepsFor(
  shards: readonly { id: string; debitsPending: number; debitsPosted: number; creditsPosted: number }[],
  into: string,
  amount: number,
): { from: string; amount: number }[] | 'short' {
  const available = (a: (typeof shards)[number]) => a.creditsPosted - a.debitsPosted - a.debitsPending;
  const own = shards.find((a) => a.id === into);
  let needed = amount - (own ? available(own) : 0);
  const sweeps: { from: string; amount: number }[] = [];
  for (const shard of shards) {
    if (needed <= 0) break;
    if (shard.id === into || available(shard) <= 0) continue;
    const take = Math.min(available(shard), needed);
    sweeps.push({ from: shard.id, amount: take });
    needed -= take;
  }
  return needed > 0 ? 'short' : sweeps;
}

/**
 * The ledger side of one refund. Before settlement (`escrow`) the order's hold is voided
 * and, when something is left, a new hold for the rest takes its place (a pending transfer
 * resolves once, so escrow stays exactly the sum of open holds). After settlement the
 * merchant's balance pays (`sweepsFor`), and is refused when all its shards together are short.
 */
export async function transferRefund(
  ledger: Pick<LedgerService, 'createTransfer' | 'createTransfers' | 'balanceOf'>,
  trx: Trx,
  input: {
    order: OrderRow;
    refund: RefundRow;
    source: 'escrow' | 'merchant_balance' | undefined;
    /** What is left of the order after this refund. */
    left: number;
    accounts: RefundAccounts;
  },
): Promise<void> {
  const { order, refund, source, left } = input;
  const { funding, escrow, merchant } = input.accounts;
  const seq = Number(order.hold_seq);
  if (source === 'escrow') {
    await ledger.createTransfers(
      [
        {
          id: transferIds.release(order.id, seq),
          pendingId: transferIds.hold(order.id, seq),
          flags: { voidPendingTransfer: true },
        },
        ...(left > 0
          ? [
              {
                id: transferIds.hold(order.id, seq + 1),
                debitAccountId: funding,
                creditAccountId: escrow,
                amount: left,
                currency: order.currency,
                code: 'escrow_hold',
                userData: order.id,
                flags: { pending: true },
              },
            ]
          : []),
      ],
      trx,
    );
  } else {
    const amount = Number(refund.amount);
    const balance = await ledger.balanceOf(
      { kind: 'merchant_balance', ownerId: order.app_id, currency: order.currency },
      trx,
    );
    const sweeps = sweepsFor(balance.shards, merchant, amount);
    if (sweeps === 'short') throw paymentErrors.MERCHANT_BALANCE_INSUFFICIENT({ amount });
    const transfers: TransferInput[] = sweeps.map((s) => ({
      id: transferIds.sweep(refund.id, s.from),
      debitAccountId: s.from,
      creditAccountId: merchant,
      amount: s.amount,
      currency: order.currency,
      code: 'shard_sweep',
      userData: order.id,
    }));
    transfers.push({
      id: transferIds.refund(refund.id),
      debitAccountId: merchant,
      creditAccountId: funding,
      amount,
      currency: order.currency,
      code: 'refund',
      userData: order.id,
    });
    try {
      await ledger.createTransfers(transfers, trx);
    } catch (error) {
      // The shards held enough when read; another refund took some before our locks: the
      // whole transaction is run again on what is there now.
      if (error instanceof PlazaError && error.code === 'LEDGER_EXCEEDS_CREDITS')
        throw ledgerErrors.CONFLICT({ refund_id: refund.id });
      throw error;
    }
  }
}
