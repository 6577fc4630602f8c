import type { HostCapabilities } from '@plaza/runtime';
import { ApiError, api } from '../api.ts';
import { searchFunnel } from '../search/search-funnel.ts';
import { openChat } from '../support/chat-store.ts';
import { askConsent, askLogin, askPayment, askSubscribe } from './host-sheets.ts';

export interface SuperAppHostContext {
  appid: string;
  appName: string;
  /** The app's icon as the platform lists it, for the host's sheets. */
  appIcon: string | null;
  /** Resolves with the signed-in user, asking them to sign in first; null when they decline. */
  requireUser(): Promise<{ id: string; phone: string } | null>;
}

interface PayableOrder {
  order_id: string;
  subject: string;
  total_amount: number;
  currency: string;
  status: string;
  items: Array<{ name: string; quantity: number; unit_amount: number }>;
}

// Which apps the user let log them in on this device: asked once per app and user.
const loginKey = (userId: string, appid: string) => `plaza-login:${userId}:${appid}`;

class Refusal extends Error {}

interface SubscribeSheet {
  kind: 'one_time' | 'long_term';
  decided: boolean;
  items: Array<{
    template: { template_id: string; title: string; keywords: Array<{ name: string }> };
    remembered: 'accept' | 'reject' | null;
    unavailable: 'ban' | 'filter' | null;
  }>;
}

type SubscribeResults = Record<string, 'accept' | 'reject' | 'ban' | 'filter'>;

// The platform's refusals, in the dialects' words (the runtime maps them to errCodes).
const subscribeRefusals: Record<string, string> = {
  MESSAGES_TOO_MANY_TEMPLATES: 'Templates count out of max bounds',
  MESSAGES_MIXED_KINDS: 'Templates type must be same',
  MESSAGES_TEMPLATE_NOT_FOUND: 'No template data return, verify the template id exist',
  HTTP_VALIDATION: 'No template data return, verify the template id exist',
};

interface RequestedOrder {
  order_id: string;
  order_token: string;
  item_order_list: Array<{ item_order_id: string; sku_id: string; price: number }>;
}

// The platform's refusals of tt.requestOrder, in the words the runtime gives errNo to.
const tradeRefusals: Record<string, string> = {
  DOUYIN_BYTE_AUTHORIZATION_INVALID: 'byteAuthorization is invalid',
  DOUYIN_SIGNATURE_INVALID: 'signature verification failed',
  DOUYIN_BYTE_AUTHORIZATION_EXPIRED: 'byteAuthorization timestamp expired',
  DOUYIN_KEY_VERSION_UNKNOWN: 'public key not registered or key_version unknown',
  DOUYIN_TRADE_NOT_SET_UP: 'public key not registered or key_version unknown',
  DOUYIN_ORDER_DATA_INVALID: 'invalid params',
  HTTP_VALIDATION: 'invalid params',
};

/**
 * What only the super app can do for a mini program: one-tap login (a code bound to this
 * app and user), consent sheets for personal data, and the guaranteed-payment sheet.
 * Everything else (storage, toasts, navigation chrome) the container answers itself.
 */
