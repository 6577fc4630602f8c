import type { Db } from '../../db/database.ts';
import type { PersonalDataContributor } from '../../personal-data/index.ts';
import { deleteUserModel, userModelOf } from './model-state.repository.ts';

/** What the recommender learnt of a user (tastes, recent items, follows, served items), for data rights. */
export function recommendationPersonalData(db: Db): PersonalDataContributor {
  return {
    section: 'recommendation',
    async export(userId) {
      const model = await userModelOf(db, userId);
      return {
        tastes: model.features.map((f) => ({
          feature: f.feature,
          shows: Number(f.shows),
          positives: Number(f.positives),
        })),
        recent: model.recent.map((r) => ({ video_id: r.item_id, at: Number(r.at) })),
        follows: model.follows.map((f) => f.creator_id),
        served: model.seen.map((s) => ({ video_id: s.item_id, at: Number(s.at) })),
      };
    },
    async erase(userId, trx) {
      await deleteUserModel(trx, userId);
    },
  };
}
