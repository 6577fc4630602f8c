import type { DouyinCompatContext } from './douyin-compat-context.ts';
import { douyinErrors } from './errors.ts';
import { readOrderData } from './request-order-data.ts';
import { findTradeSettings, insertTradeOrder } from './trade.repository.ts';
import { parseByteAuthorization, requestOrderSignedText, rsaSignatureMatches } from './trade-signature.ts';

/** How far a `byteAuthorization` timestamp may be from now, either way. */
export const byteAuthorizationWindowMs = 5 * 60_000;

export interface RequestedOrder {
  orderId: string;
  /** Plaza's token for paying it (the host keeps it; `tt.getOrderPayment` names the order). */
  orderToken: string;
  outOrderNo: string;
  itemOrderList: Array<{ itemOrderId: string; skuId: string; price: number }>;
}

export interface RequestOrderService {
  /**
   * `tt.requestOrder({ data, byteAuthorization })` of a signed-in user: the authorization is
   * checked against the key the app registered (scheme, appid, key_version, a timestamp
   * within 5 minutes, the RSA signature over `data`) before `data` is read; then the order
   * becomes a Plaza order of the user. A refusal creates nothing.
   */
  requestOrder(
    userId: string,
    appid: string,
    input: { data: string; byteAuthorization: string },
  ): Promise<RequestedOrder>;
}

export type RequestOrderDeps = Pick<
  DouyinCompatContext,
  'db' | 'clock' | 'apps' | 'login' | 'payments' | 'tradeKey'
>;

export function createRequestOrderService(ctx: RequestOrderDeps): RequestOrderService {
  const { db, clock, apps, login, payments } = ctx;

  /** The app's id once the authorization holds; nothing is read from `data` before. */
  async function authorize(
    appid: string,
    data: string,
    header: string,
  ): Promise<{ id: string; appid: string }> {
    const app = await apps.requireActive(appid);
    const auth = parseByteAuthorization(header);
    if (!auth || auth.appid !== app.appid) throw douyinErrors.BYTE_AUTHORIZATION_INVALID();
    const settings = await findTradeSettings(db, app.id);
    if (!settings) throw douyinErrors.TRADE_NOT_SET_UP({ appid });
    if (auth.keyVersion !== settings.key_version)
      throw douyinErrors.KEY_VERSION_UNKNOWN({ key_version: settings.key_version });
    const seconds = /^\d{1,12}$/.test(auth.timestamp) ? Number(auth.timestamp) : Number.NaN;
    if (!(Math.abs(clock.now() - seconds * 1000) <= byteAuthorizationWindowMs))
      throw douyinErrors.BYTE_AUTHORIZATION_EXPIRED();
    const text = requestOrderSignedText(auth.timestamp, auth.nonceStr, data);
    if (!rsaSignatureMatches(settings.public_key, text, auth.signature))
      throw douyinErrors.SIGNATURE_INVALID();
    return app;
  }

  return {
    async requestOrder(userId, appid, input) {
      const app = await authorize(appid, input.data, input.byteAuthorization);
      const appId = app.id;
      const read = readOrderData(input.data);
      if (!read.ok) throw douyinErrors.ORDER_DATA_INVALID({ field: read.field, problem: read.problem });
      const o = read.order;
      // Made now, outside any transaction, so the order's callbacks find it ready.
      await ctx.tradeKey();
      const openid = await login.openidFor(appId, userId);
      const { order, token } = await payments.orders.create(appId, {
        outOrderNo: o.outOrderNo,
        openid,
        totalAmount: o.totalAmount,
        currency: 'CNY',
        subject: o.skuList[0]?.title.slice(0, 128) ?? o.outOrderNo,
        body: o.skuList
          .map((s) => `${s.title} ×${s.quantity}`)
          .join('; ')
          .slice(0, 512),
        items: o.skuList.map((s) => ({
          name: s.title.slice(0, 128),
          quantity: s.quantity,
          unitAmount: s.price,
        })),
        ...(o.payExpireSeconds !== undefined
          ? {
              validSeconds: Math.min(
                Math.max(o.payExpireSeconds, payments.options.minValidSeconds),
                payments.options.maxValidSeconds,
              ),
            }
          : {}),
        cpExtra: o.cpExtra ?? null,
      });
      await insertTradeOrder(db, {
        order_id: order.id,
        app_id: appId,
        appid: app.appid,
        out_order_no: o.outOrderNo,
        notify_url: o.payNotifyUrl ?? null,
        sku_list: JSON.stringify(o.skuList),
        created_at: clock.now(),
      });
      return {
        orderId: order.id,
        orderToken: token,
        outOrderNo: o.outOrderNo,
        itemOrderList: o.skuList.map((s, i) => ({
          itemOrderId: `${order.id}_${i + 1}`,
          skuId: s.skuId,
          price: s.price,
        })),
      };
    },
  };
}
