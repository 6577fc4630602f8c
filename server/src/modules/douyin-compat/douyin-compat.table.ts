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

/** An app's trade-system settings: the RSA public key its `byteAuthorization` is checked with. */
export interface DouyinTradeSettingsTable {
  app_id: string;
  /** SPKI PEM of an RSA key of at least 2048 bits. */
  public_key: string;
  /** The `key_version` a `byteAuthorization` must name (Douyin counts uploads from 1). */
  key_version: string;
  /** Where trade callbacks go when an order, refund or settlement names no URL. */
  notify_url: string | null;
  updated_at: number;
}

/** Plaza's own RSA key pair, signing trade callbacks (`Byte-Signature`); one per name. */
export interface DouyinPlatformKeyTable {
  name: string;
  private_key: string;
  public_key: string;
  created_at: number;
}

/** A Plaza order made with `tt.requestOrder`: what its trade callbacks need. */
export interface DouyinTradeOrderTable {
  order_id: string;
  app_id: string;
  /** The app's public appid, as the callbacks name it. */
  appid: string;
  out_order_no: string;
  /** `payNotifyUrl` of the order's data. */
  notify_url: string | null;
  /** The skuList as the merchant sent it (JSON), for the callbacks' item details. */
  sku_list: string;
  created_at: number;
}

export interface DouyinCompatTables {
  douyin_pay_settings: DouyinPaySettingsTable;
  douyin_ecpay_order: DouyinEcpayOrderTable;
  douyin_ecpay_request: DouyinEcpayRequestTable;
  douyin_trade_settings: DouyinTradeSettingsTable;
  douyin_platform_key: DouyinPlatformKeyTable;
  douyin_trade_order: DouyinTradeOrderTable;
}

export type DouyinPaySettingsRow = Selectable<DouyinPaySettingsTable>;
export type DouyinEcpayOrderRow = Selectable<DouyinEcpayOrderTable>;
export type DouyinEcpayRequestRow = Selectable<DouyinEcpayRequestTable>;
export type DouyinTradeSettingsRow = Selectable<DouyinTradeSettingsTable>;
export type DouyinTradeOrderRow = Selectable<DouyinTradeOrderTable>;
