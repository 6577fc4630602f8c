import { paymentErrors } from './errors.ts';
import { ledgerShardOf } from './ledger-shards.ts';
import { type Order, toOrder } from './order.model.ts';
import { findOrder, transitionOrder } from './order.repository.ts';
import { checkOrderToken } from './order-token.ts';
import { type ChargeOutcome, type ChargeResult, payCodeOf, payCodes } from './payment-channel.ts';
import { emitOrderEvent, paymentEvents } from './payment-events.ts';
import { paymentJobTypes } from './payment-jobs.ts';
import { type PaymentsContext, transferIds } from './payments-context.ts';
import { runSteps, type Step } from './workflow.ts';

export interface PayInput {
  orderId: string;
  orderToken: string;
  /** The payment sheet's confirmation: the user agreed to this amount. */
  confirmed: boolean;
  /** Sandbox only. */
  outcome?: ChargeOutcome;
}

export interface PayResult {
  /** `tt.pay`'s code: 0 paid, 1 timed out, 2 failed, 3 closed, 4 cancelled. */
  code: number;
  outcome: ChargeOutcome;
  order: Order;
}

interface PayState {
  order: Order;
  input: PayInput;
  funding: string;
  /** Which of the app's escrow shards this order pays into, and that shard's account. */
  shard: number;
  escrow: string;
  charge?: ChargeResult;
  paid?: Order;
}

export interface PayService {
  pay(userId: string, input: PayInput): Promise<PayResult>;
}

/** The part of the module's shared context the pay service uses, and nothing more. */
export type PayDeps = Pick<
  PaymentsContext,
  | 'db'
  | 'clock'
  | 'ledger'
  | 'channel'
  | 'account'
  | 'funnel'
  | 'merchantRecord'
  | 'jobs'
  | 'options'
  | 'orderTokenKey'
  | 'transaction'
  | 'webhooks'
>;

/**
 * Paying, as two named steps: `charge` (the channel takes the user's money; undone by
 * giving it back) then `record-payment` (one transaction: the pending escrow hold, the
 * order marked paid, the `payment.paid` callback, the funnel step and the auto-settle
 * job; undone by its own rollback). A pay of an order already paid is a no-op that
 * answers as the first one did.
 */
export function createPayService(ctx: PayDeps): PayService {
  const { db, clock, ledger, channel } = ctx;

  const chargeStep: Step<PayState> = {
    name: 'charge',
    async run(c) {
      c.charge = await channel.charge({
        orderId: c.order.id,
        userId: c.order.userId,
        amount: c.order.totalAmount,
        currency: c.order.currency,
        ...(c.input.outcome ? { outcome: c.input.outcome } : {}),
      });
    },
    async compensate(c) {
      if (c.charge?.outcome === 'succeeded')
        await channel.refund({
          chargeId: c.charge.chargeId,
          orderId: c.order.id,
          amount: c.order.totalAmount,
          refundId: `undo:${c.order.id}`,
        });
    },
  };

  const recordStep: Step<PayState> = {
    name: 'record-payment',
    async run(c) {
      if (c.charge?.outcome !== 'succeeded') return;
      c.paid = await ctx.transaction(async (trx) => {
        const now = clock.now();
        // The common case in one statement: the order moves from created to paid.
        const row = await transitionOrder(trx, c.order.id, 'created', {
          status: 'paid',
          hold_seq: 1,
          ledger_shard: c.shard,
          paid_at: now,
          channel: channel.name,
          charge_id: c.charge?.chargeId ?? null,
          updated_at: now,
        });
        if (!row) {
          const current = await findOrder(trx, c.order.id);
          if (!current) throw paymentErrors.ORDER_NOT_FOUND();
          // A concurrent pay of the same order won: the channel charges once per order, so
          // this charge is that one and there is nothing to record or give back.
          if (current.status === 'paid' || current.status === 'settled' || current.status === 'refunded')
            return toOrder(current);
          throw paymentErrors.ORDER_CLOSED({ pay_code: payCodes.closed });
        }
        const order = toOrder(row);
        await emitOrderEvent(trx, ctx.webhooks, order, paymentEvents.paid);
        await ctx.funnel?.record(trx, {
          appid: order.appid,
          step: 'paid',
          userId: order.userId,
          amount: order.totalAmount,
          at: now,
        });
        await ctx.jobs.enqueue(trx, {
          type: paymentJobTypes.autoSettle,
          payload: { orderId: order.id },
          // The holding period the order recorded when it was created, else the platform's.
          runAt: now + (order.terms?.holdingMs ?? ctx.options.holdingPeriodMs),
          key: `${paymentJobTypes.autoSettle}:${order.id}`,
        });
        // The money last: on PostgreSQL the accounts' rows stay locked until commit, and an
        // escrow shard is shared by an eighth of the app's payments.
        await ledger.createTransfer(
          {
            id: transferIds.hold(row.id, 1),
            debitAccountId: c.funding,
            creditAccountId: c.escrow,
            amount: Number(row.total_amount),
            currency: row.currency,
            code: 'escrow_hold',
            userData: row.id,
            flags: { pending: true },
          },
          trx,
        );
        // After the money, as in a refund: every transaction that touches both takes the
        // ledger's rows first and the merchant's record last, so none waits on another in a ring.
        await ctx.merchantRecord?.record(trx, {
          appid: order.appid,
          kind: 'order',
          userId: order.userId,
          at: now,
        });
        return order;
      });
    },
  };

  return {
    async pay(userId: string, input: PayInput): Promise<PayResult> {
      const row = input.orderId.length <= 64 ? await findOrder(db, input.orderId) : undefined;
      // Someone else's order is as unknown as a missing one.
      if (!row || row.user_id !== userId) throw paymentErrors.ORDER_NOT_FOUND({ order_id: input.orderId });
      const order = toOrder(row);
      const check = checkOrderToken(await ctx.orderTokenKey(), input.orderToken, order, clock.now());
      if (check === 'invalid') throw paymentErrors.ORDER_TOKEN_INVALID();
      if (order.status === 'paid' || order.status === 'settled' || order.status === 'refunded')
        return { code: payCodes.paid, outcome: 'succeeded', order };
      if (check === 'expired' || order.status === 'closed')
        throw paymentErrors.ORDER_TOKEN_EXPIRED({ pay_code: payCodes.closed });
      if (input.confirmed !== true) throw paymentErrors.CONFIRMATION_REQUIRED();
      if (input.outcome !== undefined && !channel.acceptsOutcome) throw paymentErrors.OUTCOME_NOT_ALLOWED();
      const shard = ledgerShardOf(order.id);
      const c: PayState = {
        order,
        input,
        funding: await ctx.account('user_funding', order.userId, order.currency),
        shard,
        escrow: await ctx.account('app_escrow', order.appId, order.currency, shard),
      };
      await runSteps([chargeStep, recordStep], c);
      const outcome = c.charge?.outcome ?? 'failed';
      return { code: payCodeOf(outcome), outcome, order: c.paid ?? order };
    },
  };
}
