import type { Db } from '../../db/database.ts';
import type { PersonalDataContributor } from '../../personal-data/index.ts';
import { deleteMessagesOfUser, listMessagesOfUser } from './message.repository.ts';
import {
  deleteCountersOfUser,
  deleteMutesOfUser,
  deleteSubscriptionsOfUser,
  listMutesOfUser,
  listSubscriptionsOfUser,
} from './subscription.repository.ts';

/** The user's subscription messages, consents and mutes, for data rights. */
export function messagesPersonalData(db: Db): PersonalDataContributor {
  return {
    section: 'messages',
    async export(userId) {
      const [messages, subscriptions, mutes] = await Promise.all([
        listMessagesOfUser(db, userId),
        listSubscriptionsOfUser(db, userId),
        listMutesOfUser(db, userId),
      ]);
      return {
        messages: messages.map((m) => ({
          id: m.id,
          app_id: m.app_id,
          template_id: m.template_id,
          title: m.title,
          fields: JSON.parse(m.data) as unknown,
          page: m.page,
          sent_at: Number(m.sent_at),
          delivered_at: m.delivered_at === null ? null : Number(m.delivered_at),
          read_at: m.read_at === null ? null : Number(m.read_at),
          opened_at: m.opened_at === null ? null : Number(m.opened_at),
        })),
        subscriptions: subscriptions.map((s) => ({
          app_id: s.app_id,
          template_id: s.template_id,
          credits: Number(s.credits),
          long_term: Number(s.long_term) === 1,
          remembered: s.remembered,
          updated_at: Number(s.updated_at),
        })),
        muted_apps: mutes.map((m) => ({ app_id: m.app_id, muted_at: Number(m.muted_at) })),
      };
    },
    async erase(userId, trx) {
      await deleteMessagesOfUser(trx, userId);
      await deleteSubscriptionsOfUser(trx, userId);
      await deleteMutesOfUser(trx, userId);
      await deleteCountersOfUser(trx, userId);
    },
    async appsUsed(userId) {
      const subscriptions = await listSubscriptionsOfUser(db, userId);
      return [...new Set(subscriptions.map((s) => s.app_id))];
    },
  };
}
