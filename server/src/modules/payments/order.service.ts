import { createHash } from 'node:crypto';
import { newId } from '../../db/ids.ts';
import { PlazaError } from '../../errors/index.ts';
import { loginErrors } from '../login/index.ts';
import { isSupportedCurrency, maxMinorAmount } from './currencies.ts';
import { paymentErrors } from './errors.ts';
import { type Order, type OrderItem, toOrder } from './order.model.ts';
import {
  findOrder,
  findOrderByOutNo,
  insertOrder,
  listOrders,
  lockOrder,
  updateOrder,
} from './order.repository.ts';
import { checkAmount } from './order-rules.ts';
import type { OrderStatus } from './order-state.ts';
import { signOrderToken } from './order-token.ts';
import { emitOrderEvent, paymentEvents } from './payment-events.ts';
import { paymentJobTypes } from './payment-jobs.ts';
import type { OrderRow } from './payments.table.ts';
import type { PaymentsContext } from './payments-context.ts';

export interface CreateOrderInput {
  outOrderNo: string;
  openid: string;
  totalAmount: number;
  currency: string;
  subject: string;
  body?: string | null;
  items?: OrderItem[];
  validSeconds?: number;
  cpExtra?: string | null;
}

export interface OrderPage {
  items: Order[];
  next: string | null;
}

