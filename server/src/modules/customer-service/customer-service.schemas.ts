import { z } from 'zod';
import type { AgentConversation, QuickReply } from './agent.service.ts';
import type { Report } from './customer-service.service.ts';
import type { MerchantLine } from './merchant.service.ts';
import { type Conversation, imagePath, type SupportMessage, toCardJson } from './support.model.ts';

export const appidField = z.string().min(1).max(64);
export const idField = z.string().min(1).max(64);
export const statusField = z.enum(['open', 'waiting', 'closed']);
// The service trims and checks the length in characters; this only bounds the wire.
export const textBody = z.strictObject({ text: z.string().max(8000) });

/** The content types a chat image may be posted with: its bytes decide what it is. */
export const imageContentTypes = /^(image\/[a-z0-9.+-]+|application\/octet-stream)$/i;

const cardJson = z.object({
  type: z.enum(['page', 'order']),
  path: z.string(),
  title: z.string(),
  order_id: z.string().optional(),
  out_order_no: z.string().optional(),
  subject: z.string().optional(),
  total_amount: z.number().optional(),
  currency: z.string().optional(),
  status: z.string().optional(),
});

export const lineJson = z.object({
  message_id: z.string(),
  conversation_id: z.string(),
  appid: z.string(),
  sender: z.enum(['user', 'merchant']),
  agent_account_id: z.string().nullable(),
  kind: z.enum(['text', 'image', 'card']),
  text: z.string().nullable(),
  image_url: z.string().nullable(),
  image_type: z.string().nullable(),
  card: cardJson.nullable(),
  created_at: z.number(),
});

export const conversationJson = z.object({
  conversation_id: z.string(),
  app: z.object({ appid: z.string(), name: z.string(), icon_url: z.string().nullable() }),
  status: statusField,
  user_unread: z.number(),
  agent_unread: z.number(),
  last_user_message_at: z.number().nullable(),
  replies_since_user: z.number(),
  blocked: z.boolean(),
  last: lineJson.nullable(),
  updated_at: z.number(),
});

export const agentConversationJson = conversationJson.extend({ openid: z.string() });
export const merchantLineJson = lineJson.extend({ openid: z.string() });

export const quickReplyJson = z.object({
  id: z.string(),
  text: z.string(),
  created_by: z.string(),
  created_at: z.number(),
});

export const orderCardJson = z.object({
  order_id: z.string(),
  out_order_no: z.string(),
  subject: z.string(),
  total_amount: z.number(),
  currency: z.string(),
  status: z.string(),
  created_at: z.number(),
});

export const reportJson = z.object({
  report_id: z.string(),
  conversation_id: z.string(),
  app: z.object({ appid: z.string(), name: z.string() }).nullable(),
  reason: z.string(),
  note: z.string().nullable(),
  blocked: z.boolean(),
  created_at: z.number(),
});

export function toLineJson(m: SupportMessage): z.infer<typeof lineJson> {
  return {
    message_id: m.id,
    conversation_id: m.conversationId,
    appid: m.appid,
    sender: m.sender,
    agent_account_id: m.agentAccountId,
    kind: m.kind,
    text: m.text,
    image_url: m.image ? imagePath(m.id) : null,
    image_type: m.image?.type ?? null,
    card: m.card ? toCardJson(m.card) : null,
    created_at: m.createdAt,
  };
}

export function toConversationJson(c: Conversation): z.infer<typeof conversationJson> {
  return {
    conversation_id: c.id,
    app: { appid: c.app.appid, name: c.app.name, icon_url: c.app.iconUrl },
    status: c.status,
    user_unread: c.userUnread,
    agent_unread: c.agentUnread,
    last_user_message_at: c.lastUserMessageAt,
    replies_since_user: c.repliesSinceUser,
    blocked: c.blocked,
    last: c.last ? toLineJson(c.last) : null,
    updated_at: c.updatedAt,
  };
}

export const toAgentConversationJson = (c: AgentConversation) => ({
  ...toConversationJson(c),
  openid: c.openid,
});
export const toMerchantLineJson = (m: MerchantLine) => ({ ...toLineJson(m), openid: m.openid });

export const toQuickReplyJson = (q: QuickReply) => ({
  id: q.id,
  text: q.text,
  created_by: q.createdBy,
  created_at: q.createdAt,
});

export const toReportJson = (r: Report): z.infer<typeof reportJson> => ({
  report_id: r.id,
  conversation_id: r.conversationId,
  app: r.app,
  reason: r.reason,
  note: r.note,
  blocked: r.blocked,
  created_at: r.createdAt,
});

/** The raw bytes of an image upload (the plugin's parser hands them over as a buffer). */
export function imageBytes(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}
