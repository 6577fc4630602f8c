import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppsService } from '../apps/index.ts';
import { paymentErrors } from './errors.ts';
import type { Order, Receiver, Refund } from './order.model.ts';
import { orderStatuses } from './order-state.ts';
import type { PaymentsService } from './payments.service.ts';
import type { Settlement } from './settlement.service.ts';
import { type Statement, statementCsv } from './statement.service.ts';

/** Wire shapes (snake_case, as the server SDK's types) and the mappers from the service's. */
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const id = z.string().min(1).max(64);
// Plain numbers here: the service refuses zero, negative and fractional amounts with its own code.
const amount = z.number();
const text = (max: number) => z.string().min(1).max(max);
const outNo = z.string().regex(/^[A-Za-z0-9_\-.:|*]{1,64}$/, '1-64 characters of A-Z a-z 0-9 _ - . : | *');

export const orderItemWire = z.strictObject({
  name: text(128),
  quantity: z.number().int().min(1).max(10_000),
  unit_amount: amount,
});

export const createOrderBody = z.strictObject({
  out_order_no: outNo,
  openid: text(64),
  total_amount: amount,
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'),
  subject: text(128),
  body: z.string().max(1024).optional(),
  items: z.array(orderItemWire).max(100).optional(),
  valid_seconds: z
    .number()
    .int()
    .min(30)
    .max(2 * 24 * 3600)
    .optional(),
  cp_extra: z.string().max(2048).optional(),
});

export const orderWire = z.object({
  order_id: z.string(),
  out_order_no: z.string(),
  appid: z.string(),
  openid: z.string(),
  status: z.enum(orderStatuses),
  total_amount: z.number(),
  refunded_amount: z.number(),
  currency: z.string(),
  subject: z.string(),
  body: z.string().nullable(),
  items: z.array(z.object({ name: z.string(), quantity: z.number(), unit_amount: z.number() })),
  cp_extra: z.string().nullable(),
  created_at: z.string(),
  expires_at: z.string(),
  paid_at: z.string().nullable(),
  closed_at: z.string().nullable(),
  settled_at: z.string().nullable(),
});

export function orderJson(o: Order): z.infer<typeof orderWire> {
  return {
    order_id: o.id,
    out_order_no: o.outOrderNo,
    appid: o.appid,
    openid: o.openid,
    status: o.status,
    total_amount: o.totalAmount,
    refunded_amount: o.refundedAmount,
    currency: o.currency,
    subject: o.subject,
    body: o.body,
    items: o.items.map((i) => ({ name: i.name, quantity: i.quantity, unit_amount: i.unitAmount })),
    cp_extra: o.cpExtra,
    created_at: iso(o.createdAt) as string,
    expires_at: iso(o.expiresAt) as string,
    paid_at: iso(o.paidAt),
    closed_at: iso(o.closedAt),
    settled_at: iso(o.settledAt),
  };
}

export const refundBody = z.strictObject({
  out_refund_no: outNo,
  amount,
  reason: z.string().max(256).optional(),
});

export const refundWire = z.object({
  refund_id: z.string(),
  out_refund_no: z.string().nullable(),
  order_id: z.string(),
  amount: z.number(),
  currency: z.string(),
  status: z.enum(['requested', 'succeeded', 'declined']),
  source: z.enum(['escrow', 'merchant_balance']).nullable(),
  reason: z.string().nullable(),
  decline_reason: z.string().nullable(),
  created_at: z.string(),
  succeeded_at: z.string().nullable(),
});

export function refundJson(r: Refund): z.infer<typeof refundWire> {
  return {
    refund_id: r.id,
    out_refund_no: r.outRefundNo,
    order_id: r.orderId,
    amount: r.amount,
    currency: r.currency,
    status: r.status,
    source: r.source,
    reason: r.reason,
    decline_reason: r.declineReason,
    created_at: iso(r.createdAt) as string,
    succeeded_at: iso(r.succeededAt),
  };
}

export const settleBody = z.strictObject({
  splits: z
    .array(z.strictObject({ receiver_id: id, amount }))
    .max(20)
    .optional(),
});

export const settlementWire = z.object({
  order_id: z.string(),
  total_amount: z.number(),
  commission_bps: z.number(),
  commission_amount: z.number(),
  split_amount: z.number(),
  merchant_amount: z.number(),
  splits: z.array(z.object({ receiver_id: z.string(), amount: z.number() })),
  settled_at: z.string(),
});

