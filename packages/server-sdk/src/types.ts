/** Shapes of the Plaza server API a merchant's server uses (snake_case, as on the wire). */

export interface Session {
  openid: string;
  unionid: string;
  session_key: string;
}

export interface PhoneNumber {
  phone_number: string;
  pure_phone_number: string;
  country_code: string;
}

export type OrderStatus = 'created' | 'paid' | 'closed' | 'settled' | 'refunded';

export interface OrderItem {
  name: string;
  quantity: number;
  /** Minor units (cents) per item. */
  unit_amount: number;
}

export interface CreateOrderInput {
  out_order_no: string;
  openid: string;
  /** Integer minor units (cents). */
  total_amount: number;
  currency: string;
  subject: string;
  body?: string;
  items?: OrderItem[];
  valid_seconds?: number;
  cp_extra?: string;
}

export interface Order {
  order_id: string;
  out_order_no: string;
  appid: string;
  openid: string;
  status: OrderStatus;
  total_amount: number;
  refunded_amount: number;
  currency: string;
  subject: string;
  body?: string | null;
  items: OrderItem[];
  cp_extra?: string | null;
  created_at: string;
  expires_at: string;
  paid_at?: string | null;
  closed_at?: string | null;
  settled_at?: string | null;
}

export interface CreatedOrder extends Order {
  /** Short-lived token the mini program passes to `tt.pay` with the order id. */
  order_token: string;
}

export interface RefundInput {
  out_refund_no: string;
  amount: number;
  reason?: string;
}

export type RefundStatus = 'requested' | 'succeeded' | 'declined';

export interface Refund {
  refund_id: string;
  out_refund_no: string | null;
  order_id: string;
  amount: number;
  currency: string;
  status: RefundStatus;
  /** Where the money came from: the escrow hold before settlement, the merchant's balance after. */
  source?: 'escrow' | 'merchant_balance' | null;
  reason?: string | null;
  decline_reason?: string | null;
  created_at: string;
  succeeded_at?: string | null;
}

export interface SplitInput {
  /** A receiver registered for the merchant's org. */
  receiver_id: string;
  amount: number;
}

export interface Settlement {
  order_id: string;
  /** What was settled: the order's total less refunds made before settlement. */
  total_amount: number;
  /** The industry's commission rate in basis points; the commission is rounded half up. */
  commission_bps?: number;
  commission_amount: number;
  splits?: SplitInput[];
  split_amount: number;
  merchant_amount: number;
  settled_at: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** What arrives at the merchant's webhook URL. */
export interface WebhookEvent<T = Record<string, unknown>> {
  type: string;
  appid: string;
  timestamp: string;
  data: T;
}

/** Someone who may receive splits of the org's settlements. */
export interface Receiver {
  receiver_id: string;
  name: string;
  out_receiver_no: string;
  created_at: string;
}

export interface StatementLine {
  type: 'payment' | 'refund' | 'settlement' | 'commission' | 'split' | 'merchant';
  at: string;
  order_id: string;
  out_order_no: string;
  refund_id: string | null;
  out_refund_no: string | null;
  receiver_id: string | null;
  currency: string;
  /** Minor units; refunds are negative. */
  amount: number;
}

export interface StatementTotals {
  paid: number;
  refunded: number;
  refunded_from_escrow: number;
  refunded_from_balance: number;
  settled: number;
  commission: number;
  split: number;
  merchant: number;
  held_change: number;
  merchant_balance_change: number;
}

export interface Statement {
  from: string;
  to: string;
  lines: StatementLine[];
  /** Per currency. */
  totals: Record<string, StatementTotals>;
}

export interface SubscribeMessageInput {
  openid: string;
  template_id: string;
  /** Keyword key (e.g. `thing1`, `amount2`) → value, checked against the keyword's type. */
  data: Record<string, string>;
  /** The mini program's page the message opens, e.g. `pages/order/order?id=1`. */
  page?: string;
}

export interface SentMessage {
  message_id: string;
  appid: string;
  template_id: string;
  title: string;
  fields: { key: string; name: string; value: string }[];
  page: string | null;
  status: 'sent' | 'delivered';
  sent_at: number;
  delivered_at: number | null;
  read_at: number | null;
  opened_at: number | null;
}

/** What a customer-service chat was opened from: a page of the mini program, or an order of the user. */
export interface SupportCard {
  type: 'page' | 'order';
  path: string;
  title: string;
  order_id?: string;
  out_order_no?: string;
  subject?: string;
  total_amount?: number;
  currency?: string;
  status?: string;
}

/** One line of a customer-service chat. */
export interface SupportLine {
  message_id: string;
  conversation_id: string;
  appid: string;
  sender: 'user' | 'merchant';
  /** The agent who answered from the inbox; null for the user and for the app's server. */
  agent_account_id: string | null;
  kind: 'text' | 'image' | 'card';
  text: string | null;
  /** Read it with the app's client token. */
  image_url: string | null;
  image_type: string | null;
  card: SupportCard | null;
  created_at: number;
}

/** A user's line as the app's server polls it: the user by the app's openid. */
export interface SupportUserLine extends SupportLine {
  openid: string;
}
