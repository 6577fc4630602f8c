/**
 * Signed callbacks to merchants' servers (Standard Webhooks), from the durable outbox:
 * other modules call `enqueueEvent(trx, …)` in the transaction of their state change.
 */
export { webhookErrors } from './errors.ts';
export { webhookMigrations } from './migrations/index.ts';
export type { WebhookAttempt, WebhookDelivery } from './webhook.model.ts';
export { type Acknowledgement, signedHeaders, webhookTimeoutMs } from './webhook-sender.ts';
export { type WebhookTargetRules, webhookUrlProblem } from './webhook-target.ts';
export { webhooksPlugin } from './webhooks.plugin.ts';
export {
  createWebhooksService,
  type DialectCallback,
  deliverJobType,
  type WebhookEvent,
  type WebhooksDeps,
  type WebhooksService,
} from './webhooks.service.ts';
export type { DeliveryStatus, WebhookTables } from './webhooks.table.ts';
