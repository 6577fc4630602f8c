export { PlazaClient, type PlazaClientOptions } from './client.ts';
export { PlazaApiError, WebhookSignatureError } from './errors.ts';
export type * from './types.ts';
export { verifyWebhook } from './webhooks.ts';
