import { newId } from '../../db/ids.ts';
import { supportedCurrencies } from './currencies.ts';
import { paymentErrors } from './errors.ts';
import { type Order, type Receiver, toOrder, toReceiver } from './order.model.ts';
import { findOrder, lockOrder, updateOrder } from './order.repository.ts';
import { refusalError } from './order-rules.ts';
import { decide } from './order-state.ts';
import { emitOrderEvent, paymentEvents } from './payment-events.ts';
import type { OrderRow } from './payments.table.ts';
import { type PaymentsContext, platformOwner, transferIds } from './payments-context.ts';
import { findReceiverByOutNo, insertReceiver, receiversOf } from './receiver.repository.ts';
import { insertSplits, splitsOfOrders } from './refund.repository.ts';
import { divideSettlement, type SplitShare } from './settlement-split.ts';

export interface Settlement {
  orderId: string;
  /** What was settled: the order's total less what was refunded before. */
  amount: number;
  commissionBps: number;
  commissionAmount: number;
  splits: SplitShare[];
  splitAmount: number;
  merchantAmount: number;
  settledAt: number;
}

function sameSplits(a: readonly SplitShare[], b: readonly SplitShare[]): boolean {
  const key = (s: readonly SplitShare[]) =>
    JSON.stringify(
      [...s].sort((x, y) => x.receiverId.localeCompare(y.receiverId)).map((x) => [x.receiverId, x.amount]),
    );
  return key(a) === key(b);
}

export interface SettlementService {
  settle: (appId: string | null, orderId: string, splits: readonly SplitShare[]) => Promise<Settlement>;
  /** The platform settles an order the merchant left paid past the holding period (the job). */
  autoSettle(orderId: string): Promise<Settlement | undefined>;
  settlementOf(appId: string, orderId: string): Promise<Settlement>;
  /** Registers a receiver for the app's org; the same out_receiver_no returns the one registered. */
  createReceiver(
    appId: string,
    input: {
      name: string;
      outReceiverNo: string;
    },
  ): Promise<Receiver>;
  listReceivers(appId: string): Promise<Receiver[]>;
  /** What the app's escrow holds and its merchant balance, per currency it has money in. */
  balances(appId: string): Promise<AppBalance[]>;
}

/** Minor units per currency: held in escrow for unsettled orders, and the merchant's own. */
export interface AppBalance {
  currency: string;
  /** Paid (the hold included), not yet settled or refunded from escrow. */
  held: number;
  /** Settled to the merchant, less refunds paid from it after settlement. */
  available: number;
  /** Refunds from the balance still in flight (two-phase, pending). */
  pendingOut: number;
}

/** The part of the module's shared context the settlement service uses, and nothing more. */
export type SettlementDeps = Pick<
  PaymentsContext,
  | 'db'
  | 'engine'
  | 'clock'
  | 'ledger'
  | 'account'
  | 'apps'
  | 'funnel'
  | 'industries'
  | 'transaction'
  | 'webhooks'
>;

