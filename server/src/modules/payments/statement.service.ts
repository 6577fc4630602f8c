import { toOrder, toRefund } from './order.model.ts';
import { ordersWithEventsIn } from './order.repository.ts';
import type { PaymentsContext } from './payments-context.ts';
import { splitsOfOrders, succeededRefundsIn } from './refund.repository.ts';

/**
 * A merchant's statement for [from, to): every payment, refund, settlement, commission
 * and split, each dated when its money moved, with totals per currency. The totals
 * reconcile with the ledger: what is still held = paid − refunded from escrow −
 * settled; the merchant's balance moves by merchant − refunded from the balance.
 */
export type StatementLineType = 'payment' | 'refund' | 'settlement' | 'commission' | 'split' | 'merchant';

export interface StatementLine {
  type: StatementLineType;
  at: number;
  orderId: string;
  outOrderNo: string;
  refundId: string | null;
  outRefundNo: string | null;
  receiverId: string | null;
  currency: string;
  /** Minor units; a refund is negative. */
  amount: number;
}

export interface StatementTotals {
  paid: number;
  refunded: number;
  refundedFromEscrow: number;
  refundedFromBalance: number;
  settled: number;
  commission: number;
  split: number;
  merchant: number;
  /** Change of what escrow holds: paid − refunded from escrow − settled. */
  heldChange: number;
  /** Change of the merchant's balance: merchant − refunded from the balance. */
  merchantBalanceChange: number;
}

export interface Statement {
  from: number;
  to: number;
  lines: StatementLine[];
  totals: Record<string, StatementTotals>;
}

const emptyTotals = (): StatementTotals => ({
  paid: 0,
  refunded: 0,
  refundedFromEscrow: 0,
  refundedFromBalance: 0,
  settled: 0,
  commission: 0,
  split: 0,
  merchant: 0,
  heldChange: 0,
  merchantBalanceChange: 0,
});

export interface StatementService {
  statement(appId: string, from: number, to: number): Promise<Statement>;
}

/** The part of the module's shared context the statement service uses, and nothing more. */
export type StatementDeps = Pick<PaymentsContext, 'db'>;

export function createStatementService(ctx: StatementDeps): StatementService {
  return {
    async statement(appId: string, from: number, to: number): Promise<Statement> {
      const orders = (await ordersWithEventsIn(ctx.db, appId, from, to)).map(toOrder);
      const refunds = (await succeededRefundsIn(ctx.db, appId, from, to)).map(toRefund);
      const splits = await splitsOfOrders(
        ctx.db,
        orders.map((o) => o.id),
      );
      const outNo = new Map(orders.map((o) => [o.id, o.outOrderNo]));
      const lines: StatementLine[] = [];
      const line = (
        l: Partial<StatementLine> & Pick<StatementLine, 'type' | 'at' | 'orderId' | 'currency' | 'amount'>,
      ) => lines.push({ outOrderNo: '', refundId: null, outRefundNo: null, receiverId: null, ...l });
      const within = (t: number | null): t is number => t !== null && t >= from && t < to;
      for (const o of orders) {
        const base = { orderId: o.id, outOrderNo: o.outOrderNo, currency: o.currency };
        if (within(o.paidAt)) line({ ...base, type: 'payment', at: o.paidAt, amount: o.totalAmount });
        if (within(o.settledAt) && o.settlement) {
          const s = o.settlement;
          line({
            ...base,
            type: 'settlement',
            at: o.settledAt,
            amount: s.commissionAmount + s.splitAmount + s.merchantAmount,
          });
          line({ ...base, type: 'commission', at: o.settledAt, amount: s.commissionAmount });
          for (const sp of splits.filter((x) => x.order_id === o.id))
            line({
              ...base,
              type: 'split',
              at: o.settledAt,
              receiverId: sp.receiver_id,
              amount: Number(sp.amount),
            });
          line({ ...base, type: 'merchant', at: o.settledAt, amount: s.merchantAmount });
        }
      }
      for (const r of refunds) {
        line({
          type: 'refund',
          at: r.succeededAt ?? r.createdAt,
          orderId: r.orderId,
          outOrderNo: outNo.get(r.orderId) ?? '',
          refundId: r.id,
          outRefundNo: r.outRefundNo,
          currency: r.currency,
          amount: -r.amount,
        });
      }
      lines.sort((a, b) => a.at - b.at || a.orderId.localeCompare(b.orderId));
      const totals: Record<string, StatementTotals> = {};
      for (const l of lines) {
        totals[l.currency] ??= emptyTotals();
        const t = totals[l.currency] as StatementTotals;
        if (l.type === 'payment') t.paid += l.amount;
        else if (l.type === 'settlement') t.settled += l.amount;
        else if (l.type === 'commission') t.commission += l.amount;
        else if (l.type === 'split') t.split += l.amount;
        else if (l.type === 'merchant') t.merchant += l.amount;
      }
      for (const r of refunds) {
        totals[r.currency] ??= emptyTotals();
        const t = totals[r.currency] as StatementTotals;
        t.refunded += r.amount;
        if (r.source === 'escrow') t.refundedFromEscrow += r.amount;
        else t.refundedFromBalance += r.amount;
      }
      for (const t of Object.values(totals)) {
        t.heldChange = t.paid - t.refundedFromEscrow - t.settled;
        t.merchantBalanceChange = t.merchant - t.refundedFromBalance;
      }
      return { from, to, lines, totals };
    },
  };
}

const csvColumns = [
  'type',
  'at',
  'order_id',
  'out_order_no',
  'refund_id',
  'out_refund_no',
  'receiver_id',
  'currency',
  'amount',
];

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // Quote what CSV needs quoted, and defuse spreadsheet formulas in merchant-chosen text.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The statement as CSV: one row per line, then one `total_<name>` row per currency and total. */
export function statementCsv(statement: Statement): string {
  const rows = [csvColumns.join(',')];
  for (const l of statement.lines)
    rows.push(
      [
        l.type,
        new Date(l.at).toISOString(),
        l.orderId,
        l.outOrderNo,
        l.refundId,
        l.outRefundNo,
        l.receiverId,
        l.currency,
        l.amount,
      ]
        .map(csvField)
        .join(','),
    );
  for (const [currency, totals] of Object.entries(statement.totals))
    for (const [name, value] of Object.entries(totals))
      rows.push([`total_${snake(name)}`, '', '', '', '', '', '', currency, value].map(csvField).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
