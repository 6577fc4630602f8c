import type { Db } from '../../db/database.ts';
import type { PersonalDataContributor } from '../../personal-data/index.ts';
import { findCreator, forgetCreatorName } from './creator.repository.ts';
import { countEngagement } from './engagement.ts';
import { feedEventsOf, unlinkFeedEventsOf } from './feed-event.repository.ts';
import { deleteLikesOf, likesOf, removeVideosOf, videosOf } from './video.repository.ts';

/**
 * What content holds about a user: their creator name and videos, their likes and the
 * feed events their device sent. Erasing removes the videos from every feed and forgets
 * the creator name, takes the likes back (so the counters stay true) and unlinks the
 * feed events, whose counts the rankings already absorbed.
 */
export function contentPersonalData(db: Db): PersonalDataContributor {
  return {
    section: 'content',
    async export(userId) {
      const [creator, own, likes, events] = await Promise.all([
        findCreator(db, userId),
        videosOf(db, userId),
        likesOf(db, userId),
        feedEventsOf(db, userId),
      ]);
      return {
        creator: creator ? { display_name: creator.display_name, since: Number(creator.created_at) } : null,
        videos: own.map((v) => ({
          video_id: v.id,
          caption: v.caption,
          status: v.status,
          created_at: Number(v.created_at),
          likes: Number(v.likes),
          plays: Number(v.plays),
        })),
        likes: likes.map((l) => ({ video_id: l.video_id, liked_at: Number(l.created_at) })),
        feed_events: events.map((e) => ({
          type: e.type,
          video_id: e.video_id,
          appid: e.appid,
          at: Number(e.at),
        })),
      };
    },
    async erase(userId, trx) {
      await removeVideosOf(trx, userId);
      await forgetCreatorName(trx, userId);
      // Taking the likes back keeps every video's counter true.
      for (const videoId of await deleteLikesOf(trx, userId))
        await countEngagement(trx, videoId, { likes: -1 });
      await unlinkFeedEventsOf(trx, userId);
    },
  };
}
