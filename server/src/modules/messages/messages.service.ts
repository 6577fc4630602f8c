import { createInboxService, type InboxService } from './inbox.service.ts';
import { type MessagesDeps, messagesContext } from './messages-context.ts';
import { createSendService, type SendService } from './send.service.ts';
import { createSubscriptionService, type SubscriptionService } from './subscription.service.ts';
import { createTemplateService, type TemplateService } from './template.service.ts';

/**
 * Subscription messages: the operator's template library and apps' templates, the
 * user's consent per template, the merchant's send through the outbox, the service inbox.
 */
export interface MessagesService {
  templates: TemplateService;
  subscriptions: SubscriptionService;
  sending: SendService;
  inbox: InboxService;
}

export function createMessagesService(deps: MessagesDeps): MessagesService {
  const ctx = messagesContext(deps);
  return {
    templates: createTemplateService(ctx),
    subscriptions: createSubscriptionService(ctx),
    sending: createSendService(ctx),
    inbox: createInboxService(ctx),
  };
}
