import { runTransaction } from '../../db/transaction.ts';
import type { AccountKind } from '../ledger/index.ts';
import { platformKey } from '../login/index.ts';
import {
  defaultPaymentsOptions,
  type PaymentsDeps,
  type PaymentsOptions,
  type Trx,
} from './payments.deps.ts';

/** The owner of the one commission account per currency. */
export const platformOwner = 'platform';

/** What every part of the payments service shares: deps, options, transactions, accounts. */
export function paymentsContext(deps: PaymentsDeps) {
  const options: PaymentsOptions = { ...defaultPaymentsOptions, ...deps.options };
  const accountIds = new Map<string, string>();
  let tokenKey: Promise<Buffer> | undefined;

  return {
    ...deps,
    options,

    /**
     * One transaction per operation, run again when it lost a race to another. Only
     * database work goes inside: what acts outside (a channel) is a step of its own.
     */
    transaction<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
      // The ledger gives up on a race it lost too often with LEDGER_CONFLICT: the whole
      // operation is run again.
      return runTransaction(deps.db, work, { alsoRetry: ['LEDGER_CONFLICT'] });
    },

    /**
     * The ledger account's id, created on first use. Called before the transaction (and
     * cached once committed) so the transaction itself locks only what it moves.
     */
    async account(kind: AccountKind, ownerId: string, currency: string): Promise<string> {
      const key = `${kind}:${ownerId}:${currency}`;
      const known = accountIds.get(key);
      if (known) return known;
      const account = await deps.ledger.ensureAccount({ kind, ownerId, currency });
      accountIds.set(key, account.id);
      return account.id;
    },

    /** The key order tokens are signed with, shared by every instance through the database. */
    orderTokenKey(): Promise<Buffer> {
      tokenKey ??= platformKey(deps.db, 'payments.order-token', deps.clock.now()).catch((error) => {
        tokenKey = undefined;
        throw error;
      });
      return tokenKey;
    },
  };
}

export type PaymentsContext = ReturnType<typeof paymentsContext>;

/** Transfer ids: chosen by us and unique forever, so a rerun of a step replays rather than repeats. */
export const transferIds = {
  hold: (orderId: string, seq: number) => `hold:${orderId}:${seq}`,
  release: (orderId: string, seq: number) => `release:${orderId}:${seq}`,
  settle: (orderId: string) => `settle:${orderId}`,
  commission: (orderId: string) => `commission:${orderId}`,
  split: (orderId: string, receiverId: string) => `split:${orderId}:${receiverId}`,
  merchant: (orderId: string) => `merchant:${orderId}`,
  refund: (refundId: string) => `refund:${refundId}`,
};
