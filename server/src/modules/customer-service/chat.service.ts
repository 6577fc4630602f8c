import { newId } from '../../db/ids.ts';
import type { App } from '../apps/index.ts';
import {
  findConversationOf,
  listConversationsOfUser,
  markReadByUser,
  setBlocked,
} from './conversation.repository.ts';
import type { ConversationLines, Outgoing } from './conversation-lines.ts';
import type { ConversationRow } from './customer-service.table.ts';
import type { SupportContext } from './customer-service-context.ts';
import { supportErrors } from './errors.ts';
import { cardFor } from './line-content.ts';
import { type Conversation, type SupportMessage, toConversation, toSupportMessage } from './support.model.ts';
import { userKey } from './support-feed.ts';
import { findSupportMessages, insertReport, listConversationMessages } from './support-message.repository.ts';

export const reportReasons = ['spam', 'harassment', 'fraud', 'inappropriate', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

/** The user's side of customer service, in the super app. */
export interface ChatService {
  /**
   * Opens the user's chat with an app (created on first use). `source`: the page it was
   * opened from, attached as a card (the order it names, when the user has it with the
   * app) unless the last card already shows it.
   */
  open(
    userId: string,
    appid: string,
    source?: { path: string; title: string },
  ): Promise<{ conversation: Conversation; card: SupportMessage | null }>;
  send(userId: string, appid: string, outgoing: Outgoing): Promise<SupportMessage>;
  /** The chat's lines, newest first. */
  lines(
    userId: string,
    appid: string,
    page: { before?: string | undefined; limit?: number },
  ): Promise<SupportMessage[]>;
  /** The user's chats, latest first, each with its last line and unread count. */
  conversations(userId: string): Promise<Conversation[]>;
  markRead(userId: string, appid: string): Promise<void>;
  /** Reports the chat to the operator. */
  report(
    userId: string,
    appid: string,
    input: { reason: ReportReason; note?: string | undefined },
  ): Promise<{ id: string }>;
  /** Blocks (or unblocks) the merchant's lines in the chat. */
  block(userId: string, appid: string, blocked: boolean): Promise<Conversation>;
  /** Calls `listener` with each line of the user's chats, from any process. */
  live(
    userId: string,
    listener: (message: SupportMessage) => void,
    onError: (error: Error) => void,
  ): () => void;
}

type ChatDeps = Pick<SupportContext, 'db' | 'clock' | 'apps' | 'ordersOf' | 'complaints'> & {
  lines: ConversationLines;
};

export function createChatService(deps: ChatDeps): ChatService {
  const { db, clock, apps, ordersOf, lines } = deps;

  async function activeApp(appid: string): Promise<App> {
    const app = appid.length <= 64 ? await apps.findByAppid(appid) : undefined;
    if (app?.status !== 'active') throw supportErrors.APP_NOT_FOUND({ appid });
    return app;
  }

  /** The user's existing chat with the app; a chat never opened is not found. */
  async function existing(userId: string, appid: string): Promise<{ app: App; row: ConversationRow }> {
    const app = await apps.findByAppid(appid);
    const row = app ? await findConversationOf(db, app.id, userId) : undefined;
    if (!app || !row) throw supportErrors.CONVERSATION_NOT_FOUND({ appid });
    return { app, row };
  }

  async function view(app: App, row: ConversationRow): Promise<Conversation> {
    const [last] = await findSupportMessages(db, row.last_message_id ? [row.last_message_id] : []);
    return toConversation(row, { appid: app.appid, name: app.name, iconUrl: app.iconUrl }, last);
  }

  return {
    async open(userId, appid, source) {
      const app = await activeApp(appid);
      let row = await lines.conversationOf(app, userId);
      let card: SupportMessage | null = null;
      if (source) {
        const wanted = cardFor(source, await ordersOf(app.id, userId));
        const [lastLine] = await listConversationMessages(db, row.id, { limit: 1 });
        if (lastLine?.card !== JSON.stringify(wanted)) {
          card = await lines.appendUserLine(row, app, { kind: 'card', card: wanted });
          row = (await findConversationOf(db, app.id, userId)) ?? row;
        }
      }
      return { conversation: await view(app, row), card };
    },

    async send(userId, appid, outgoing) {
      const app = await activeApp(appid);
      return lines.sendAsUser(await lines.conversationOf(app, userId), app, outgoing);
    },

    async lines(userId, appid, page) {
      const { app, row } = await existing(userId, appid);
      const rows = await listConversationMessages(db, row.id, {
        before: page.before,
        limit: Math.min(Math.max(page.limit ?? 50, 1), 200),
      });
      return rows.map((r) => toSupportMessage(r, app.appid));
    },

    async conversations(userId) {
      const rows = await listConversationsOfUser(db, userId);
      const lastLines = await findSupportMessages(
        db,
        rows.flatMap((r) => (r.last_message_id ? [r.last_message_id] : [])),
      );
      const out: Conversation[] = [];
      for (const row of rows) {
        const app = await apps.get(row.app_id);
        if (!app) continue;
        const last = lastLines.find((m) => m.id === row.last_message_id);
        out.push(toConversation(row, { appid: app.appid, name: app.name, iconUrl: app.iconUrl }, last));
      }
      return out;
    },

    async markRead(userId, appid) {
      const { row } = await existing(userId, appid);
      await markReadByUser(db, row.id);
    },

    async report(userId, appid, input) {
      const { app, row } = await existing(userId, appid);
      const id = newId('csr');
      await insertReport(db, {
        id,
        conversation_id: row.id,
        app_id: app.id,
        user_id: userId,
        reason: input.reason,
        note: input.note?.trim() || null,
        created_at: clock.now(),
      });
      await deps.complaints?.filed({ appid: app.appid, userId });
      return { id };
    },

    async block(userId, appid, blocked) {
      const { app, row } = await existing(userId, appid);
      await setBlocked(db, row.id, blocked ? clock.now() : null);
      const after = (await findConversationOf(db, app.id, userId)) ?? row;
      return view(app, after);
    },

    live(userId, listener, onError) {
      return lines.live(
        userKey(userId),
        async (note) => (note.userId === userId ? apps.get(note.appId) : undefined),
        listener,
        onError,
      );
    },
  };
}
