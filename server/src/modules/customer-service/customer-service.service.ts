import { PlazaError } from '../../errors/index.ts';
import { type AgentService, createAgentService } from './agent.service.ts';
import type { ReportReason } from './chat.service.ts';
import { type ChatService, createChatService } from './chat.service.ts';
import { findConversation } from './conversation.repository.ts';
import { conversationLines } from './conversation-lines.ts';
import {
  type CustomerServiceDeps,
  type CustomerServiceLimits,
  supportContext,
} from './customer-service-context.ts';
import { supportErrors } from './errors.ts';
import { createMerchantService, type MerchantService } from './merchant.service.ts';
import { findSupportMessage, listReports } from './support-message.repository.ts';

/** Who asks for a line's image: its user, a member of its app's org, or its app's server. */
export type ImageViewer =
  | { kind: 'user'; userId: string }
  | { kind: 'account'; accountId: string }
  | { kind: 'app'; appId: string };

/** A user's report of a conversation, as the operator sees it. */
export interface Report {
  id: string;
  conversationId: string;
  app: { appid: string; name: string } | null;
  reason: ReportReason;
  note: string | null;
  /** Whether the user blocked the conversation too. */
  blocked: boolean;
  createdAt: number;
}

/**
 * Customer service: the chat between a user and a merchant (text, images checked by their
 * bytes, the page or order it was opened from as a card), the merchant's answers from its
 * server or the agent inbox within the platforms' reply window, live delivery both ways
 * across processes, and the user's reports and blocks for the operator.
 *
 * @example
 * const { conversation } = await support.chat.open(userId, 'tt123', { path: 'pages/result/result?orderId=A1', title: 'Order' });
 * await support.merchant.reply(appId, openid, { text: 'On its way!' });
 */
export interface CustomerServiceService {
  chat: ChatService;
  agents: AgentService;
  merchant: MerchantService;
  /** The reply window and the image size in force. */
  readonly limits: CustomerServiceLimits;
  /** The users' reports, newest first (operator). */
  reports(page: { before?: string | undefined; limit?: number }): Promise<Report[]>;
  /** A line's image, for those who may see it; anyone else finds nothing. */
  image(viewer: ImageViewer, messageId: string): Promise<{ sha256: string; type: string }>;
}

export function createCustomerServiceService(deps: CustomerServiceDeps): CustomerServiceService {
  const ctx = supportContext(deps);
  const lines = conversationLines(ctx);
  const { db, apps } = ctx;
  return {
    chat: createChatService({ ...ctx, lines }),
    agents: createAgentService({ ...ctx, lines }),
    merchant: createMerchantService({ ...ctx, lines }),
    limits: ctx.limits,

    async reports(page) {
      const rows = await listReports(db, {
        before: page.before,
        limit: Math.min(Math.max(page.limit ?? 50, 1), 200),
      });
      return Promise.all(
        rows.map(async (r) => {
          const [app, conversation] = await Promise.all([
            apps.get(r.app_id),
            findConversation(db, r.conversation_id),
          ]);
          return {
            id: r.id,
            conversationId: r.conversation_id,
            app: app ? { appid: app.appid, name: app.name } : null,
            reason: r.reason as ReportReason,
            note: r.note,
            blocked: conversation?.blocked_at != null,
            createdAt: Number(r.created_at),
          };
        }),
      );
    },

    async image(viewer, messageId) {
      const row = messageId.length <= 64 ? await findSupportMessage(db, messageId) : undefined;
      const notFound = () => supportErrors.MESSAGE_NOT_FOUND({ message_id: messageId });
      if (!row?.image_blob || !row.image_type) throw notFound();
      if (viewer.kind === 'user' && viewer.userId !== row.user_id) throw notFound();
      if (viewer.kind === 'app' && viewer.appId !== row.app_id) throw notFound();
      if (viewer.kind === 'account') {
        const app = await apps.get(row.app_id);
        if (!app) throw notFound();
        try {
          await apps.requireRole({ accountId: viewer.accountId, operator: false }, app.appid, 'viewer');
        } catch (error) {
          // Not a member of the app's org: the image is not there for them.
          if (error instanceof PlazaError) throw notFound();
          throw error;
        }
      }
      return { sha256: row.image_blob, type: row.image_type };
    },
  };
}
