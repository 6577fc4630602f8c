import { newId } from '../../db/ids.ts';
import type { App, AppCaller } from '../apps/index.ts';
import {
  countConversationsOfApp,
  findConversation,
  listConversationsOfApp,
  markReadByAgents,
  setStatus,
} from './conversation.repository.ts';
import type { ConversationLines, Outgoing } from './conversation-lines.ts';
import type { ConversationRow, ConversationStatus, QuickReplyRow } from './customer-service.table.ts';
import type { SupportContext } from './customer-service-context.ts';
import { supportErrors } from './errors.ts';
import { checkedText } from './line-content.ts';
import {
  type Conversation,
  type OrderCard,
  type SupportMessage,
  toConversation,
  toSupportMessage,
} from './support.model.ts';
import { appKey } from './support-feed.ts';
import {
  countQuickReplies,
  deleteQuickReply,
  findSupportMessages,
  insertQuickReply,
  listConversationMessages,
  listQuickReplies,
} from './support-message.repository.ts';

export const maxQuickReplies = 50;

/** A conversation as the agents see it: the user by the app's openid. */
export interface AgentConversation extends Conversation {
  openid: string;
}

export interface QuickReply {
  id: string;
  text: string;
  createdBy: string;
  createdAt: number;
}

/**
 * The agent inbox of an app, shared by the members of its org (any role): conversations
 * by status with unread counts, each chat with the user's orders with the app beside it,
 * answers within the reply window, quick replies. Operators who are not members see nothing.
 */
export interface AgentService {
  inbox(
    caller: AppCaller,
    appid: string,
    status?: ConversationStatus,
  ): Promise<{
    counts: Record<ConversationStatus, { count: number; unread: number }>;
    items: AgentConversation[];
  }>;
  /** One conversation with its latest lines and the user's orders; its unread count drops to zero. */
  conversation(
    caller: AppCaller,
    appid: string,
    id: string,
  ): Promise<{ conversation: AgentConversation; lines: SupportMessage[]; orders: OrderCard[] }>;
  reply(caller: AppCaller, appid: string, id: string, outgoing: Outgoing): Promise<SupportMessage>;
  setStatus(
    caller: AppCaller,
    appid: string,
    id: string,
    status: ConversationStatus,
  ): Promise<AgentConversation>;
  quickReplies(caller: AppCaller, appid: string): Promise<QuickReply[]>;
  addQuickReply(caller: AppCaller, appid: string, text: string): Promise<QuickReply>;
  removeQuickReply(caller: AppCaller, appid: string, id: string): Promise<void>;
  /** Authorises the agent, then calls `listener` with each line of the app's chats, from any process. */
  live(
    caller: AppCaller,
    appid: string,
    listener: (message: SupportMessage) => void,
    onError: (error: Error) => void,
  ): Promise<() => void>;
}

type AgentDeps = Pick<SupportContext, 'db' | 'clock' | 'apps' | 'login' | 'ordersOf'> & {
  lines: ConversationLines;
};

const toQuickReply = (r: QuickReplyRow): QuickReply => ({
  id: r.id,
  text: r.text,
  createdBy: r.created_by,
  createdAt: Number(r.created_at),
});

export function createAgentService(deps: AgentDeps): AgentService {
  const { db, clock, apps, login, ordersOf, lines } = deps;

  /** The app, for a member of its org: an operator's oversight does not reach users' chats. */
  const agentApp = (caller: AppCaller, appid: string): Promise<App> =>
    apps.requireRole({ accountId: caller.accountId, operator: false }, appid, 'viewer');

  async function ownConversation(app: App, id: string): Promise<ConversationRow> {
    const row = id.length <= 64 ? await findConversation(db, id) : undefined;
    if (!row || row.app_id !== app.id || row.last_message_id === null)
      throw supportErrors.CONVERSATION_NOT_FOUND({ conversation_id: id });
    return row;
  }

  async function views(app: App, rows: ConversationRow[]): Promise<AgentConversation[]> {
    const lastLines = await findSupportMessages(
      db,
      rows.flatMap((r) => (r.last_message_id ? [r.last_message_id] : [])),
    );
    const card = { appid: app.appid, name: app.name, iconUrl: app.iconUrl };
    return Promise.all(
      rows.map(async (row) => ({
        ...toConversation(
          row,
          card,
          lastLines.find((m) => m.id === row.last_message_id),
        ),
        openid: (await login.pairwiseIdsOf(app.id, row.user_id)).openid,
      })),
    );
  }

  async function viewOne(app: App, id: string): Promise<AgentConversation> {
    return (await views(app, [await ownConversation(app, id)]))[0] as AgentConversation;
  }

  return {
    async inbox(caller, appid, status) {
      const app = await agentApp(caller, appid);
      const counts = {
        open: { count: 0, unread: 0 },
        waiting: { count: 0, unread: 0 },
        closed: { count: 0, unread: 0 },
      };
      for (const c of await countConversationsOfApp(db, app.id))
        counts[c.status] = { count: Number(c.count), unread: Number(c.unread) };
      const rows = await listConversationsOfApp(db, app.id, status, 200);
      return { counts, items: await views(app, rows) };
    },

    async conversation(caller, appid, id) {
      const app = await agentApp(caller, appid);
      const row = await ownConversation(app, id);
      await markReadByAgents(db, row.id);
      const [lineRows, orders] = await Promise.all([
        listConversationMessages(db, row.id, { limit: 100 }),
        ordersOf(app.id, row.user_id),
      ]);
      return {
        conversation: await viewOne(app, id),
        lines: lineRows.map((r) => toSupportMessage(r, app.appid)),
        orders,
      };
    },

    async reply(caller, appid, id, outgoing) {
      const app = await agentApp(caller, appid);
      return lines.sendAsMerchant(await ownConversation(app, id), app, outgoing, caller.accountId);
    },

    async setStatus(caller, appid, id, status) {
      const app = await agentApp(caller, appid);
      const row = await ownConversation(app, id);
      await setStatus(db, row.id, status, clock.now());
      return viewOne(app, id);
    },

    async quickReplies(caller, appid) {
      const app = await agentApp(caller, appid);
      return (await listQuickReplies(db, app.id)).map(toQuickReply);
    },

    async addQuickReply(caller, appid, text) {
      const app = await agentApp(caller, appid);
      const checked = checkedText(text);
      if ((await countQuickReplies(db, app.id)) >= maxQuickReplies)
        throw supportErrors.TOO_MANY_QUICK_REPLIES({ limit: maxQuickReplies });
      const row = {
        id: newId('csq'),
        app_id: app.id,
        text: checked,
        created_by: caller.accountId,
        created_at: clock.now(),
      };
      await insertQuickReply(db, row);
      return toQuickReply(row);
    },

    async removeQuickReply(caller, appid, id) {
      const app = await agentApp(caller, appid);
      if (!(await deleteQuickReply(db, app.id, id))) throw supportErrors.QUICK_REPLY_NOT_FOUND({ id });
    },

    async live(caller, appid, listener, onError) {
      const app = await agentApp(caller, appid);
      return lines.live(
        appKey(app.id),
        async (note) => (note.appId === app.id ? app : undefined),
        listener,
        onError,
      );
    },
  };
}
