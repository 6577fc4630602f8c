import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { WebhookSignatureError } from './errors.ts';
import type { WebhookEvent } from './types.ts';

/**
 * Verifies a callback from Plaza (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
 * `webhook-signature`, HMAC-SHA256 with the app's `whsec_…` signing secret) and returns
 * the event. Pass the body exactly as received, before any JSON parsing. Timestamps more
 * than 5 minutes away are refused, so a captured callback cannot be replayed later.
 *
 * @example
 * const event = verifyWebhook(process.env.PLAZA_WEBHOOK_SECRET, req.headers, rawBody);
 * if (event.type === 'payment.paid') …
 */
export function verifyWebhook<T = Record<string, unknown>>(
  signingSecret: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string | Buffer,
): WebhookEvent<T> & { id: string } {
  const pick = (name: string) => {
    const v = headers[name] ?? headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
  };
  const id = pick('webhook-id');
  const timestamp = pick('webhook-timestamp');
  const signature = pick('webhook-signature');
  if (!id || !timestamp || !signature)
    throw new WebhookSignatureError('Missing webhook-id, webhook-timestamp or webhook-signature');
  try {
    const event = new Webhook(signingSecret).verify(rawBody, {
      'webhook-id': id,
      'webhook-timestamp': timestamp,
      'webhook-signature': signature,
    }) as WebhookEvent<T>;
    return { ...event, id };
  } catch (error) {
    if (error instanceof WebhookVerificationError) throw new WebhookSignatureError(error.message);
    throw error;
  }
}
