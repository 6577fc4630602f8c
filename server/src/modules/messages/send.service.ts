import { newId } from '../../db/ids.ts';
import { defineJob, type JobQueue, PermanentJobError } from '../../jobs/index.ts';
import { appErrors } from '../apps/index.ts';
import { messageErrors } from './errors.ts';
import { findMessage, insertMessage, markDelivered } from './message.repository.ts';
import { checkedFields, checkedPage, toMessage } from './message-content.ts';
import type { Message, SendInput } from './messages.model.ts';
import { type MessagesContext, utcDay } from './messages-context.ts';
import { claimSendSlot, countAgainstQuota, isMuted, spendConsent } from './subscription.repository.ts';
import { findAppTemplate, findLibraryTemplate } from './template.repository.ts';
import { toAppTemplate } from './template-rows.ts';

type SendDeps = Pick<
  MessagesContext,
  'db' | 'clock' | 'apps' | 'login' | 'webhooks' | 'jobs' | 'feed' | 'limits' | 'industries'
>;

export const deliverMessageJobType = 'messages.deliver';

/** The merchant's side: sending a subscription message, and what became of it. */
export interface SendService {
  /**
   * Sends a message to the user behind `openid` (`appId`: the internal `app_…` id).
   * Checks, in order: the template is the app's and not withdrawn, the data fits its
   * keywords, the page, the user, mute; then in one transaction spends one consent,
   * claims the per-user slot and the daily quotas, stores the message and enqueues its
   * delivery. Any refusal leaves everything as it was, the consent unspent.
   */
  send(appId: string, input: SendInput): Promise<Message>;
  /** A message the app sent, with its delivery and open times. */
  get(appId: string, messageId: string): Promise<Message>;
}

export function createSendService(deps: SendDeps): SendService {
  const { db, clock, apps, login, webhooks, jobs, feed, limits } = deps;

  // The outbox step: the message reaches the user's inbox, open inboxes hear of it, and
  // the app's server is told, all in one transaction; a second run finds it delivered.
  const deliverJob = defineJob<{ messageId: string }>({
    type: deliverMessageJobType,
    parse: (payload) => {
      const p = payload as { messageId?: unknown } | null;
      if (typeof p?.messageId !== 'string') throw new Error('bad payload');
      return { messageId: p.messageId };
    },
    handle: async (job) => {
      const row = await findMessage(db, job.payload.messageId);
      if (!row) throw new PermanentJobError('The message is gone (the user was erased)');
      if (row.status !== 'sent') return;
      const { openid } = await login.pairwiseIdsOf(row.app_id, row.user_id);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        if (!(await markDelivered(trx, row.id, now))) return;
        await feed.announce(trx, { userId: row.user_id, messageId: row.id });
        await webhooks.enqueueEvent(trx, {
          appId: row.app_id,
          type: 'message.delivered',
          data: { message_id: row.id, template_id: row.template_id, openid, delivered_at: now },
        });
      });
    },
  });
  jobs.register(deliverJob as Parameters<JobQueue['register']>[0]);

  return {
    async send(appId, input) {
      const app = await apps.get(appId);
      if (!app) throw appErrors.NOT_FOUND({ appid: appId });
      const row = input.templateId.length <= 64 ? await findAppTemplate(db, input.templateId) : undefined;
      if (!row || row.app_id !== app.id)
        throw messageErrors.TEMPLATE_NOT_FOUND({ template_id: input.templateId });
      const template = toAppTemplate(row, app.appid);
      const library = await findLibraryTemplate(db, template.libraryId);
      if (library?.status !== 'active') throw messageErrors.TEMPLATE_BANNED({ template_id: template.id });
      if (template.kind === 'long_term')
        await deps.industries.requireCapability(app.id, 'long_term_subscription');
      const fields = checkedFields(template, input.data, input.dataBy);
      const page = checkedPage(input.page);
      const userId = await login.resolveOpenid(app.id, input.openid);
      if (await isMuted(db, userId, app.id)) throw messageErrors.USER_MUTED();

      const now = clock.now();
      const day = utcDay(now);
      const message = {
        id: newId('sm'),
        app_id: app.id,
        appid: app.appid,
        user_id: userId,
        template_id: template.id,
        title: template.title,
        data: JSON.stringify(fields),
        page,
        status: 'sent' as const,
        sent_at: now,
        delivered_at: null,
        read_at: null,
        opened_at: null,
        ordered_at: null,
      };
      await db.transaction().execute(async (trx) => {
        const key = { appId: app.id, userId, templateId: template.id };
        // First: it locks the user's consent row, so concurrent sends queue behind it.
        if (!(await spendConsent(trx, key, template.kind === 'long_term', now))) {
          throw messageErrors.CONSENT_REQUIRED({ template_id: template.id });
        }
        if (!(await claimSendSlot(trx, { appId: app.id, userId }, now, limits.userGapMs))) {
          throw messageErrors.RATE_LIMITED({ retry_after_ms: limits.userGapMs });
        }
        if (!(await countAgainstQuota(trx, { appId: app.id, userId, day }, limits.perUserPerDay))) {
          throw messageErrors.USER_QUOTA_EXCEEDED({ limit: limits.perUserPerDay });
        }
        if (!(await countAgainstQuota(trx, { appId: app.id, userId: '', day }, limits.perAppPerDay))) {
          throw messageErrors.APP_QUOTA_EXCEEDED({ limit: limits.perAppPerDay });
        }
        await insertMessage(trx, message);
        await jobs.enqueue(
          trx,
          deliverJob,
          { messageId: message.id },
          { key: `${deliverMessageJobType}:${message.id}` },
        );
      });
      // The enqueue woke the workers before the commit made the job visible: wake them now.
      jobs.workers.wake();
      return toMessage(message, app.appid);
    },

    async get(appId, messageId) {
      const app = await apps.get(appId);
      const row = messageId.length <= 64 ? await findMessage(db, messageId) : undefined;
      if (!app || !row || row.app_id !== appId)
        throw messageErrors.MESSAGE_NOT_FOUND({ message_id: messageId });
      return toMessage(row, app.appid);
    },
  };
}
