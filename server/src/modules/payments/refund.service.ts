import type { Trx } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { paymentErrors } from './errors.ts';
import { type Order, type Refund, toOrder, toRefund } from './order.model.ts';
import { findOrder, lockOrder, updateOrder } from './order.repository.ts';
import { checkAmount, refusalError } from './order-rules.ts';
import { decide, refundable } from './order-state.ts';
import { paymentEvents, refundEventData } from './payment-events.ts';
import { paymentJobTypes } from './payment-jobs.ts';
import type { OrderRow, RefundRow } from './payments.table.ts';
import type { PaymentsContext } from './payments-context.ts';
import { findRefund, findRefundByOutNo, insertRefund, updateRefund } from './refund.repository.ts';
import { type RefundAccounts, transferRefund } from './refund-transfers.ts';

const money = (row: OrderRow) => ({
  status: row.status,
  total: Number(row.total_amount),
  refunded: Number(row.refunded_amount),
});

export interface RefundService {
  /**
   * The merchant refunds part or all of a paid order. A repeat of the same
   * out_refund_no for the same order and amount returns the first refund.
   */
  refund(
    appId: string,
    orderId: string,
    input: {
      outRefundNo: string;
      amount: number;
      reason?: string | null;
    },
  ): Promise<Refund>;
  /** The user asks for a refund from "My orders" (all that is left when no amount is given). */
  request(
    userId: string,
    orderId: string,
    input: {
      amount?: number;
      reason: string;
    },
  ): Promise<Refund>;
  /** The merchant accepts a user's request: the refund happens now (a repeat returns it). */
  accept(appId: string, refundId: string): Promise<Refund>;
  decline(appId: string, refundId: string, reason: string): Promise<Refund>;
  get(appId: string, refundId: string): Promise<Refund>;
  /** Gives a succeeded refund's money back through the channel (the job). */
  returnFunds(refundId: string): Promise<void>;
}

/** The part of the module's shared context the refund service uses, and nothing more. */
export type RefundDeps = Pick<
  PaymentsContext,
  | 'db'
  | 'engine'
  | 'clock'
  | 'ledger'
  | 'account'
  | 'channel'
  | 'jobs'
  | 'transaction'
  | 'webhooks'
  | 'refundRequests'
  | 'merchantRecord'
>;

