import type { Db } from '../../db/database.ts';
import type { PersonalDataContributor } from '../../personal-data/index.ts';
import { eventsOf, unlinkUser } from './search-event.repository.ts';

/**
 * A signed-in user's searches and the steps after them (their recent searches). Erasing
 * unlinks them: the funnel and the popular searches keep their counts, and the user's
 * recent searches are gone.
 */
export function searchPersonalData(db: Db): PersonalDataContributor {
  return {
    section: 'search',
    async export(userId) {
      return {
        searches: (await eventsOf(db, userId)).map((e) => ({
          step: e.step,
          query: e.query,
          result: e.doc_id,
          at: Number(e.at),
        })),
      };
    },
    erase: (userId, trx) => unlinkUser(trx, userId),
  };
}
