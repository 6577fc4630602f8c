import type { Db } from '../../db/database.ts';
import type { PersonalDataContributor } from '../../personal-data/index.ts';
import { stepsOf, unlinkStepsOf } from './funnel.repository.ts';

/**
 * The funnel steps recorded with the user's id. Erasing unlinks them: each app's daily
 * funnel keeps its counts, and no step points at a person any more.
 */
export function funnelPersonalData(db: Db): PersonalDataContributor {
  return {
    section: 'funnel',
    async export(userId) {
      const steps = await stepsOf(db, userId);
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
      await unlinkStepsOf(trx, userId);
    },
  };
}
