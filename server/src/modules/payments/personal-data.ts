import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { PersonalDataContributor } from '../../personal-data/index.ts';
import { appsOrderedFrom, ordersOfUser, replaceOrderPayer } from './order.repository.ts';
import { refundsOfUser, replaceRefundPayer } from './refund.repository.ts';

/**
 * A user's orders and refunds. Money records stay (the law requires them and the ledger
 * reconciles with them); erasing replaces the user's id on them with a pseudonym, the
 * same for all of one user's records so accounts still add up per payer.
 */
export function paymentsPersonalData(db: Db): PersonalDataContributor {
  const pseudonym = (userId: string) =>
    `erased_${createHash('sha256').update(userId).digest('hex').slice(0, 24)}`;
  return {
    section: 'payments',
    async export(userId) {
      const orders = await ordersOfUser(db, userId);
      const refunds = await refundsOfUser(db, userId);
      return {
        orders: orders.map((o) => ({
          order_id: o.id,
          appid: o.appid,
          out_order_no: o.out_order_no,
          status: o.status,
          total_amount: Number(o.total_amount),
          refunded_amount: Number(o.refunded_amount),
          currency: o.currency,
          subject: o.subject,
          created_at: Number(o.created_at),
        })),
        refunds: refunds.map((r) => ({
          refund_id: r.id,
          order_id: r.order_id,
          amount: Number(r.amount),
          currency: r.currency,
          status: r.status,
          reason: r.reason,
          created_at: Number(r.created_at),
        })),
      };
    },
    async erase(userId, trx) {
      const alias = pseudonym(userId);
      await replaceOrderPayer(trx, userId, alias);
      await replaceRefundPayer(trx, userId, alias);
    },
    async appsUsed(userId) {
      return appsOrderedFrom(db, userId);
    },
  };
}
