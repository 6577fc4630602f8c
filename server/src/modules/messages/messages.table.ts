import type { Insertable, Selectable } from 'kysely';

/** `one_time`: each accepted consent is one send; `long_term`: sends while the consent stands. */
export type TemplateKind = 'one_time' | 'long_term';

/**
 * A template of the operator's library: one industry category, a title and its keyword
 * fields (`keywords`: JSON `[{ kid, name, type }]`). Apps select from it.
 */
export interface MessageLibraryTemplateTable {
  id: string;
  category: string;
  title: string;
  kind: TemplateKind;
  keywords: string;
  /** `active`, or `banned` by the operator: an app's templates from it stop sending. */
  status: 'active' | 'banned';
  created_at: number;
}

/** The industry categories the operator allows long-term templates for. */
export interface MessageLongTermCategoryTable {
  category: string;
  allowed_at: number;
}

/**
 * A template an app selected from the library with the keywords it uses (JSON
 * `[{ key, name, type }]`); its id is what the mini program and the app's server name.
 */
export interface MessageAppTemplateTable {
  id: string;
  app_id: string;
  library_id: string;
  title: string;
  kind: TemplateKind;
  keywords: string;
  scene: string | null;
  created_at: number;
}

/**
 * A user's subscription to one template of one app: the one-time sends they accepted and
 * not yet used, whether a long-term template may send, and the choice remembered by
 * "always" (`accept`/`reject`), so the sheet is not shown again.
 */
export interface MessageSubscriptionTable {
  app_id: string;
  user_id: string;
  template_id: string;
  credits: number;
  long_term: number;
  remembered: 'accept' | 'reject' | null;
  updated_at: number;
}

/** Counters for the daily quotas: per app and day (`user_id` = ''), and per user, app and day. */
export interface MessageQuotaTable {
  app_id: string;
  user_id: string;
  day: number;
  sent: number;
}

/** When an app last sent to a user: the per-user rate limit. */
export interface MessageRateTable {
  app_id: string;
  user_id: string;
  last_sent_at: number;
}

export type MessageStatus = 'sent' | 'delivered';

/** A subscription message: what the app sent (`data`: JSON of keyword values) and what became of it. */
export interface MessageTable {
  id: string;
  app_id: string;
  /** The app's public appid too: orders name their app by it when the funnel credits them. */
  appid: string;
  user_id: string;
  template_id: string;
  /** The template's title when sent: the message renders the same after the template is removed. */
  title: string;
  /** JSON `[{ key, name, value }]`, in the template's order. */
  data: string;
  page: string | null;
  status: MessageStatus;
  sent_at: number;
  delivered_at: number | null;
  read_at: number | null;
  opened_at: number | null;
  /** When the user paid an order with the app within a day of opening this message (the funnel's last step). */
  ordered_at: number | null;
}

/** An app whose messages the user muted: sends to the user are refused. */
export interface MessageMuteTable {
  app_id: string;
  user_id: string;
  muted_at: number;
}

export interface MessagesTables {
  message_library_template: MessageLibraryTemplateTable;
  message_long_term_category: MessageLongTermCategoryTable;
  message_app_template: MessageAppTemplateTable;
  message_subscription: MessageSubscriptionTable;
  message_quota: MessageQuotaTable;
  message_rate: MessageRateTable;
  message: MessageTable;
  message_mute: MessageMuteTable;
}

export type LibraryTemplateRow = Selectable<MessageLibraryTemplateTable>;
export type AppTemplateRow = Selectable<MessageAppTemplateTable>;
export type SubscriptionRow = Selectable<MessageSubscriptionTable>;
export type MessageRow = Selectable<MessageTable>;
export type NewMessageRow = Insertable<MessageTable>;