export function createSettlementService(ctx: SettlementDeps): SettlementService {
  const { db, engine, clock, ledger } = ctx;

  async function settlementOf(order: Order): Promise<Settlement> {
    const splits = (await splitsOfOrders(db, [order.id])).map((s) => ({
      receiverId: s.receiver_id,
      amount: Number(s.amount),
    }));
    const s = order.settlement;
    if (!s || order.settledAt === null) throw paymentErrors.ORDER_NOT_PAID();
    return {
      orderId: order.id,
      amount: s.commissionAmount + s.splitAmount + s.merchantAmount,
      commissionBps: s.commissionBps,
      commissionAmount: s.commissionAmount,
      splits,
      splitAmount: s.splitAmount,
      merchantAmount: s.merchantAmount,
      settledAt: order.settledAt,
    };
  }

  /**
   * Settles a paid order in one linked batch: the hold is posted into escrow, then escrow
   * pays the commission, each split and the merchant, all or nothing. A repeat with the
   * same splits answers with the settlement made; other splits on a settled order are a 409.
   */
  async function settle(
    appId: string | null,
    orderId: string,
    splits: readonly SplitShare[],
  ): Promise<Settlement> {
    const row = orderId.length <= 64 ? await findOrder(db, orderId) : undefined;
    if (!row || (appId !== null && row.app_id !== appId))
      throw paymentErrors.ORDER_NOT_FOUND({ order_id: orderId });
    const replay = async (current: OrderRow) => {
      const made = await settlementOf(toOrder(current));
      if (appId !== null && !sameSplits(made.splits, splits))
        throw paymentErrors.ORDER_ALREADY_SETTLED({ settled_at: new Date(made.settledAt).toISOString() });
      return made;
    };
    // Settled, and perhaps refunded since: the settlement stands and is answered again.
    if (row.settled_at !== null) return replay(row);
    // The rate the order recorded when it was created; only orders older than that record
    // settle at their app's category's rate of the day, as they did before.
    const rate =
      row.terms_commission_bps !== null
        ? Number(row.terms_commission_bps)
        : await ctx.industries.commissionOf(row.app_id);
    const known = await receiversOf(
      db,
      row.org_id,
      splits.map((s) => s.receiverId),
    );
    if (known.length !== new Set(splits.map((s) => s.receiverId)).size) {
      const missing = splits.find((s) => !known.some((k) => k.id === s.receiverId));
      throw paymentErrors.RECEIVER_NOT_FOUND({ receiver_id: missing?.receiverId });
    }
    // Refused before its accounts are chosen: only a paid order has its shard for good.
    const early = decide(
      { status: row.status, total: Number(row.total_amount), refunded: Number(row.refunded_amount) },
      { type: 'settle' },
    );
    if (!early.ok) throw refusalError(early.refusal, { status: row.status });
    // Out of the escrow shard the order paid into, into the same shard of the others.
    const shard = Number(row.ledger_shard);
    const escrow = await ctx.account('app_escrow', row.app_id, row.currency, shard);
    const merchant = await ctx.account('merchant_balance', row.app_id, row.currency, shard);
    const commission = await ctx.account('platform_commission', platformOwner, row.currency, shard);
    const receiverAccounts = new Map<string, string>();
    for (const s of splits)
      receiverAccounts.set(s.receiverId, await ctx.account('split_receiver', s.receiverId, row.currency));

    const outcome = await ctx.transaction(
      async (trx): Promise<{ replay: OrderRow } | { settlement: Settlement }> => {
        const locked = await lockOrder(trx, engine, orderId);
        if (!locked) throw paymentErrors.ORDER_NOT_FOUND({ order_id: orderId });
        if (locked.settled_at !== null) return { replay: locked as OrderRow };
        const money = {
          status: locked.status,
          total: Number(locked.total_amount),
          refunded: Number(locked.refunded_amount),
        };
        const decision = decide(money, { type: 'settle' });
        if (!decision.ok) throw refusalError(decision.refusal, { status: locked.status });
        const division = divideSettlement(money.total - money.refunded, rate, splits);
        if (!division.ok)
          throw division.refusal === 'splits_exceed_remainder'
            ? paymentErrors.SPLITS_EXCEED_REMAINDER({
                amount: money.total - money.refunded,
                commission_bps: rate,
              })
            : paymentErrors.SPLIT_INVALID();
        const p = division.parts;
        const base = { debitAccountId: escrow, currency: locked.currency, userData: locked.id };
        await ledger.createTransfers(
          [
            {
              id: transferIds.settle(locked.id),
              pendingId: transferIds.hold(locked.id, Number(locked.hold_seq)),
              flags: { postPendingTransfer: true },
            },
            ...(p.commission > 0
              ? [
                  {
                    ...base,
                    id: transferIds.commission(locked.id),
                    creditAccountId: commission,
                    amount: p.commission,
                    code: 'commission',
                  },
                ]
              : []),
            ...p.splits.map((s) => ({
              ...base,
              id: transferIds.split(locked.id, s.receiverId),
              creditAccountId: receiverAccounts.get(s.receiverId) as string,
              amount: s.amount,
              code: 'split',
            })),
            ...(p.merchant > 0
              ? [
                  {
                    ...base,
                    id: transferIds.merchant(locked.id),
                    creditAccountId: merchant,
                    amount: p.merchant,
                    code: 'settle',
                  },
                ]
              : []),
          ],
          trx,
        );
        const now = clock.now();
        const patch = {
          status: 'settled' as const,
          settled_at: now,
          commission_bps: rate,
          commission_amount: p.commission,
          split_amount: p.splitTotal,
          merchant_amount: p.merchant,
          updated_at: now,
        };
        await updateOrder(trx, locked.id, 'paid', patch);
        await insertSplits(
          trx,
          p.splits.map((s) => ({ order_id: locked.id, receiver_id: s.receiverId, amount: s.amount })),
        );
        const order = toOrder({ ...locked, ...patch });
        await emitOrderEvent(trx, ctx.webhooks, order, paymentEvents.settled);
        await ctx.funnel?.record(trx, {
          appid: order.appid,
          step: 'settled',
          userId: order.userId,
          amount: p.amount,
          at: now,
        });
        return {
          settlement: {
            orderId: order.id,
            amount: p.amount,
            commissionBps: rate,
            commissionAmount: p.commission,
            splits: p.splits,
            splitAmount: p.splitTotal,
            merchantAmount: p.merchant,
            settledAt: now,
          } satisfies Settlement,
        };
      },
    );
    if ('replay' in outcome) return replay(outcome.replay);
    return outcome.settlement;
  }

  return {
    settle,

    /** The platform settles an order the merchant left paid past the holding period (the job). */
    async autoSettle(orderId: string): Promise<Settlement | undefined> {
      const row = await findOrder(db, orderId);
      if (row?.status !== 'paid') return undefined;
      try {
        return await settle(null, orderId, []);
      } catch (error) {
        // Refunded or settled meanwhile: nothing is left to settle.
        const code = (error as { code?: string }).code;
        if (code === paymentErrors.ORDER_FULLY_REFUNDED.code || code === paymentErrors.ORDER_CLOSED.code)
          return undefined;
        throw error;
      }
    },

    async settlementOf(appId: string, orderId: string): Promise<Settlement> {
      const row = await findOrder(db, orderId);
      if (!row || row.app_id !== appId) throw paymentErrors.ORDER_NOT_FOUND({ order_id: orderId });
      return settlementOf(toOrder(row));
    },

    /** Registers a receiver for the app's org; the same out_receiver_no returns the one registered. */
    async createReceiver(appId: string, input: { name: string; outReceiverNo: string }): Promise<Receiver> {
      const app = await ctx.apps.get(appId);
      if (!app) throw paymentErrors.RECEIVER_NOT_FOUND();
      await insertReceiver(db, {
        id: newId('rcv'),
        org_id: app.orgId,
        name: input.name,
        out_receiver_no: input.outReceiverNo,
        created_at: clock.now(),
      });
      const row = await findReceiverByOutNo(db, app.orgId, input.outReceiverNo);
      if (!row) throw paymentErrors.RECEIVER_NOT_FOUND();
      return toReceiver(row);
    },

    async listReceivers(appId: string): Promise<Receiver[]> {
      const app = await ctx.apps.get(appId);
      if (!app) return [];
      return (await receiversOf(db, app.orgId)).map(toReceiver);
    },

    async balances(appId: string): Promise<AppBalance[]> {
      const found: AppBalance[] = [];
      // Accounts exist only for the currencies an order was paid in: the others are skipped.
      for (const currency of supportedCurrencies) {
        // Summed over the app's shards: each order's money sits in the shard it was paid into.
        const escrow = await ledger.balanceOf({ kind: 'app_escrow', ownerId: appId, currency });
        const merchant = await ledger.balanceOf({ kind: 'merchant_balance', ownerId: appId, currency });
        if (escrow.shards.length === 0 && merchant.shards.length === 0) continue;
        found.push({
          currency,
          held: escrow.creditsPending + escrow.creditsPosted - escrow.debitsPosted,
          available: merchant.creditsPosted - merchant.debitsPosted,
          pendingOut: merchant.debitsPending,
        });
      }
      return found;
    },
  };
}
