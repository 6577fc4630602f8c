import {
  demoAccounts,
  type PlatformClient,
  platformClient,
  signInUser,
} from '../../server/src/demo/index.ts';
import type { PlatformProcess } from './platform-process.ts';

/** A JSON POST to the platform or the demo's merchant server; a non-2xx answer throws with its body. */
export async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

/** The super app's reports of a user seeing a video's anchor, tapping it and the app opening. */
export async function reportAnchorVisit(user: PlatformClient, appid: string, videoId: string): Promise<void> {
  const at = Date.now();
  await user.json('POST', '/api/feed/events', {
    events: [
      { type: 'anchor_exposure', video_id: videoId, appid, at },
      { type: 'anchor_click', video_id: videoId, appid, at },
      { type: 'app_open', appid, at },
    ],
  });
}

export interface TakeoutPurchase {
  user: PlatformClient;
  orderId: string;
  orderToken: string;
  totalCents: number;
}

/** The demo user, signed in to the super app. */
export async function signInDemoUser(platform: PlatformProcess): Promise<PlatformClient> {
  return (await signInUser(platformClient(platform.base), demoAccounts.user.phone)).client;
}

/**
 * A signed-in user orders two dishes from the takeout app through its merchant server
 * (tt.login, code2session, the shop's order), not yet paid.
 */
export async function orderTakeout(
  platform: PlatformProcess,
  user: PlatformClient,
): Promise<TakeoutPurchase> {
  const { appid } = platform.marker;
  const { code } = await user.json<{ code: string }>('POST', `/api/runtime/apps/${appid}/login`, {});
  const session = await post<{ token: string }>(`${platform.merchantUrl}/api/session`, { code });
  const order = await post<{ orderId: string; orderToken: string; totalCents: number }>(
    `${platform.merchantUrl}/api/orders`,
    {
      items: [
        { dishId: 'beef-noodles', quantity: 1 },
        { dishId: 'dan-dan', quantity: 1 },
      ],
      totalCents: 2800 + 1850,
    },
    session.token,
  );
  return { user, ...order };
}

/** tt.pay as the payment sheet confirms it: the money is held in escrow. */
export function payTakeout(purchase: TakeoutPurchase): Promise<{ code: number }> {
  return purchase.user.json<{ code: number }>('POST', '/api/runtime/payments/pay', {
    order_id: purchase.orderId,
    order_token: purchase.orderToken,
    confirmed: true,
  });
}
