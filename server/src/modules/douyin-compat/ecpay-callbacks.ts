import { randomInt } from 'node:crypto';
import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import { paymentEvents } from '../payments/index.ts';
import type { WebhookEvent, WebhooksService } from '../webhooks/index.ts';
import type { DouyinEcpayOrderRow } from './douyin-compat.table.ts';
import {
  findEcpayOrderByPlazaOrder,
  findEcpayRequest,
  findSettleRequestOfOrder,
} from './ecpay.repository.ts';
import { ecpayCallbackSignature } from './ecpay-sign.ts';
import { findPaySettings } from './pay-settings.repository.ts';

/** What Plaza's payment events carry (`payment-events.ts`), as far as the callbacks read it. */
interface PaymentEventData {
  order_id: string;
  total_amount: number;
  refunded_amount: number;
  paid_at: string | null;
  settled_at: string | null;
  commission_amount?: number;
  refund_id?: string;
  out_refund_no?: string | null;
  amount?: number;
}

const seconds = (iso: string | null | undefined, fallback: number) =>
  Math.floor((iso ? Date.parse(iso) : fallback) / 1000);

/** One ecpay callback body: `{timestamp, nonce, msg, type, msg_signature}`, signed with the app's token. */
export function ecpayCallbackBody(
  token: string,
  type: 'payment' | 'refund' | 'settle',
  msg: Record<string, unknown>,
  now: number,
): string {
  const timestamp = String(Math.floor(now / 1000));
  const nonce = String(randomInt(1000, 10_000_000));
  const text = JSON.stringify(msg);
  const msg_signature = ecpayCallbackSignature({ token, timestamp, nonce, msg: text });
  return JSON.stringify({ timestamp, nonce, msg: text, type, msg_signature });
}

/**
 * Plaza's payment events, for orders that began as ecpay orders, also become Douyin's
 * callbacks (payment, refund, settle) to the merchant's `notify_url`: enqueued in the same
 * transaction as the event, delivered by the webhook outbox and re-sent until the merchant
 * answers `{"err_no":0,"err_tips":"success"}`. Given to the payments service in place of
 * the webhooks service, it changes nothing of the payments module.
 */
export function withEcpayCallbacks(deps: {
  db: Db;
  clock: Clock;
  webhooks: Pick<WebhooksService, 'enqueueEvent' | 'enqueueDialectCallback'>;
}): Pick<WebhooksService, 'enqueueEvent' | 'enqueueDialectCallback'> {
  const { clock, webhooks } = deps;
  const watched = new Set<string>([paymentEvents.paid, paymentEvents.refundSucceeded, paymentEvents.settled]);

  async function callbackFor(trx: Db, event: WebhookEvent): Promise<void> {
    const data = event.data as PaymentEventData;
    const order = await findEcpayOrderByPlazaOrder(trx, data.order_id);
    if (!order) return;
    const settings = await findPaySettings(trx, order.app_id);
    if (!settings) return;
    const now = clock.now();
    const appid = (event.data as { appid?: string }).appid ?? '';
    const send = async (
      type: 'payment' | 'refund' | 'settle',
      url: string | null,
      msg: Record<string, unknown>,
    ) => {
      const target = url ?? order.notify_url ?? settings.notify_url;
      // No URL anywhere: the merchant polls with query_* instead, as Douyin allows.
      if (target === null) return;
      await webhooks.enqueueDialectCallback(trx, {
        appId: order.app_id,
        type: `douyin.ecpay.${type}`,
        url: target,
        body: ecpayCallbackBody(settings.callback_token, type, msg, now),
        headers: {},
        acknowledgement: 'err_no',
      });
    };
    if (event.type === paymentEvents.paid) {
      await send('payment', null, paymentMsg(appid, order, data, now));
    } else if (event.type === paymentEvents.refundSucceeded) {
      const request = data.out_refund_no
        ? await findEcpayRequest(trx, order.app_id, 'refund', data.out_refund_no)
        : undefined;
      await send('refund', request?.notify_url ?? null, {
        appid,
        cp_refundno: data.out_refund_no ?? data.refund_id ?? '',
        cp_extra: request?.cp_extra ?? '',
        status: 'SUCCESS',
        refund_amount: data.amount ?? 0,
        is_all_settled: false,
        refunded_at: Math.floor(now / 1000),
        message: '',
        order_id: order.id,
        refund_no: data.refund_id ?? '',
      });
    } else if (event.type === paymentEvents.settled) {
      const request = await findSettleRequestOfOrder(trx, order.id);
      await send('settle', request?.notify_url ?? null, settleMsg(appid, order, data, request, now));
    }
  }

  return {
    enqueueDialectCallback: (trx, callback) => webhooks.enqueueDialectCallback(trx, callback),
    async enqueueEvent(trx, event) {
      const queued = await webhooks.enqueueEvent(trx, event);
      if (watched.has(event.type)) await callbackFor(trx, event);
      return queued;
    },
  };
}

function paymentMsg(appid: string, order: DouyinEcpayOrderRow, data: PaymentEventData, now: number) {
  return {
    appid,
    cp_orderno: order.out_order_no,
    cp_extra: order.cp_extra ?? '',
    way: '1',
    channel_no: '',
    channel_gateway_no: '',
    payment_order_no: data.order_id,
    out_channel_order_no: '',
    total_amount: Number(order.total_amount),
    status: 'SUCCESS',
    seller_uid: '',
    extra: '',
    item_id: '',
    paid_at: seconds(data.paid_at, now),
    message: '',
    order_id: order.id,
  };
}

function settleMsg(
  appid: string,
  order: DouyinEcpayOrderRow,
  data: PaymentEventData,
  request: { id: string; out_no: string; cp_extra: string | null } | undefined,
  now: number,
) {
  return {
    appid,
    cp_settle_no: request?.out_no ?? '',
    cp_extra: request?.cp_extra ?? '',
    status: 'SUCCESS',
    rake: data.commission_amount ?? 0,
    commission: 0,
    settle_detail: '',
    settled_at: seconds(data.settled_at, now),
    message: '',
    order_id: order.id,
    settle_amount: data.total_amount - data.refunded_amount,
    settle_no: request?.id ?? '',
  };
}
