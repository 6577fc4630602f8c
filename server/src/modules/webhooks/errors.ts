import { defineErrors } from '../../errors/index.ts';

/** The webhooks module's coded errors (documented in docs/errors.md). */
export const webhookErrors = defineErrors('WEBHOOK', {
  DELIVERY_NOT_FOUND: { status: 404, message: 'No such webhook delivery for this app' },
});
