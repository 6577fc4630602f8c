/**
 * Subscription messages: the operator's template library per industry category, the
 * templates apps select, the user's consent per template (`requestSubscribeMessage`),
 * the merchant's send (consent spent with the send, quotas, a per-user rate limit,
 * delivered through the outbox, `message.delivered`/`message.opened` webhooks), and the
 * user's service inbox with its live feed across processes.
 *
 * The dialects' server shapes (Douyin, WeChat) sit on `sending.send`:
 * @example
 * const sent = await messages.sending.send(appId, { openid, templateId, data: { thing1: 'Noodles' }, page: 'pages/order/order?id=1' });
 */
export { messageErrors } from './errors.ts';
export type { InboxService, InboxThread } from './inbox.service.ts';
export { type InboxFeed, type InboxNote, inboxFeedFor } from './inbox-feed.ts';
export { type KeywordType, keywordTypes, keywordValueProblem } from './keyword-types.ts';
export type {
  AppTemplate,
  LibraryTemplate,
  Message,
  SendInput,
  SubscribeResult,
  SubscribeSheet,
} from './messages.model.ts';
export { messagesPlugin } from './messages.plugin.ts';
export { createMessagesService, type MessagesService } from './messages.service.ts';
export type { MessagesTables, TemplateKind } from './messages.table.ts';
export { defaultMessageLimits, type MessageLimits, type MessagesDeps } from './messages-context.ts';
export { messagesMigrations } from './migrations/index.ts';
export { messagesPersonalData } from './personal-data.ts';
export { deliverMessageJobType, type SendService } from './send.service.ts';
export {
  maxTemplatesPerRequest,
  type Subscription,
  type SubscriptionService,
} from './subscription.service.ts';
export type { NewLibraryTemplate, TemplateSelection, TemplateService } from './template.service.ts';
