import type { Clock } from '../../db/clock.ts';
import type { Db, Engine, Trx } from '../../db/database.ts';
import { runTransaction } from '../../db/transaction.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { AppsService } from '../apps/index.ts';
import type { FunnelService } from '../funnel/index.ts';
import type { IndustriesService } from '../industries/index.ts';
import type { AccountKind, LedgerService } from '../ledger/index.ts';
import type { LoginService } from '../login/index.ts';
import { platformKey } from '../login/index.ts';
import type { WebhooksService } from '../webhooks/index.ts';
import type { PaymentChannel } from './payment-channel.ts';

export interface PaymentsOptions {
  /**
   * After this long a paid order the merchant has not settled is settled by the platform
   * (default 7 days), unless the app's category sets its own holding period.
   */
  holdingPeriodMs: number;
  /** The largest order, in major units of its currency (default 1,000,000). */
  maxOrderAmount: number;
  /** How long an unpaid order stays payable when the merchant does not say (default 15 minutes). */
  defaultValidSeconds: number;
  minValidSeconds: number;
  maxValidSeconds: number;
}

export const defaultPaymentsOptions: PaymentsOptions = {
  holdingPeriodMs: 7 * 24 * 3600_000,
  maxOrderAmount: 1_000_000,
  defaultValidSeconds: 15 * 60,
  minValidSeconds: 30,
  maxValidSeconds: 2 * 24 * 3600,
};

export interface PaymentsDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
  ledger: LedgerService;
  apps: Pick<AppsService, 'get'>;
  login: Pick<LoginService, 'resolveOpenid'>;
  webhooks: Pick<WebhooksService, 'enqueueEvent'>;
  jobs: Pick<JobQueue, 'enqueue' | 'register'>;
  /** Records `paid` and `settled` in the funnel, in the same transaction. */
  funnel?: Pick<FunnelService, 'record'>;
  /** Told of each paid order and each refund, in the same transaction (the recommender's service record). */
  merchantRecord?: MerchantServiceRecord;
  channel: PaymentChannel;
  /** The app's categories decide whether it may take guaranteed payment, and on what terms. */
  industries: Pick<IndustriesService['apps'], 'paymentTerms' | 'commissionOf'>;
  options?: Partial<PaymentsOptions>;
  /**
   * Asked before a user's refund request is recorded (a dialect's merchant may refuse it,
   * as Douyin's `pre_create_refund` does); throwing refuses it and nothing is recorded.
   */
  refundRequests?: RefundRequestGate;
}

/**
 * A merchant's service record as others keep it: each paid order and each refund, told
 * inside the transaction that makes it, so a rolled-back payment is never counted.
 */
export interface MerchantServiceRecord {
  record(
    trx: Trx,
    event: { appid: string; kind: 'order' | 'refund'; userId: string; at: number },
  ): Promise<void>;
}

/** The user's refund request as the gate sees it, before it exists. */
export interface RefundRequestGate {
  approve(request: {
    appId: string;
    orderId: string;
    userId: string;
    refundId: string;
    amount: number;
    reason: string;
  }): Promise<void>;
  /** The request was allowed but not recorded after all (refused by a later check). */
  withdrawn(refundId: string): void;
}

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
     * cached once committed) so the transaction itself locks only what it moves. `shard`
     * picks one of the owner's accounts (`ledger-shards.ts`).
     */
    async account(kind: AccountKind, ownerId: string, currency: string, shard = 0): Promise<string> {
      const key = `${kind}:${ownerId}:${currency}:${shard}`;
      const known = accountIds.get(key);
      if (known) return known;
      const account = await deps.ledger.ensureAccount({ kind, ownerId, currency, shard });
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
  sweep: (refundId: string, fromAccountId: string) => `sweep:${refundId}:${fromAccountId}`,
};
