import type { Trx } from '../../db/database.ts';
import { PlazaError } from '../../errors/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import { paymentErrors } from './errors.ts';
import type { OrderRow, RefundRow } from './payments.table.ts';
import { transferIds } from './payments-context.ts';

/** The ledger accounts a refund moves money between. */
export interface RefundAccounts {
  funding: string;
  escrow: string;
  merchant: string;
}

/**
 * The ledger side of one refund. Before settlement (`escrow`) the order's hold is voided
 * and, when something is left, a new hold for the rest takes its place (a pending transfer
 * resolves once, so escrow stays exactly the sum of open holds). After settlement the
 * merchant's balance pays, and is refused when it is short.
 */
export async function transferRefund(
  ledger: Pick<LedgerService, 'createTransfer' | 'createTransfers'>,
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
    try {
      await ledger.createTransfer(
        {
          id: transferIds.refund(refund.id),
          debitAccountId: merchant,
          creditAccountId: funding,
          amount: Number(refund.amount),
          currency: order.currency,
          code: 'refund',
          userData: order.id,
        },
        trx,
      );
    } catch (error) {
      if (error instanceof PlazaError && error.code === 'LEDGER_EXCEEDS_CREDITS')
        throw paymentErrors.MERCHANT_BALANCE_INSUFFICIENT({ amount: Number(refund.amount) });
      throw error;
    }
  }
}
