import type {
  ConversationRow,
  ConversationStatus,
  SupportMessageRow,
  SupportSender,
} from './customer-service.table.ts';

/** What a chat was opened from, shown at its head: a page of the mini program or an order. */
export type SupportCard =
  | { type: 'page'; path: string; title: string }
  | {
      type: 'order';
      path: string;
      title: string;
      orderId: string;
      outOrderNo: string;
      subject: string;
      totalAmount: number;
      currency: string;
      status: string;
    };

/** One line of a conversation, as every party sees it. */
export interface SupportMessage {
  id: string;
  conversationId: string;
  appid: string;
  sender: SupportSender;
  /** The agent who wrote a merchant line from the inbox; null for the user and the app's server. */
  agentAccountId: string | null;
  kind: 'text' | 'image' | 'card';
  text: string | null;
  image: { type: string } | null;
  card: SupportCard | null;
  createdAt: number;
}

export interface AppCard {
  appid: string;
  name: string;
  iconUrl: string | null;
}

export interface Conversation {
  id: string;
  app: AppCard;
  status: ConversationStatus;
  userUnread: number;
  agentUnread: number;
  lastUserMessageAt: number | null;
  repliesSinceUser: number;
  blocked: boolean;
  last: SupportMessage | null;
  updatedAt: number;
}

/** An order of the user with the app, beside the chat in the agent inbox. */
export interface OrderCard {
  orderId: string;
  outOrderNo: string;
  subject: string;
  totalAmount: number;
  currency: string;
  status: string;
  createdAt: number;
}

/** What a line carries when written. */
export type LineContent =
  | { kind: 'text'; text: string }
  | { kind: 'image'; sha256: string; type: string }
  | { kind: 'card'; card: SupportCard };

export function toSupportMessage(row: SupportMessageRow, appid: string): SupportMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    appid,
    sender: row.sender,
    agentAccountId: row.agent_account_id,
    kind: row.kind,
    text: row.text,
    image: row.image_type ? { type: row.image_type } : null,
    card: row.card === null ? null : (JSON.parse(row.card) as SupportCard),
    createdAt: Number(row.created_at),
  };
}

export function toConversation(row: ConversationRow, app: AppCard, last: SupportMessageRow | undefined) {
  const conversation: Conversation = {
    id: row.id,
    app,
    status: row.status,
    userUnread: Number(row.user_unread),
    agentUnread: Number(row.agent_unread),
    lastUserMessageAt: row.last_user_message_at === null ? null : Number(row.last_user_message_at),
    repliesSinceUser: Number(row.replies_since_user),
    blocked: row.blocked_at !== null,
    last: last ? toSupportMessage(last, app.appid) : null,
    updatedAt: Number(row.updated_at),
  };
  return conversation;
}

/** A card as the wire and the webhook carry it (snake_case). */
export function toCardJson(card: SupportCard) {
  return card.type === 'page'
    ? { type: card.type, path: card.path, title: card.title }
    : {
        type: card.type,
        path: card.path,
        title: card.title,
        order_id: card.orderId,
        out_order_no: card.outOrderNo,
        subject: card.subject,
        total_amount: card.totalAmount,
        currency: card.currency,
        status: card.status,
      };
}

/** Where a line's image is read (by the user, the app's agents, the app's server). */
export const imagePath = (messageId: string) => `/api/support/images/${messageId}`;
