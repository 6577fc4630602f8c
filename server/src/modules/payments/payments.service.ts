import { toRefund } from './order.model.ts';
import { createOrderService } from './orders.service.ts';
import { createPaying } from './paying.ts';
import { registerPaymentJobs } from './payment-jobs.ts';
import type { PaymentsDeps } from './payments.deps.ts';
import { paymentsContext } from './payments-context.ts';
import { refundsOfOrders } from './refund.repository.ts';
import { createRefundService } from './refunds.service.ts';
import { createSettlementService } from './settlement.service.ts';
import { createStatements } from './statements.ts';

/**
 * Guaranteed payment: orders, paying into escrow, refunds, settlement with commission and
 * splits, statements. Every operation is one database transaction in which the ledger,
 * the order, the callback and the funnel change together.
 *
 * @example
 * const payments = createPaymentsService({ db, engine, clock, ledger, apps, login, webhooks, jobs, channel: sandboxChannel() });
 * const { order, token } = await payments.orders.create(appId, { outOrderNo: 'A1', openid, totalAmount: 3200, currency: 'CNY', subject: 'Noodles' });
 */
export function createPaymentsService(deps: PaymentsDeps) {
  const ctx = paymentsContext(deps);
  const orders = createOrderService(ctx);
  const paying = createPaying(ctx);
  const refunds = createRefundService(ctx);
  const settlement = createSettlementService(ctx);
  const statements = createStatements(ctx);
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
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