function requestHash(input: CreateOrderInput, validSeconds: number): string {
  const canonical = {
    openid: input.openid,
    total_amount: input.totalAmount,
    currency: input.currency,
    subject: input.subject,
    body: input.body ?? null,
    items: input.items ?? [],
    valid_seconds: validSeconds,
    cp_extra: input.cpExtra ?? null,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export interface OrderService {
  ownOrder: (appId: string, orderId: string) => Promise<Order>;
  /**
   * Creates an unpaid order for a user of the app, and schedules its closing. A repeat
   * with the same out_order_no and the same fields returns the first order (so a
   * merchant's retry after a crash converges even without an Idempotency-Key).
   */
  create(
    appId: string,
    input: CreateOrderInput,
  ): Promise<{
    order: Order;
    token: string;
    created: boolean;
  }>;
  get(appId: string, orderId: string): Promise<Order>;
  getByOutOrderNo(appId: string, outOrderNo: string): Promise<Order>;
  /** Newest first; `cursor` is the `next` of the previous page. */
  list(
    scope:
      | {
          appId: string;
        }
      | {
          userId: string;
        },
    filter: {
      status?: OrderStatus;
      createdFrom?: number;
      createdTo?: number;
      cursor?: string;
      limit?: number;
    },
  ): Promise<OrderPage>;
  /** Closes an unpaid order whose validity passed (the scheduled job; a paid one is left alone). */
  closeIfExpired(orderId: string): Promise<Order | undefined>;
}

/** The part of the module's shared context the order service uses, and nothing more. */
export type OrderDeps = Pick<
  PaymentsContext,
  | 'db'
  | 'engine'
  | 'clock'
  | 'options'
  | 'apps'
  | 'industries'
  | 'jobs'
  | 'login'
  | 'orderTokenKey'
  | 'transaction'
  | 'webhooks'
>;

export function createOrderService(ctx: OrderDeps): OrderService {
  const { db, engine, clock, options } = ctx;

  async function ownOrder(appId: string, orderId: string): Promise<Order> {
    const row = orderId.length <= 64 ? await findOrder(db, orderId) : undefined;
    // Another app's order is as unknown as a missing one.
    if (!row || row.app_id !== appId) throw paymentErrors.ORDER_NOT_FOUND({ order_id: orderId });
    return toOrder(row);
  }

  return {
    ownOrder,

    /**
     * Creates an unpaid order for a user of the app, and schedules its closing. A repeat
     * with the same out_order_no and the same fields returns the first order (so a
     * merchant's retry after a crash converges even without an Idempotency-Key).
     */
    async create(
      appId: string,
      input: CreateOrderInput,
    ): Promise<{ order: Order; token: string; created: boolean }> {
      if (!isSupportedCurrency(input.currency))
        throw paymentErrors.CURRENCY_UNSUPPORTED({ currency: input.currency });
      checkAmount(input.totalAmount);
      const max = maxMinorAmount(input.currency, options.maxOrderAmount);
      if (input.totalAmount > max) throw paymentErrors.AMOUNT_TOO_LARGE({ max_amount: max });
      if (input.items && input.items.length > 0) {
        let sum = 0;
        for (const item of input.items) {
          checkAmount(item.unitAmount);
          sum += item.unitAmount * item.quantity;
        }
        if (sum !== input.totalAmount)
          throw paymentErrors.ITEMS_MISMATCH({ items_total: sum, total_amount: input.totalAmount });
      }
      const validSeconds = input.validSeconds ?? options.defaultValidSeconds;
      const app = await ctx.apps.get(appId);
      if (!app) throw paymentErrors.ORDER_NOT_FOUND();
      // Refused while the app's categories do not allow guaranteed payment now (a licence
      // pending or expired); otherwise the terms the order keeps whatever changes later.
      const terms = await ctx.industries.paymentTerms(app.id);
      let userId: string;
      try {
        userId = await ctx.login.resolveOpenid(app.id, input.openid);
      } catch (error) {
        // Decided by the login module's code, not by how HTTP would render it.
        if (error instanceof PlazaError && error.code === loginErrors.UNKNOWN_OPENID.code)
          throw paymentErrors.OPENID_UNKNOWN();
        throw error;
      }
      const key = await ctx.orderTokenKey();
      const hash = requestHash(input, validSeconds);
      const now = clock.now();
      const id = newId('ord');
      const expiresAt = now + validSeconds * 1000;
      const fresh: OrderRow = {
        id,
        app_id: app.id,
        appid: app.appid,
        org_id: app.orgId,
        user_id: userId,
        openid: input.openid,
        out_order_no: input.outOrderNo,
        request_hash: hash,
        status: 'created',
        total_amount: input.totalAmount,
        refunded_amount: 0,
        currency: input.currency,
        subject: input.subject,
        body: input.body ?? null,
        items: JSON.stringify(
          (input.items ?? []).map((i) => ({
            name: i.name,
            quantity: i.quantity,
            unit_amount: i.unitAmount,
          })),
        ),
        cp_extra: input.cpExtra ?? null,
        expires_at: expiresAt,
        hold_seq: 0,
        // Chosen when the order is paid (pay.service.ts).
        ledger_shard: 0,
        channel: null,
        charge_id: null,
        paid_at: null,
        closed_at: null,
        settled_at: null,
        commission_bps: null,
        commission_amount: null,
        split_amount: null,
        merchant_amount: null,
        terms_category: terms.categoryId,
        terms_commission_bps: terms.commissionBps,
        terms_holding_ms: terms.holdingMs,
        created_at: now,
        updated_at: now,
      };
      const created = await ctx.transaction(async (trx) => {
        const inserted = await insertOrder(trx, fresh);
        if (inserted)
          await ctx.jobs.enqueue(trx, {
            type: paymentJobTypes.close,
            payload: { orderId: id },
            runAt: expiresAt,
            key: `${paymentJobTypes.close}:${id}`,
          });
        return inserted;
      });
      // A new order is the row just written; only a repeat reads what the first one stored.
      const row = created ? fresh : await findOrderByOutNo(db, app.id, input.outOrderNo);
      if (!row) throw paymentErrors.ORDER_NOT_FOUND();
      if (!created && row.request_hash !== hash)
        throw paymentErrors.OUT_ORDER_NO_EXISTS({ out_order_no: input.outOrderNo, order_id: row.id });
      const order = toOrder(row);
      return { order, token: signOrderToken(key, order), created };
    },

    async get(appId: string, orderId: string): Promise<Order> {
      return ownOrder(appId, orderId);
    },

    async getByOutOrderNo(appId: string, outOrderNo: string): Promise<Order> {
      const row = await findOrderByOutNo(db, appId, outOrderNo);
      if (!row) throw paymentErrors.ORDER_NOT_FOUND({ out_order_no: outOrderNo });
      return toOrder(row);
    },

    /** Newest first; `cursor` is the `next` of the previous page. */
    async list(
      scope: { appId: string } | { userId: string },
      filter: {
        status?: OrderStatus;
        createdFrom?: number;
        createdTo?: number;
        cursor?: string;
        limit?: number;
      },
    ): Promise<OrderPage> {
      const limit = Math.min(Math.max(filter.limit ?? 20, 1), 100);
      const rows = await listOrders(db, {
        ...scope,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.createdFrom !== undefined ? { createdFrom: filter.createdFrom } : {}),
        ...(filter.createdTo !== undefined ? { createdTo: filter.createdTo } : {}),
        ...(filter.cursor ? { before: filter.cursor } : {}),
        limit: limit + 1,
      });
      const items = rows.slice(0, limit).map(toOrder);
      return { items, next: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
    },

    /** Closes an unpaid order whose validity passed (the scheduled job; a paid one is left alone). */
    async closeIfExpired(orderId: string): Promise<Order | undefined> {
      return ctx.transaction(async (trx) => {
        const row = await lockOrder(trx, engine, orderId);
        const now = clock.now();
        if (row?.status !== 'created' || now < Number(row.expires_at)) return undefined;
        await updateOrder(trx, row.id, 'created', { status: 'closed', closed_at: now, updated_at: now });
        const order = toOrder({ ...row, status: 'closed', closed_at: now, updated_at: now });
        await emitOrderEvent(trx, ctx.webhooks, order, paymentEvents.closed);
        return order;
      });
    },
  };
}
