import type { Generated, Selectable } from 'kysely';
import type { OrderStatus } from './order-state.ts';

/** One order of an app's user. Money columns are integer minor units; times are epoch ms. */
export interface PaymentOrderTable {
  id: string;
  app_id: string;
  appid: string;
  org_id: string;
  user_id: string;
  openid: string;
  /** The merchant's own order number, unique per app. */
  out_order_no: string;
  /** Hash of the create request, so a repeat of the same create returns this order. */
  request_hash: string;
  status: OrderStatus;
  total_amount: number;
  refunded_amount: number;
  currency: string;
  subject: string;
  body: string | null;
  /** JSON array of `{ name, quantity, unit_amount }`. */
  items: string;
  cp_extra: string | null;
  expires_at: number;
  /** Which hold (`hold:<order>:<n>`) now carries the escrow; 0 until paid. */
  hold_seq: number;
  /** The shard of the app's ledger accounts the order's money moves through (`ledger-shards.ts`). */
  ledger_shard: Generated<number>;
  channel: string | null;
  /** The channel's reference for the charge, to give money back through it. */
  charge_id: string | null;
  paid_at: number | null;
  closed_at: number | null;
  settled_at: number | null;
  commission_bps: number | null;
  commission_amount: number | null;
  split_amount: number | null;
  merchant_amount: number | null;
  /** The app's primary category when the order was created, and its terms then (null before they were recorded). */
  terms_category: string | null;
  terms_commission_bps: number | null;
  /** Null: the platform's default holding period. */
  terms_holding_ms: number | null;
  created_at: number;
  updated_at: number;
}

/** A refund: asked by the merchant (succeeds at once) or requested by the user (accepted or declined). */
export interface PaymentRefundTable {
  id: string;
  order_id: string;
  app_id: string;
  user_id: string;
  out_refund_no: string | null;
  amount: number;
  currency: string;
  status: 'requested' | 'succeeded' | 'declined';
  reason: string | null;
  decline_reason: string | null;
  /** Where the money came from: the order's hold, or the merchant's balance after settlement. */
  source: 'escrow' | 'merchant_balance' | null;
  created_at: number;
  updated_at: number;
  succeeded_at: number | null;
}

/** Who may receive splits of an org's settlements (a partner, a creator, a franchise). */
export interface PaymentReceiverTable {
  id: string;
  org_id: string;
  name: string;
  /** The merchant's own reference for the receiver, unique per org. */
  out_receiver_no: string;
  created_at: number;
}

/** One split of a settlement. */
export interface PaymentSplitTable {
  order_id: string;
  receiver_id: string;
  amount: number;
}

export interface PaymentTables {
  payment_order: PaymentOrderTable;
  payment_refund: PaymentRefundTable;
  payment_receiver: PaymentReceiverTable;
  payment_split: PaymentSplitTable;
}

export type OrderRow = Selectable<PaymentOrderTable>;
export type RefundRow = Selectable<PaymentRefundTable>;
export type ReceiverRow = Selectable<PaymentReceiverTable>;
