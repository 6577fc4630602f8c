import type { Selectable } from 'kysely';

/** An app's guaranteed-payment settings as Douyin names them: the SALT and the callback token. */
export interface DouyinPaySettingsTable {
  app_id: string;
  /** Signs the merchant's requests (`sign`). Kept as given: a migrating merchant keeps theirs. */
  salt: string;
  /** Signs Plaza's callbacks (`msg_signature`). */
  callback_token: string;
  /** Where callbacks go when an order, refund or settlement names no `notify_url`. */
  notify_url: string | null;
  updated_at: number;
}

/**
 * An ecpay order the merchant created: payable by whoever opens it with its order_token,
 * it becomes a Plaza order (`plaza_order_id`) for the user who first pays.
 */
export interface DouyinEcpayOrderTable {
  id: string;
  app_id: string;
  out_order_no: string;
  total_amount: number;
  subject: string;
  body: string;
  valid_time: number;
  cp_extra: string | null;
  notify_url: string | null;
  /** SHA-256 of the fields that define the order: a repeat with other fields is refused. */
  request_hash: string;
  plaza_order_id: string | null;
  expires_at: number;
  created_at: number;
}

/**
 * A refund or a settlement the merchant asked for, with what its callback needs: ecpay's
 * (`refund`, `settle`, `order_id` an ecpay order) or the trade system's (`trade_refund`,
 * `trade_settle`, `order_id` a Plaza order).
 */
export interface DouyinEcpayRequestTable {
  id: string;
  app_id: string;
  kind: 'refund' | 'settle' | 'trade_refund' | 'trade_settle';
  /** `out_refund_no` or `out_settle_no`. */
  out_no: string;
  order_id: string;
  /** The Plaza refund id, once made; for a settlement, null. */
  refund_id: string | null;
  cp_extra: string | null;
  notify_url: string | null;
  created_at: number;
}

export interface DouyinCompatTables {
  douyin_pay_settings: DouyinPaySettingsTable;
  douyin_ecpay_order: DouyinEcpayOrderTable;
  douyin_ecpay_request: DouyinEcpayRequestTable;
}

export type DouyinPaySettingsRow = Selectable<DouyinPaySettingsTable>;
export type DouyinEcpayOrderRow = Selectable<DouyinEcpayOrderTable>;
export type DouyinEcpayRequestRow = Selectable<DouyinEcpayRequestTable>;
