import type { App } from '../apps/index.ts';
import { appErrors } from '../apps/index.ts';
import { findConversationOf } from './conversation.repository.ts';
import type { ConversationLines, Outgoing } from './conversation-lines.ts';
import type { SupportContext } from './customer-service-context.ts';
import { supportErrors } from './errors.ts';
import { type SupportMessage, toSupportMessage } from './support.model.ts';
import { findSupportMessage, listUserLinesAfter } from './support-message.repository.ts';

/** A user's line as the merchant's server reads it: the user by the app's openid. */
export interface MerchantLine extends SupportMessage {
  openid: string;
}

/** The merchant's server: polls its users' lines, answers them within the reply window. */
export interface MerchantService {
  /**
   * The users' lines after `after` (the `next` of the previous poll), oldest first; the
   * same lines also arrive as `support.message` webhooks.
   */
  poll(
    appId: string,
    after: string | undefined,
    limit: number,
  ): Promise<{ items: MerchantLine[]; next: string | null }>;
  /** Answers the user behind `openid`: 48 hours after their last line, at most 5 answers to it. */
  reply(appId: string, openid: string, outgoing: Outgoing): Promise<SupportMessage>;
}

type MerchantDeps = Pick<SupportContext, 'db' | 'apps' | 'login'> & { lines: ConversationLines };

export function createMerchantService(deps: MerchantDeps): MerchantService {
  const { db, apps, login, lines } = deps;

  async function appOf(appId: string): Promise<App> {
    const app = await apps.get(appId);
    if (!app) throw appErrors.NOT_FOUND({ appid: appId });
    return app;
  }

  return {
    async poll(appId, after, limit) {
      const app = await appOf(appId);
      if (after !== undefined) {
        const cursor = after.startsWith('csm_') ? await findSupportMessage(db, after) : undefined;
        if (!cursor || cursor.app_id !== app.id) throw supportErrors.CURSOR_INVALID();
      }
      const rows = await listUserLinesAfter(db, app.id, after, limit);
      const items = await Promise.all(
        rows.map(async (r) => ({
          ...toSupportMessage(r, app.appid),
          openid: (await login.pairwiseIdsOf(app.id, r.user_id)).openid,
        })),
      );
      return { items, next: items.at(-1)?.id ?? after ?? null };
    },

    async reply(appId, openid, outgoing) {
      const app = await appOf(appId);
      const userId = await login.resolveOpenid(app.id, openid);
      const conversation = await findConversationOf(db, app.id, userId);
      if (!conversation) throw supportErrors.NO_USER_MESSAGE();
      return lines.sendAsMerchant(conversation, app, outgoing, null);
    },
  };
}
