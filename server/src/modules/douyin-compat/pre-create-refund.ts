import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import type { LoginService } from '../login/index.ts';
import type { RefundRequestGate } from '../payments/index.ts';
import type { WebhooksService } from '../webhooks/index.ts';
import { douyinErrors } from './errors.ts';
import { findTradeOrder, findTradeSettings } from './trade.repository.ts';
import { type PendingRefunds, tradeCallback } from './trade-callbacks.ts';

/** How long the merchant has to answer `pre_create_refund` before the refund is refused. */
export const preCreateRefundTimeoutMs = 5_000;

interface MerchantAnswer {
  err_no?: unknown;
  err_tips?: unknown;
  data?: { out_refund_no?: unknown; notify_url?: unknown } | null;
}

function readAnswer(answer: string | null): MerchantAnswer | null {
  if (answer === null) return null;
  try {
    const json = JSON.parse(answer) as unknown;
    return json !== null && typeof json === 'object' ? (json as MerchantAnswer) : null;
  } catch {
    return null;
  }
}

/**
 * Douyin's synchronous `pre_create_refund`: before a user's refund request of a
 * `tt.requestOrder` order is recorded, the merchant is asked, signed like every trade
 * callback, and must answer `{"err_no":0,…,"data":{"out_refund_no":"…"}}` within 5 s.
 * Anything else (a refusal, no answer, no URL to ask) refuses the request: nothing changes.
 * Orders made otherwise pass untouched.
 */
export function preCreateRefundGate(deps: {
  db: Db;
  clock: Clock;
  login: Pick<LoginService, 'openidFor'>;
  webhooks: Pick<WebhooksService, 'callDialect'>;
  tradeKey(): Promise<{ privateKey: string }>;
  pendingRefunds: PendingRefunds;
  timeoutMs?: number;
}): RefundRequestGate {
  const { db, clock, webhooks } = deps;
  return {
    async approve(request) {
      const order = await findTradeOrder(db, request.orderId);
      if (!order) return;
      const settings = await findTradeSettings(db, order.app_id);
      const url = order.notify_url ?? settings?.notify_url ?? null;
      if (url === null) throw douyinErrors.REFUND_REFUSED({ reason: 'the app has no callback URL to ask' });
      const now = clock.now();
      const signed = tradeCallback(
        (await deps.tradeKey()).privateKey,
        'pre_create_refund',
        {
          app_id: order.appid,
          open_id: await deps.login.openidFor(order.app_id, request.userId),
          refund_id: request.refundId,
          order_id: order.order_id,
          out_order_no: order.out_order_no,
          refund_total_amount: request.amount,
          need_refund_audit: 1,
          refund_source: 1,
          create_refund_time: now,
          refund_reason: [{ code: 999, text: request.reason }],
          refund_description: request.reason,
          cp_extra: '',
        },
        now,
      );
      const outcome = await webhooks.callDialect(
        { url, body: signed.body, headers: signed.headers },
        deps.timeoutMs ?? preCreateRefundTimeoutMs,
      );
      const answer = readAnswer(outcome.answer);
      const outRefundNo = answer?.data?.out_refund_no;
      if (answer?.err_no !== 0 || typeof outRefundNo !== 'string' || !/^.{1,64}$/.test(outRefundNo)) {
        throw douyinErrors.REFUND_REFUSED({
          reason:
            answer === null
              ? (outcome.error ?? 'no answer')
              : answer.err_no === 0
                ? 'the answer names no out_refund_no'
                : String(answer.err_tips ?? 'refused'),
        });
      }
      const notifyUrl = answer.data?.notify_url;
      deps.pendingRefunds.hold(request.refundId, {
        outRefundNo,
        notifyUrl: typeof notifyUrl === 'string' && /^https?:\/\//.test(notifyUrl) ? notifyUrl : null,
      });
    },
    withdrawn(refundId) {
      deps.pendingRefunds.drop(refundId);
    },
  };
}
