import type { FunnelDay } from '@plaza/api-types/platform';
import { demoAccounts, platformClient } from '../../server/src/demo/index.ts';
import type { PlatformProcess } from './platform-process.ts';

export type { FunnelDay } from '@plaza/api-types/platform';

export interface StatementTotals {
  paid: number;
  settled: number;
  commission: number;
  merchant: number;
  merchant_balance_change: number;
}

export interface ShopOrder {
  orderId: string;
  status: string;
  totalCents: number;
  events: string[];
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * What the merchant sees of the loop: its own server's orders, the statement of its
 * balance (with its app credentials, as its server would ask) and the funnel in the
 * developer console.
 */
export function merchantView(platform: PlatformProcess) {
  const anonymous = platformClient(platform.base);
  return {
    async shopOrders(): Promise<ShopOrder[]> {
      const res = await fetch(`${platform.merchantUrl}/orders`);
      return ((await res.json()) as { orders: ShopOrder[] }).orders;
    },
    async statementTotals(): Promise<StatementTotals | undefined> {
      const { access_token } = await anonymous.json<{ access_token: string }>(
        'POST',
        '/api/oauth/client_token',
        {
          appid: platform.marker.appid,
          secret: platform.marker.secret,
          grant_type: 'client_credential',
        },
      );
      const statement = await anonymous
        .as(access_token)
        .json<{ totals: Record<string, StatementTotals> }>(
          'GET',
          `/api/payments/statements?from=${today()}&to=${today()}`,
        );
      return statement.totals.CNY;
    },
    async funnelToday(): Promise<FunnelDay | undefined> {
      const { email, password } = demoAccounts.developer;
      const { token } = await anonymous.json<{ token: string }>('POST', '/api/sessions', { email, password });
      const funnel = await anonymous
        .as(token)
        .json<{ days: FunnelDay[] }>(
          'GET',
          `/api/apps/${platform.marker.appid}/funnel?from=${today()}&to=${today()}`,
        );
      return funnel.days[0];
    },
    /** The food-delivery rate (250 bps), rounded half up as the platform settles. */
    commissionOf(total: number): number {
      return Math.floor((total * 250 + 5_000) / 10_000);
    },
  };
}

/** Polls until `check` returns a value, or fails with what it last saw. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
