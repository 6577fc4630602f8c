import type { Db } from '../../db/database.ts';
import type { PersonalDataContributor } from '../data-rights/index.ts';
import { hotScore } from './ranking.ts';
import * as videos from './video.repository.ts';

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
      const creator = await db
        .selectFrom('creator')
        .selectAll()
        .where('user_id', '=', userId)
        .executeTakeFirst();
      const own = await db
        .selectFrom('video')
        .select(['id', 'caption', 'status', 'created_at', 'likes', 'plays'])
        .where('creator_id', '=', userId)
        .orderBy('created_at')
        .execute();
      const likes = await db
        .selectFrom('video_like')
        .select(['video_id', 'created_at'])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();
      const events = await db
        .selectFrom('feed_event')
        .select(['type', 'video_id', 'appid', 'at'])
        .where('user_id', '=', userId)
        .orderBy('at')
        .execute();
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
      await trx
        .updateTable('video')
        .set({ status: 'removed', caption: '' })
        .where('creator_id', '=', userId)
        .execute();
      // The row stays (videos reference it); the name the user chose does not.
      await trx
        .updateTable('creator')
        .set({ display_name: 'Deleted user' })
        .where('user_id', '=', userId)
        .execute();
      const liked = await trx
        .deleteFrom('video_like')
        .where('user_id', '=', userId)
        .returning('video_id')
        .execute();
      for (const { video_id } of liked) {
        const row = await videos.addCounters(trx, video_id, { likes: -1 });
        if (row) {
          const counts = {
            plays: Number(row.plays),
            completes: Number(row.completes),
            likes: Number(row.likes),
          };
          await videos.setHot(trx, video_id, hotScore(counts, Number(row.created_at)));
        }
      }
      await trx.updateTable('feed_event').set({ user_id: null }).where('user_id', '=', userId).execute();
    },
  };
}
