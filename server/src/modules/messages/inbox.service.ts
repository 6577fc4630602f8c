import type { Executor } from '../../db/database.ts';
import type { App, AppCaller } from '../apps/index.ts';
import { messageErrors } from './errors.ts';
import type { InboxNote } from './inbox-feed.ts';
import {
  findMessage,
  findMessages,
  listThreadMessages,
  listThreads,
  markOpened,
  markOrdered,
  markThreadRead,
  templateFunnel,
} from './message.repository.ts';
import { toMessage } from './message-content.ts';
import type { Message, TemplateFunnel } from './messages.model.ts';
import type { MessagesContext } from './messages-context.ts';

/** How long after opening a message an order still counts as the message's. */
export const orderWindowMs = 24 * 3_600_000;

type InboxDeps = Pick<MessagesContext, 'db' | 'clock' | 'apps' | 'login' | 'webhooks' | 'feed'>;

/** One app's thread in the service inbox. */
export interface InboxThread {
  app: { appid: string; name: string; iconUrl: string | null };
  unread: number;
  total: number;
  last: Message;
  muted: boolean;
}

/** The user's service inbox: one thread per app, newest first, and the live feed of new messages. */
export interface InboxService {
  threads(userId: string, muted: ReadonlySet<string>): Promise<InboxThread[]>;
  /** An app's messages, newest first. */
  thread(
    userId: string,
    appid: string,
    page: { before?: string | undefined; limit?: number },
  ): Promise<Message[]>;
  /** The user read the app's thread: its unread count drops to zero. */
  markRead(userId: string, appid: string): Promise<void>;
  /** The user tapped a message: counts the open once, tells the app's server, returns where to go. */
  open(userId: string, messageId: string): Promise<Message>;
  /**
   * A paid order of the user with the app (in the payment's transaction): credited to their
   * latest message of the app opened within a day, once.
   */
  attributeOrder(trx: Executor, order: { appid: string; userId: string; at: number }): Promise<void>;
  /** The funnel per template of messages sent in `[from, to)`: sent → delivered → opened → order. */
  funnel(caller: AppCaller, appid: string, from: number, to: number): Promise<TemplateFunnel[]>;
  /** Calls `listener` with each message delivered to the user from now on, in any process. */
  live(userId: string, listener: (message: Message) => void, onError: (error: Error) => void): () => void;
}

export function createInboxService(deps: InboxDeps): InboxService {
  const { db, clock, apps, login, webhooks, feed } = deps;

  const appCard = (app: App) => ({ appid: app.appid, name: app.name, iconUrl: app.iconUrl });

  return {
    async threads(userId, muted) {
      const rows = await listThreads(db, userId);
      const last = await findMessages(
        db,
        rows.map((r) => r.last_id),
      );
      const out: InboxThread[] = [];
      for (const row of rows) {
        const app = await apps.get(row.app_id);
        const message = last.find((m) => m.id === row.last_id);
        if (!app || !message) continue;
        out.push({
          app: appCard(app),
          unread: row.unread,
          total: row.total,
          last: toMessage(message, app.appid),
          muted: muted.has(app.appid),
        });
      }
      return out.sort((a, b) => (a.last.id < b.last.id ? 1 : -1));
    },

    async thread(userId, appid, page) {
      const app = await apps.findByAppid(appid);
      if (!app) return [];
      const rows = await listThreadMessages(db, userId, app.id, {
        before: page.before,
        limit: Math.min(Math.max(page.limit ?? 50, 1), 200),
      });
      return rows.map((r) => toMessage(r, app.appid));
    },

    async markRead(userId, appid) {
      const app = await apps.findByAppid(appid);
      if (app) await markThreadRead(db, userId, app.id, clock.now());
    },

    async open(userId, messageId) {
      const row = messageId.length <= 64 ? await findMessage(db, messageId) : undefined;
      if (!row || row.user_id !== userId || row.status !== 'delivered') {
        throw messageErrors.MESSAGE_NOT_FOUND({ message_id: messageId });
      }
      const app = await apps.get(row.app_id);
      if (!app) throw messageErrors.MESSAGE_NOT_FOUND({ message_id: messageId });
      const { openid } = await login.pairwiseIdsOf(row.app_id, userId);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        if (!(await markOpened(trx, row.id, userId, now))) return;
        await webhooks.enqueueEvent(trx, {
          appId: row.app_id,
          type: 'message.opened',
          data: { message_id: row.id, template_id: row.template_id, openid, opened_at: now },
        });
      });
      const opened = await findMessage(db, row.id);
      return toMessage(opened ?? row, app.appid);
    },

    async attributeOrder(trx, order) {
      await markOrdered(trx, order, order.at, orderWindowMs);
    },

    async funnel(caller, appid, from, to) {
      const app = await apps.requireRole(caller, appid, 'viewer');
      return (await templateFunnel(db, app.id, from, to)).map((r) => ({
        templateId: r.template_id,
        title: r.title,
        sent: r.sent,
        delivered: r.delivered,
        opened: r.opened,
        ordered: r.ordered,
      }));
    },

    live(userId, listener, onError) {
      return feed.subscribe(userId, (note: InboxNote) => {
        findMessage(db, note.messageId)
          .then(async (row) => {
            if (!row || row.user_id !== userId) return;
            const app = await apps.get(row.app_id);
            if (app) listener(toMessage(row, app.appid));
          })
          .catch(onError);
      });
    },
  };
}