export function createRefundService(ctx: RefundDeps): RefundService {
  const { db, engine, clock, ledger } = ctx;

  /** Moves the money of one refund (refund-transfers.ts) and records it, under the order's lock. */
  async function applyRefund(
    trx: Trx,
    row: OrderRow,
    refund: RefundRow,
    accounts: RefundAccounts,
  ): Promise<{ order: Order; refund: Refund }> {
    const decision = decide(money(row), { type: 'refund', amount: Number(refund.amount) });
    if (!decision.ok)
      throw refusalError(decision.refusal, {
        refundable: refundable(money(row)),
        amount: Number(refund.amount),
      });
    const now = clock.now();
    const seq = Number(row.hold_seq);
    const left = decision.next.total - decision.next.refunded;
    await transferRefund(ledger, trx, { order: row, refund, source: decision.source, left, accounts });
    const orderPatch = {
      status: decision.next.status,
      refunded_amount: decision.next.refunded,
      hold_seq: decision.source === 'escrow' && left > 0 ? seq + 1 : seq,
      updated_at: now,
    };
    await updateOrder(trx, row.id, row.status, orderPatch);
    const refundPatch = {
      status: 'succeeded' as const,
      source: decision.source ?? null,
      succeeded_at: now,
      updated_at: now,
    };
    await updateRefund(trx, refund.id, refund.status, refundPatch);
    const order = toOrder({ ...row, ...orderPatch });
    const done = toRefund({ ...refund, ...refundPatch });
    await ctx.webhooks.enqueueEvent(trx, {
      appId: order.appId,
      type: paymentEvents.refundSucceeded,
      data: refundEventData(order, done),
    });
    await ctx.merchantRecord?.record(trx, {
      appid: order.appid,
      kind: 'refund',
      userId: order.userId,
      at: now,
    });
    // The channel gives the money back after commit, durably: a crash cannot lose it.
    await ctx.jobs.enqueue(trx, {
      type: paymentJobTypes.returnFunds,
      payload: { refundId: done.id },
      key: `${paymentJobTypes.returnFunds}:${done.id}`,
    });
    return { order, refund: done };
  }

  /**
   * Ensured before the transaction: creating an account inside it would wait on itself on
   * SQLite. Only paid orders are refunded, and a paid order's shard never changes.
   */
  async function accountsOf(row: OrderRow): Promise<RefundAccounts> {
    const shard = Number(row.ledger_shard);
    return {
      funding: await ctx.account('user_funding', row.user_id, row.currency),
      escrow: await ctx.account('app_escrow', row.app_id, row.currency, shard),
      merchant: await ctx.account('merchant_balance', row.app_id, row.currency, shard),
    };
  }

  function sameRefund(existing: RefundRow, orderId: string, amount: number): Refund {
    if (existing.order_id !== orderId || Number(existing.amount) !== amount)
      throw paymentErrors.OUT_REFUND_NO_EXISTS({
        out_refund_no: existing.out_refund_no,
        refund_id: existing.id,
      });
    return toRefund(existing);
  }

  async function ownRefund(appId: string, refundId: string): Promise<RefundRow> {
    const row = refundId.length <= 64 ? await findRefund(db, refundId) : undefined;
    if (!row || row.app_id !== appId) throw paymentErrors.REFUND_NOT_FOUND({ refund_id: refundId });
    return row;
  }

  return {
    /**
     * The merchant refunds part or all of a paid order. A repeat of the same
     * out_refund_no for the same order and amount returns the first refund.
     */
    async refund(
      appId: string,
      orderId: string,
      input: { outRefundNo: string; amount: number; reason?: string | null },
    ): Promise<Refund> {
      checkAmount(input.amount);
      const row = orderId.length <= 64 ? await findOrder(db, orderId) : undefined;
      if (!row || row.app_id !== appId) throw paymentErrors.ORDER_NOT_FOUND({ order_id: orderId });
      const earlier = await findRefundByOutNo(db, appId, input.outRefundNo);
      if (earlier) return sameRefund(earlier, orderId, input.amount);
      // Refused before its ledger accounts are made, so a refusal leaves the ledger as it was.
      const early = decide(money(row), { type: 'refund', amount: input.amount });
      if (!early.ok)
        throw refusalError(early.refusal, { refundable: refundable(money(row)), amount: input.amount });
      const accounts = await accountsOf(row);
      return ctx.transaction(async (trx) => {
        const locked = await lockOrder(trx, engine, orderId);
        if (!locked) throw paymentErrors.ORDER_NOT_FOUND({ order_id: orderId });
        const raced = await findRefundByOutNo(trx, appId, input.outRefundNo);
        if (raced) return sameRefund(raced, orderId, input.amount);
        const now = clock.now();
        const refund: RefundRow = {
          id: newId('rfd'),
          order_id: orderId,
          app_id: appId,
          user_id: locked.user_id,
          out_refund_no: input.outRefundNo,
          amount: input.amount,
          currency: locked.currency,
          status: 'requested',
          reason: input.reason ?? null,
          decline_reason: null,
          source: null,
          created_at: now,
          updated_at: now,
          succeeded_at: null,
        };
        await insertRefund(trx, refund);
        return (await applyRefund(trx, locked, refund, accounts)).refund;
      });
    },

    /** The user asks for a refund from "My orders" (all that is left when no amount is given). */
    async request(
      userId: string,
      orderId: string,
      input: { amount?: number; reason: string },
    ): Promise<Refund> {
      const row = orderId.length <= 64 ? await findOrder(db, orderId) : undefined;
      if (!row || row.user_id !== userId) throw paymentErrors.ORDER_NOT_FOUND({ order_id: orderId });
      const amount = input.amount ?? refundable(money(row));
      if (input.amount !== undefined) checkAmount(input.amount);
      const decision = decide(money(row), { type: 'refund', amount });
      if (!decision.ok) throw refusalError(decision.refusal, { refundable: refundable(money(row)) });
      const now = clock.now();
      const refund: RefundRow = {
        id: newId('rfd'),
        order_id: orderId,
        app_id: row.app_id,
        user_id: userId,
        out_refund_no: null,
        amount,
        currency: row.currency,
        status: 'requested',
        reason: input.reason,
        decline_reason: null,
        source: null,
        created_at: now,
        updated_at: now,
        succeeded_at: null,
      };
      const gate = ctx.refundRequests;
      await gate?.approve({
        appId: row.app_id,
        orderId,
        userId,
        refundId: refund.id,
        amount,
        reason: input.reason,
      });
      try {
        await ctx.transaction(async (trx) => {
          await insertRefund(trx, refund);
          await ctx.webhooks.enqueueEvent(trx, {
            appId: row.app_id,
            type: paymentEvents.refundRequested,
            data: refundEventData(toOrder(row), toRefund(refund)),
          });
        });
      } catch (error) {
        gate?.withdrawn(refund.id);
        throw error;
      }
      return toRefund(refund);
    },

    /** The merchant accepts a user's request: the refund happens now (a repeat returns it). */
    async accept(appId: string, refundId: string): Promise<Refund> {
      const first = await ownRefund(appId, refundId);
      if (first.status === 'succeeded') return toRefund(first);
      const orderRow = await findOrder(db, first.order_id);
      if (!orderRow) throw paymentErrors.REFUND_NOT_FOUND({ refund_id: refundId });
      const accounts = await accountsOf(orderRow);
      return ctx.transaction(async (trx) => {
        const locked = await lockOrder(trx, engine, first.order_id);
        const refund = await findRefund(trx, refundId);
        if (!locked || !refund) throw paymentErrors.REFUND_NOT_FOUND({ refund_id: refundId });
        if (refund.status === 'succeeded') return toRefund(refund);
        if (refund.status !== 'requested')
          throw paymentErrors.REFUND_NOT_REQUESTED({ status: refund.status });
        return (await applyRefund(trx, locked, refund, accounts)).refund;
      });
    },

    async decline(appId: string, refundId: string, reason: string): Promise<Refund> {
      const refund = await ownRefund(appId, refundId);
      if (refund.status === 'declined') return toRefund(refund);
      const now = clock.now();
      const patch = { status: 'declined' as const, decline_reason: reason, updated_at: now };
      if (!(await updateRefund(db, refundId, 'requested', patch)))
        throw paymentErrors.REFUND_NOT_REQUESTED({ status: refund.status });
      return toRefund({ ...refund, ...patch });
    },

    async get(appId: string, refundId: string): Promise<Refund> {
      return toRefund(await ownRefund(appId, refundId));
    },

    /** Gives a succeeded refund's money back through the channel (the job). */
    async returnFunds(refundId: string): Promise<void> {
      const refund = await findRefund(db, refundId);
      if (refund?.status !== 'succeeded') return;
      const order = await findOrder(db, refund.order_id);
      await ctx.channel.refund({
        chargeId: order?.channel === ctx.channel.name ? order.charge_id : null,
        orderId: refund.order_id,
        amount: Number(refund.amount),
        refundId,
      });
    },
  };
}
