/**
 * Customer service: a chat between a user and a merchant inside the super app (text,
 * images checked by their bytes, the page or order it was opened from as a card), the
 * merchant's answers from its server (signed `support.message` webhooks, polling, a reply
 * API) or from the agent inbox its org shares, within Douyin's reply window (48 hours
 * after the user's last line, 5 answers), live both ways across processes; the user's
 * reports and blocks, seen by the operator.
 *
 * @example
 * await support.merchant.reply(appId, openid, { text: 'Your order left the kitchen' });
 */
export type { AgentConversation, AgentService, QuickReply } from './agent.service.ts';
export { type ChatService, reportReasons } from './chat.service.ts';
export { customerServicePlugin } from './customer-service.plugin.ts';
export {
  type CustomerServiceService,
  createCustomerServiceService,
  type ImageViewer,
  type Report,
} from './customer-service.service.ts';
export type { CustomerServiceTables } from './customer-service.table.ts';
export {
  type CustomerServiceDeps,
  type CustomerServiceLimits,
  defaultSupportLimits,
} from './customer-service-context.ts';
export { supportErrors } from './errors.ts';
export type { MerchantService } from './merchant.service.ts';
export { customerServiceMigrations } from './migrations/index.ts';
export { customerServicePersonalData } from './personal-data.ts';
export type { Conversation, OrderCard, SupportCard, SupportMessage } from './support.model.ts';
export { type SupportFeed, type SupportNote, supportFeedFor } from './support-feed.ts';