export function settlementJson(s: Settlement): z.infer<typeof settlementWire> {
  return {
    order_id: s.orderId,
    total_amount: s.amount,
    commission_bps: s.commissionBps,
    commission_amount: s.commissionAmount,
    split_amount: s.splitAmount,
    merchant_amount: s.merchantAmount,
    splits: s.splits.map((x) => ({ receiver_id: x.receiverId, amount: x.amount })),
    settled_at: iso(s.settledAt) as string,
  };
}

export const receiverBody = z.strictObject({ name: text(128), out_receiver_no: outNo });
export const receiverWire = z.object({
  receiver_id: z.string(),
  name: z.string(),
  out_receiver_no: z.string(),
  created_at: z.string(),
});
export function receiverJson(r: Receiver): z.infer<typeof receiverWire> {
  return {
    receiver_id: r.id,
    name: r.name,
    out_receiver_no: r.outReceiverNo,
    created_at: iso(r.createdAt) as string,
  };
}

/** A real day `YYYY-MM-DD` (UTC; `2026-13-45` would reach the query as NaN) or an ISO timestamp. */
export const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** The order list's query as both the merchant's API and the console take it. */
export const orderListQuery = {
  status: z.enum(orderStatuses).optional(),
  created_from: instant.optional(),
  created_to: instant.optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
};

/** The service's filter for a parsed order list query. */
export function orderListFilter(q: {
  status?: (typeof orderStatuses)[number] | undefined;
  created_from?: string | undefined;
  created_to?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}) {
  return {
    ...(q.status ? { status: q.status } : {}),
    ...(q.created_from ? { createdFrom: boundOf(q.created_from, false) } : {}),
    ...(q.created_to ? { createdTo: boundOf(q.created_to, true) } : {}),
    ...(q.cursor ? { cursor: q.cursor } : {}),
    ...(q.limit ? { limit: q.limit } : {}),
  };
}

/** Epoch ms of a bound; a bare `to` day includes that whole day. */
export function boundOf(value: string, end: boolean): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00Z`) + (end ? 86_400_000 : 0);
  return Date.parse(value);
}

export function statementJson(s: Statement) {
  return {
    from: iso(s.from) as string,
    to: iso(s.to) as string,
    lines: s.lines.map((l) => ({
      type: l.type,
      at: iso(l.at) as string,
      order_id: l.orderId,
      out_order_no: l.outOrderNo,
      refund_id: l.refundId,
      out_refund_no: l.outRefundNo,
      receiver_id: l.receiverId,
      currency: l.currency,
      amount: l.amount,
    })),
    totals: Object.fromEntries(
      Object.entries(s.totals).map(([currency, t]) => [
        currency,
        {
          paid: t.paid,
          refunded: t.refunded,
          refunded_from_escrow: t.refundedFromEscrow,
          refunded_from_balance: t.refundedFromBalance,
          settled: t.settled,
          commission: t.commission,
          split: t.split,
          merchant: t.merchant,
          held_change: t.heldChange,
          merchant_balance_change: t.merchantBalanceChange,
        },
      ]),
    ),
  };
}

/** The period of a statement and how it is wanted. */
export const statementQuery = z.strictObject({
  from: instant,
  to: instant,
  format: z.enum(['json', 'csv']).optional(),
});

/**
 * Answers a statement of [from, to) as JSON or as a CSV download: the merchant's server
 * and the console ask for the same thing with different credentials.
 */
export async function sendStatement(
  reply: FastifyReply,
  query: z.infer<typeof statementQuery>,
  load: (from: number, to: number) => Promise<Statement>,
) {
  const from = boundOf(query.from, false);
  const to = boundOf(query.to, true);
  if (!(from < to)) throw paymentErrors.RANGE_INVALID();
  const statement = await load(from, to);
  if (query.format === 'csv')
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="statement.csv"')
      .send(statementCsv(statement));
  return statementJson(statement);
}

/** What every payments route plugin is given. */
export interface PaymentsRouteOptions {
  payments: PaymentsService;
}

/** The console's routes also ask the apps module for the caller's role on the app. */
export type ConsoleRouteOptions = PaymentsRouteOptions & { apps: Pick<AppsService, 'requireRole'> };
export const appidParam = z.strictObject({ appid: z.string().min(1).max(64) });

/** What every route of the merchant's server API shares. */
export const tags = ['payments'];
export const merchant = { access: ['app'] as const };
export const mutation = { access: ['app'] as const, idempotent: true };
export const idParam = z.strictObject({ id: z.string().min(1).max(64) });