export function superAppHost(ctx: SuperAppHostContext): Partial<HostCapabilities> {
  const base = `/api/runtime/apps/${encodeURIComponent(ctx.appid)}`;
  const app = { appName: ctx.appName, appIcon: ctx.appIcon };
  const signedIn = async () => {
    const user = await ctx.requireUser();
    if (!user) throw new Refusal('auth deny');
    return user;
  };
  const consented = async (scope: string) => {
    const info = await api<{ granted: boolean; reason: string }>('GET', `${base}/consent/${scope}`);
    if (info.granted) return;
    const granted = await askConsent(app, scope, info.reason);
    await api('POST', `${base}/consent`, { scope, granted });
    if (!granted) throw new Refusal('auth deny');
  };
  // Orders tt.requestOrder made in this session, with the token that pays each.
  const orderTokens = new Map<string, string>();
  const host: Partial<HostCapabilities> & Pick<HostCapabilities, 'pay'> = {
    async login() {
      const user = await signedIn();
      if (localStorage.getItem(loginKey(user.id, ctx.appid)) !== 'allow') {
        if (!(await askLogin(app, user.phone))) throw new Refusal('auth deny');
        localStorage.setItem(loginKey(user.id, ctx.appid), 'allow');
      }
      const { code } = await api<{ code: string }>('POST', `${base}/login`, {});
      return { code, isLogin: true };
    },
    async checkSession() {
      await signedIn();
    },
    async getUserProfile() {
      await signedIn();
      await consented('profile');
      const profile = await api<{ nickName: string; avatarUrl: string }>('POST', `${base}/profile`, {});
      return { userInfo: { nickName: profile.nickName, avatarUrl: profile.avatarUrl } };
    },
    async getPhoneNumber() {
      await signedIn();
      await consented('phone_number');
      const { code } = await api<{ code: string }>('POST', `${base}/phone-code`, {});
      return { code };
    },
    async requestSubscribeMessage({ tmplIds }) {
      await signedIn();
      let sheet: SubscribeSheet;
      try {
        sheet = await api<SubscribeSheet>('POST', `${base}/subscribe-sheet`, { template_ids: tmplIds });
      } catch (error) {
        const reason = error instanceof ApiError ? subscribeRefusals[error.code] : undefined;
        throw reason ? new Refusal(reason) : error;
      }
      // Remembered ("always") and withdrawn templates need no sheet; the platform answers them.
      const asked = sheet.items.filter((i) => i.remembered === null && i.unavailable === null);
      const answer = sheet.decided
        ? { accepted: [], always: false }
        : await askSubscribe(
            app,
            sheet.kind,
            asked.map((i) => ({
              template_id: i.template.template_id,
              title: i.template.title,
              keywords: i.template.keywords.map((k) => k.name),
            })),
          );
      const { results } = await api<{ results: SubscribeResults }>('POST', `${base}/subscriptions`, {
        template_ids: tmplIds,
        accepted: answer.accepted,
        always: answer.always,
      });
      return results;
    },
    // The chat with the merchant opens over the mini program; the page it came from is its card.
    async openCustomerServiceChat(o) {
      await signedIn();
      await openChat(
        { appid: ctx.appid, name: ctx.appName, iconUrl: ctx.appIcon },
        o.showCard ? { path: o.path, title: o.title } : null,
      );
    },
    async pay(options) {
      await signedIn();
      // An order made with Douyin's ecpay create_order has no user yet: it becomes the
      // signed-in user's Plaza order, and the sheet pays that one.
      const { order_id, order_token } = options.orderInfo.order_id.startsWith(ecpayOrderPrefix)
        ? await api<{ order_id: string; order_token: string }>(
            'POST',
            '/api/runtime/douyin/ecpay/claim',
            options.orderInfo,
          )
        : options.orderInfo;
      // The sheet shows the order as the platform holds it (never as the program says it is):
      // the user's own orders carry it, newest first.
      const mine = await api<{ items: PayableOrder[] }>('GET', '/api/me/orders?limit=20');
      const order = mine.items.find((o) => o.order_id === order_id);
      if (!order) return { code: 2 };
      if (order.status !== 'created') return { code: order.status === 'closed' ? 3 : 0 };
      const choice = await askPayment(app, order);
      if (choice === 'cancel') return { code: 4 };
      const result = await api<{ code: number }>('POST', '/api/runtime/payments/pay', {
        order_id,
        order_token,
        confirmed: true,
      });
      if (result.code === 0) searchFunnel.paid(ctx.appid);
      return { code: result.code };
    },
    // Douyin's trade system: the platform checks the merchant's byteAuthorization and makes
    // the order the user's; its token stays with the host until tt.getOrderPayment pays it.
    async requestOrder(options) {
      await signedIn();
      let made: RequestedOrder;
      try {
        made = await api<RequestedOrder>('POST', '/api/runtime/douyin/trade/request-order', {
          appid: ctx.appid,
          data: options.data,
          byte_authorization: options.byteAuthorization,
        });
      } catch (error) {
        const reason = error instanceof ApiError ? tradeRefusals[error.code] : undefined;
        throw reason ? new Refusal(reason) : error;
      }
      orderTokens.set(made.order_id, made.order_token);
      return {
        orderId: made.order_id,
        itemOrderList: made.item_order_list.map((i) => ({
          itemOrderId: i.item_order_id,
          skuId: i.sku_id,
          price: i.price,
        })),
      };
    },
    async getOrderPayment({ orderId }) {
      const orderToken = orderTokens.get(orderId);
      if (orderToken === undefined) throw new Refusal('order not found');
      return host.pay({ orderInfo: { order_id: orderId, order_token: orderToken }, service: 5 });
    },
    // WeChat's requestPayment on guaranteed payment: the merchant passes the order as
    // `package: "prepay_id=<order_id>"` and its order_token as `paySign`.
    async requestPayment(options) {
      const prepay = /^prepay_id=(.+)$/.exec(String(options.package ?? ''))?.[1];
      if (!prepay || typeof options.paySign !== 'string') throw new Refusal('invalid package or paySign');
      const { code } = await host.pay({
        orderInfo: { order_id: prepay, order_token: options.paySign },
        service: 5,
      });
      if (code === 4) throw new Refusal('cancel');
      if (code !== 0) throw new Refusal(code === 3 ? 'order closed' : 'payment failed');
    },
  };
  return host;
}

/** The id prefix of ecpay orders (the server's douyin-compat module makes them). */
const ecpayOrderPrefix = 'dyo_';
