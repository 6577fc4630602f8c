import type { Insertable, Selectable } from 'kysely';

/**
 * `open`: the user wrote last, an answer is due; `waiting`: the merchant answered, the user
 * may write again; `closed`: an agent closed it (the user's next line opens it again).
 */
export type ConversationStatus = 'open' | 'waiting' | 'closed';

/**
 * One chat between a user and an app (one per pair). The reply window is kept here:
 * `last_user_message_at` and `replies_since_user` (the merchant's lines since it).
 */
export interface SupportConversationTable {
  id: string;
  app_id: string;
  user_id: string;
  status: ConversationStatus;
  /** The merchant's lines the user has not read. */
  user_unread: number;
  /** The user's lines no agent has read. */
  agent_unread: number;
  last_user_message_at: number | null;
  replies_since_user: number;
  last_message_id: string | null;
  /** When the user blocked the merchant: its lines are refused until unblocked. */
  blocked_at: number | null;
  created_at: number;
  updated_at: number;
}

/** Who wrote a line: the user, or the merchant (an agent of its org, or its server). */
export type SupportSender = 'user' | 'merchant';
export type SupportMessageKind = 'text' | 'image' | 'card';

/**
 * One line of a conversation. `agent_account_id` names the agent who wrote a merchant
 * line from the inbox (null: the app's server). An image is a blob of the blob store
 * (`image_blob`, checked by its bytes); a card (JSON) is the page or order it was opened from.
 */
export interface SupportMessageTable {
  id: string;
  conversation_id: string;
  app_id: string;
  user_id: string;
  sender: SupportSender;
  agent_account_id: string | null;
  kind: SupportMessageKind;
  text: string | null;
  image_blob: string | null;
  image_type: string | null;
  card: string | null;
  created_at: number;
}

/** A user's report of a conversation, for the operator. */
export interface SupportReportTable {
  id: string;
  conversation_id: string;
  app_id: string;
  user_id: string;
  reason: string;
  note: string | null;
  created_at: number;
}

/** A canned answer the agents of an app share. */
export interface SupportQuickReplyTable {
  id: string;
  app_id: string;
  text: string;
  created_by: string;
  created_at: number;
}

export interface CustomerServiceTables {
  support_conversation: SupportConversationTable;
  support_message: SupportMessageTable;
  support_report: SupportReportTable;
  support_quick_reply: SupportQuickReplyTable;
}

export type ConversationRow = Selectable<SupportConversationTable>;
export type SupportMessageRow = Selectable<SupportMessageTable>;
export type NewSupportMessageRow = Insertable<SupportMessageTable>;
export type ReportRow = Selectable<SupportReportTable>;
export type QuickReplyRow = Selectable<SupportQuickReplyTable>;
