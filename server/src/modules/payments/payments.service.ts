import { type Order, type Refund, toRefund } from './order.model.ts';
import { createOrderService, type OrderService } from './order.service.ts';
import { createPayService, type PayService } from './pay.service.ts';
import type { PaymentChannel } from './payment-channel.ts';
import { registerPaymentJobs } from './payment-jobs.ts';
import { type PaymentsDeps, type PaymentsOptions, paymentsContext } from './payments-context.ts';
import { refundsOfOrders } from './refund.repository.ts';
import { createRefundService, type RefundService } from './refund.service.ts';
import { createSettlementService, type SettlementService } from './settlement.service.ts';
import { createStatementService, type StatementService } from './statement.service.ts';

/** One page of a user's orders, each with its shop's name and its refunds. */
export interface UserOrderPage {
  items: { order: Order; appName: string; refunds: Refund[] }[];
  next: string | null;
}

/** The payments module as other modules and its routes see it, one sub-service per concern. */
export interface PaymentsService {
  orders: OrderService;
  pay: PayService['pay'];
  refunds: RefundService;
  settlement: SettlementService;
  statements: StatementService;
  options: PaymentsOptions;
  channel: PaymentChannel;
  /** The user's orders with their refunds, newest first ("My orders"). */
  userOrders(userId: string, page: { cursor?: string; limit?: number }): Promise<UserOrderPage>;
  /** One order of the app with its refunds, oldest first (the console's order page). */
  orderWithRefunds(appId: string, orderId: string): Promise<{ order: Order; refunds: Refund[] }>;
}

/**
 * Guaranteed payment: orders, paying into escrow, refunds, settlement with commission and
 * splits, statements. Every operation is one database transaction in which the ledger,
 * the order, the callback and the funnel change together.
 *
 * @example
 * const payments = createPaymentsService({ db, engine, clock, ledger, apps, login, webhooks, jobs, channel: sandboxChannel() });
 * const { order, token } = await payments.orders.create(appId, { outOrderNo: 'A1', openid, totalAmount: 3200, currency: 'CNY', subject: 'Noodles' });
 */
export function createPaymentsService(deps: PaymentsDeps): PaymentsService {
  const ctx = paymentsContext(deps);
  const orders = createOrderService(ctx);
  const paying = createPayService(ctx);
  const refunds = createRefundService(ctx);
  const settlement = createSettlementService(ctx);
  const statements = createStatementService(ctx);
  registerPaymentJobs(deps.jobs, {
    close: orders.closeIfExpired,
    autoSettle: settlement.autoSettle,
    returnFunds: refunds.returnFunds,
  });
  return {
    orders,
    pay: paying.pay,
    refunds,
    settlement,
    statements,
    options: ctx.options,
    channel: deps.channel,
    /** The user's orders with their refunds, newest first ("My orders"). */
    async userOrders(userId: string, page: { cursor?: string; limit?: number }) {
      const list = await orders.list({ userId }, page);
      const rows = await refundsOfOrders(
        deps.db,
        list.items.map((o) => o.id),
      );
      // The user knows a shop by its name, not its appid.
      const names = new Map<string, string>();
      for (const appId of new Set(list.items.map((o) => o.appId))) {
        names.set(appId, (await deps.apps.get(appId))?.name ?? '');
      }
      return {
        items: list.items.map((order) => ({
          order,
          appName: names.get(order.appId) ?? '',
          refunds: rows.filter((r) => r.order_id === order.id).map(toRefund),
        })),
        next: list.next,
      };
    },
    async orderWithRefunds(appId: string, orderId: string) {
      const order = await orders.get(appId, orderId);
      const rows = await refundsOfOrders(deps.db, [order.id]);
      return { order, refunds: rows.map(toRefund).sort((a, b) => a.createdAt - b.createdAt) };
    },
  };
}
