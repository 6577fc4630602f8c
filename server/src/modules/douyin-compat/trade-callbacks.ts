import { randomBytes } from 'node:crypto';
import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { paymentEvents } from '../payments/index.ts';
import type { WebhookEvent, WebhooksService } from '../webhooks/index.ts';
import type { DouyinTradeOrderRow } from './douyin-compat.table.ts';
import {
  findEcpayRequest,
  findRequestOfRefund,
  findSettleRequestOfOrder,
  insertEcpayRequest,
} from './ecpay.repository.ts';
import { findTradeOrder, findTradeSettings } from './trade.repository.ts';
import { callbackSignedText, rsaSign } from './trade-signature.ts';

export type TradeCallbackType = 'payment' | 'refund' | 'settle' | 'pre_create_refund';

/** The version the trade system's callbacks carry. */
export const tradeCallbackVersion = '2.0';

/**
 * One trade callback: the body `{version, type, msg}` (msg a JSON string) and the headers
 * that sign it, `Byte-Signature` = RSA-SHA256 of `timestamp\nnonce\nbody\n` with Plaza's key.
 */
export function tradeCallback(
  privateKey: string,
  type: TradeCallbackType,
  msg: Record<string, unknown>,
  now: number,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ version: tradeCallbackVersion, msg: JSON.stringify(msg), type });
  const timestamp = String(Math.floor(now / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    body,
    headers: {
      'Byte-Identifyname': '/common',
      'Byte-Logid': newId('log'),
      'Byte-Timestamp': timestamp,
      'Byte-Nonce-Str': nonce,
      'Byte-Signature': rsaSign(privateKey, callbackSignedText(timestamp, nonce, body)),
    },
  };
}

/** What Plaza's payment events carry (`payment-events.ts`), as far as the callbacks read it. */
interface EventData {
  order_id: string;
  openid?: string;
  total_amount: number;
  refunded_amount: number;
  cp_extra?: string | null;
  paid_at: string | null;
  settled_at: string | null;
  commission_amount?: number;
  refund_id?: string;
  out_refund_no?: string | null;
  amount?: number;
}

const ms = (iso: string | null | undefined, fallback: number) => (iso ? Date.parse(iso) : fallback);

export interface TradeCallbackDeps {
  db: Db;
  clock: Clock;
  webhooks: Pick<WebhooksService, 'enqueueEvent' | 'enqueueDialectCallback'>;
  tradeKey(trx?: Db): Promise<{ privateKey: string }>;
}

/**
 * Plaza's payment events, for orders made with `tt.requestOrder`, also become the trade
 * system's callbacks (payment, refund, settle) to the merchant: enqueued in the transaction
 * of the event, sent by the webhook outbox until the merchant answers
 * `{"err_no":0,"err_tips":"success"}`. A user's refund request the merchant allowed
 * (`pre_create_refund`) is recorded here under the merchant's `out_refund_no`.
 */
export function withTradeCallbacks(
  deps: TradeCallbackDeps & { pendingRefunds: PendingRefunds },
): Pick<WebhooksService, 'enqueueEvent' | 'enqueueDialectCallback'> {
  const { clock, webhooks } = deps;
  const watched = new Set<string>([
    paymentEvents.paid,
    paymentEvents.refundSucceeded,
    paymentEvents.settled,
    paymentEvents.refundRequested,
  ]);

  async function callbackFor(trx: Db, event: WebhookEvent): Promise<void> {
    const data = event.data as EventData;
    const order = await findTradeOrder(trx, data.order_id);
    if (!order) return;
    const now = clock.now();
    if (event.type === paymentEvents.refundRequested) {
      await recordAllowedRefund(trx, order, data, now);
      return;
    }
    const settings = await findTradeSettings(trx, order.app_id);
    const send = async (type: TradeCallbackType, url: string | null, msg: Record<string, unknown>) => {
      const target = url ?? order.notify_url ?? settings?.notify_url ?? null;
      // No URL anywhere: the merchant polls with trade_basic's queries instead.
      if (target === null) return;
      const signed = tradeCallback((await deps.tradeKey(trx)).privateKey, type, msg, now);
      await webhooks.enqueueDialectCallback(trx, {
        appId: order.app_id,
        type: `douyin.trade.${type}`,
        url: target,
        body: signed.body,
        headers: signed.headers,
        acknowledgement: 'err_no',
      });
    };
    const common = {
      app_id: order.appid,
      status: 'SUCCESS',
      order_id: order.order_id,
      cp_extra: data.cp_extra ?? '',
      message: '',
    };
    if (event.type === paymentEvents.paid) {
      await send('payment', null, {
        ...common,
        event_time: ms(data.paid_at, now),
        out_order_no: order.out_order_no,
        total_amount: data.total_amount,
        discount_amount: 0,
        pay_channel: 1,
        channel_pay_id: '',
        delivery_type: 0,
        order_source: '',
      });
    } else if (event.type === paymentEvents.refundSucceeded) {
      const request =
        (data.out_refund_no
          ? await findEcpayRequest(trx, order.app_id, 'trade_refund', data.out_refund_no)
          : undefined) ?? (data.refund_id ? await findRequestOfRefund(trx, data.refund_id) : undefined);
      await send('refund', request?.notify_url ?? null, {
        ...common,
        cp_extra: request?.cp_extra ?? common.cp_extra,
        event_time: now,
        refund_id: data.refund_id ?? '',
        out_refund_no: request?.out_no ?? data.out_refund_no ?? '',
        refund_total_amount: data.amount ?? 0,
        is_all_settled: false,
      });
    } else if (event.type === paymentEvents.settled) {
      const request = await findSettleRequestOfOrder(trx, order.order_id, 'trade_settle');
      await send('settle', request?.notify_url ?? null, {
        ...common,
        cp_extra: request?.cp_extra ?? common.cp_extra,
        event_time: ms(data.settled_at, now),
        settle_id: request?.id ?? '',
        out_settle_no: request?.out_no ?? '',
        rake: data.commission_amount ?? 0,
        commission: 0,
        settle_detail: '',
        settle_amount: data.total_amount - data.refunded_amount,
        is_auto_settle: request === undefined,
      });
    }
  }

  /** The merchant's `out_refund_no` for a refund it allowed, so trade_basic finds it by that number. */
  async function recordAllowedRefund(trx: Db, order: DouyinTradeOrderRow, data: EventData, now: number) {
    const allowed = data.refund_id ? deps.pendingRefunds.take(data.refund_id) : undefined;
    if (!allowed || !data.refund_id) return;
    await insertEcpayRequest(trx, {
      id: newId('dyr'),
      app_id: order.app_id,
      kind: 'trade_refund',
      out_no: allowed.outRefundNo,
      order_id: order.order_id,
      refund_id: data.refund_id,
      cp_extra: null,
      notify_url: allowed.notifyUrl,
      created_at: now,
    });
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

/**
 * What the merchant answered to `pre_create_refund`, held from the answer to the refund's
 * own transaction in the same process (the answer comes first, the refund row after).
 */
export function pendingRefunds() {
  const held = new Map<string, { outRefundNo: string; notifyUrl: string | null }>();
  return {
    hold(refundId: string, answer: { outRefundNo: string; notifyUrl: string | null }) {
      held.set(refundId, answer);
    },
    take(refundId: string) {
      const found = held.get(refundId);
      held.delete(refundId);
      return found;
    },
    /** The refund was not made after all (refused later): forget the answer. */
    drop(refundId: string) {
      held.delete(refundId);
    },
  };
}

export type PendingRefunds = ReturnType<typeof pendingRefunds>;
