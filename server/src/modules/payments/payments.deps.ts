import type { Transaction } from 'kysely';
import type { Clock } from '../../db/clock.ts';
import type { Db, Engine } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { JobQueue } from '../../jobs/index.ts';
import type { AppsService } from '../apps/index.ts';
import type { FunnelService } from '../funnel/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import type { LoginService } from '../login/index.ts';
import type { WebhooksService } from '../webhooks/index.ts';
import type { PaymentChannel } from './payment-channel.ts';

export interface PaymentsOptions {
  /** After this long a paid order the merchant has not settled is settled by the platform (default 7 days). */
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
  channel: PaymentChannel;
  options?: Partial<PaymentsOptions>;
}

export type Trx = Transaction<Database>;
