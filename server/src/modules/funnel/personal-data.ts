import type { Db } from '../../db/database.ts';
import type { PersonalDataContributor } from '../data-rights/index.ts';

/**
 * The funnel steps recorded with the user's id. Erasing unlinks them: each app's daily
 * funnel keeps its counts, and no step points at a person any more.
 */
export function funnelPersonalData(db: Db): PersonalDataContributor {
  return {
    section: 'funnel',
    async export(userId) {
      const steps = await db
        .selectFrom('funnel_event')
        .select(['appid', 'step', 'amount', 'at'])
        .where('user_id', '=', userId)
        .orderBy('at')
        .execute();
      return {
        steps: steps.map((s) => ({
          appid: s.appid,
          step: s.step,
          amount: Number(s.amount),
          at: Number(s.at),
        })),
      };
    },
    async erase(userId, trx) {
      await trx
        .updateTable('funnel_event')
        .set({ user_id: null, reported_key: null })
        .where('user_id', '=', userId)
        .execute();
    },
  };
}
