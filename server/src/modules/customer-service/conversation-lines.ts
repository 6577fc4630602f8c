import { newId } from '../../db/ids.ts';
import type { App } from '../apps/index.ts';
import {
  claimReply,
  ensureConversation,
  findConversation,
  recordUserLine,
} from './conversation.repository.ts';
import type { ConversationRow } from './customer-service.table.ts';
import type { SupportContext } from './customer-service-context.ts';
import { supportErrors } from './errors.ts';
import { checkedImage, checkedText } from './line-content.ts';
import { replyRefusal } from './reply-window.ts';
import {
  imagePath,
  type LineContent,
  type SupportMessage,
  toCardJson,
  toSupportMessage,
} from './support.model.ts';
import type { SupportNote } from './support-feed.ts';
import { findSupportMessage, imageBlobInUse, insertSupportMessage } from './support-message.repository.ts';

/** What a party sends: a line of text, or an image's bytes (checked here, stored in the blob store). */
export type Outgoing = { text: string } | { image: Buffer };

/**
 * Writing lines, shared by the user's chat, the agent inbox and the merchant's API: each
 * line, its conversation's counters, its announcement to open streams and (for the user's
 * lines) the signed webhook to the merchant's server commit together.
 */
export function conversationLines(ctx: SupportContext) {
  const { db, clock, blobs, login, webhooks, feed, limits } = ctx;

  async function conversationOf(app: App, userId: string): Promise<ConversationRow> {
    const now = clock.now();
    return ensureConversation(db, {
      id: newId('csc'),
      app_id: app.id,
      user_id: userId,
      status: 'open',
      user_unread: 0,
      agent_unread: 0,
      last_user_message_at: null,
      replies_since_user: 0,
      last_message_id: null,
      blocked_at: null,
      created_at: now,
      updated_at: now,
    });
  }

  /** Checks what is sent and, for an image, keeps its bytes; `discard` undoes the keeping. */
  async function contentOf(outgoing: Outgoing): Promise<{ content: LineContent; discard(): Promise<void> }> {
    if ('text' in outgoing)
      return { content: { kind: 'text', text: checkedText(outgoing.text) }, discard: async () => {} };
    const type = checkedImage(outgoing.image, limits.imageBytes);
    const { sha256 } = await blobs.put(outgoing.image, { maxBytes: limits.imageBytes });
    return {
      content: { kind: 'image', sha256, type },
      discard: async () => {
        if (!(await imageBlobInUse(db, sha256))) await blobs.delete(sha256);
      },
    };
  }

  function rowOf(
    conversation: ConversationRow,
    id: string,
    sender: 'user' | 'merchant',
    content: LineContent,
    agent: string | null,
    at: number,
  ) {
    return {
      id,
      conversation_id: conversation.id,
      app_id: conversation.app_id,
      user_id: conversation.user_id,
      sender,
      agent_account_id: agent,
      kind: content.kind,
      text: content.kind === 'text' ? content.text : null,
      image_blob: content.kind === 'image' ? content.sha256 : null,
      image_type: content.kind === 'image' ? content.type : null,
      card: content.kind === 'card' ? JSON.stringify(content.card) : null,
      created_at: at,
    };
  }

  async function written(id: string, app: App): Promise<SupportMessage> {
    const row = await findSupportMessage(db, id);
    if (!row) throw supportErrors.MESSAGE_NOT_FOUND({ message_id: id });
    return toSupportMessage(row, app.appid);
  }

  /** A line of the user: the conversation opens, the window restarts, the merchant is called. */
  async function appendUserLine(
    conversation: ConversationRow,
    app: App,
    content: LineContent,
  ): Promise<SupportMessage> {
    const id = newId('csm');
    const now = clock.now();
    const { openid } = await login.pairwiseIdsOf(app.id, conversation.user_id);
    await db.transaction().execute(async (trx) => {
      await insertSupportMessage(trx, rowOf(conversation, id, 'user', content, null, now));
      await recordUserLine(trx, conversation.id, { messageId: id, at: now });
      await feed.announce(trx, { messageId: id, userId: conversation.user_id, appId: app.id });
      await webhooks.enqueueEvent(trx, {
        appId: app.id,
        type: 'support.message',
        data: {
          message_id: id,
          conversation_id: conversation.id,
          openid,
          kind: content.kind,
          text: content.kind === 'text' ? content.text : null,
          image_url: content.kind === 'image' ? imagePath(id) : null,
          card: content.kind === 'card' ? toCardJson(content.card) : null,
          created_at: now,
        },
      });
    });
    return written(id, app);
  }

  return {
    conversationOf,
    appendUserLine,

    /** Sends the user's text or image. */
    async sendAsUser(conversation: ConversationRow, app: App, outgoing: Outgoing): Promise<SupportMessage> {
      const { content, discard } = await contentOf(outgoing);
      try {
        return await appendUserLine(conversation, app, content);
      } catch (error) {
        await discard();
        throw error;
      }
    },

    /**
     * A line of the merchant (`agent`: the account of the agent, null for the app's server),
     * within the reply window; refused with the window's coded error, nothing written.
     */
    async sendAsMerchant(
      conversation: ConversationRow,
      app: App,
      outgoing: Outgoing,
      agent: string | null,
    ): Promise<SupportMessage> {
      const early = replyRefusal(conversation, clock.now(), limits);
      if (early) throw early;
      const { content, discard } = await contentOf(outgoing);
      const id = newId('csm');
      const now = clock.now();
      try {
        await db.transaction().execute(async (trx) => {
          if (!(await claimReply(trx, conversation.id, { messageId: id, at: now }, limits))) {
            throw (
              replyRefusal(await findConversation(trx, conversation.id), now, limits) ??
              supportErrors.REPLY_LIMIT_REACHED({ limit: limits.max })
            );
          }
          await insertSupportMessage(trx, rowOf(conversation, id, 'merchant', content, agent, now));
          await feed.announce(trx, { messageId: id, userId: conversation.user_id, appId: app.id });
        });
      } catch (error) {
        await discard();
        throw error;
      }
      return written(id, app);
    },

    /** Calls `listener` with each line announced under `key` (a user's or an app's), from any process. */
    live(
      key: string,
      accept: (note: SupportNote) => Promise<App | undefined>,
      listener: (message: SupportMessage) => void,
      onError: (error: Error) => void,
    ): () => void {
      return feed.subscribe(key, (note) => {
        Promise.all([accept(note), findSupportMessage(db, note.messageId)])
          .then(([app, row]) => {
            if (app && row) listener(toSupportMessage(row, app.appid));
          })
          .catch(onError);
      });
    },
  };
}

export type ConversationLines = ReturnType<typeof conversationLines>;
