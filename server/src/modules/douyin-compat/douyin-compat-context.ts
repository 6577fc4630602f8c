import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import type { AppsService } from '../apps/index.ts';
import type { LoginService } from '../login/index.ts';
import { platformKey } from '../login/index.ts';
import type { PaymentsService } from '../payments/index.ts';

/** What the Douyin dialect's services translate to: Plaza's own apps, login and payments. */
export interface DouyinCompatDeps {
  db: Db;
  clock: Clock;
  apps: Pick<AppsService, 'requireActive' | 'requireRole' | 'get' | 'resolveClientToken'>;
  login: Pick<LoginService, 'openidFor'>;
  payments: Pick<PaymentsService, 'orders' | 'refunds' | 'settlement' | 'options'>;
}

/** What the dialect's sub-services share: their deps and the key ecpay order tokens are signed with. */
export function douyinCompatContext(deps: DouyinCompatDeps) {
  let tokenKey: Promise<Buffer> | undefined;
  return {
    ...deps,
    /** Shared by every instance through the database, like Plaza's own order-token key. */
    ecpayTokenKey(): Promise<Buffer> {
      tokenKey ??= platformKey(deps.db, 'douyin.ecpay-order-token', deps.clock.now()).catch((error) => {
        tokenKey = undefined;
        throw error;
      });
      return tokenKey;
    },
  };
}

export type DouyinCompatContext = ReturnType<typeof douyinCompatContext>;
