import type { ContentContext } from './content-context.ts';
import { listCreators } from './creator.repository.ts';
import { contentErrors } from './errors.ts';
import * as videos from './video.repository.ts';

/** A video as the operator sees it: any status, with what its card shows and its reach. */
export interface ModeratedVideo {
  id: string;
  caption: string;
  creator: { id: string; name: string };
  status: 'published' | 'removed' | 'taken_down';
  takedownReason: string | null;
  anchor: { appid: string; title: string; path: string } | null;
  place: { poiId: string; name: string } | null;
  impressions: number;
  plays: number;
  likes: number;
  createdAt: number;
}

export interface CreatorSummary {
  userId: string;
  name: string;
  published: number;
  takenDown: number;
  createdAt: number;
}

/** The operator's hold on content: what is published, by whom, and taking it down or back. */
export interface ModerationService {
  moderatedVideos(filter: {
    id?: string;
    status?: ModeratedVideo['status'];
    creatorId?: string;
    before?: string;
    limit: number;
  }): Promise<ModeratedVideo[]>;
  creators(limit: number): Promise<CreatorSummary[]>;
  /** Out of the feed and search at once; the reason stays with the video. */
  takeDownVideo(id: string, reason: string): Promise<ModeratedVideo>;
  /** Back into the feed and search. */
  reinstateVideo(id: string): Promise<ModeratedVideo>;
}

type ModerationDeps = Pick<ContentContext, 'db' | 'ranker'>;

export function createModerationService(ctx: ModerationDeps): ModerationService {
  const { db } = ctx;

  async function moderatedVideos(filter: Parameters<ModerationService['moderatedVideos']>[0]) {
    const rows = await videos.listVideoCards(db, filter);
    return rows.map(
      (r): ModeratedVideo => ({
        id: r.id,
        caption: r.caption,
        creator: { id: r.creator_id, name: r.creator_name },
        status: r.status,
        takedownReason: r.takedown_reason,
        anchor:
          r.anchor_appid === null
            ? null
            : { appid: r.anchor_appid, title: r.anchor_title ?? '', path: r.anchor_path ?? '' },
        place: r.place_id === null ? null : { poiId: r.place_id, name: r.place_name ?? '' },
        impressions: Number(r.impressions),
        plays: Number(r.plays),
        likes: Number(r.likes),
        createdAt: Number(r.created_at),
      }),
    );
  }

  async function one(id: string): Promise<ModeratedVideo> {
    const [video] = await moderatedVideos({ id, limit: 1 });
    if (!video) throw contentErrors.VIDEO_NOT_FOUND();
    return video;
  }

  return {
    moderatedVideos,
    async creators(limit) {
      return (await listCreators(db, limit)).map((c) => ({
        userId: c.user_id,
        name: c.display_name,
        published: Number(c.published),
        takenDown: Number(c.taken_down),
        createdAt: Number(c.created_at),
      }));
    },
    async takeDownVideo(id, reason) {
      if (!(await videos.setTakedown(db, id, reason))) {
        const row = await videos.findVideo(db, id);
        throw row
          ? contentErrors.VIDEO_NOT_PUBLISHED({ status: row.status })
          : contentErrors.VIDEO_NOT_FOUND();
      }
      await ctx.ranker.itemRemoved(id);
      return one(id);
    },
    async reinstateVideo(id) {
      if (!(await videos.setTakedown(db, id, null))) {
        const row = await videos.findVideo(db, id);
        throw row
          ? contentErrors.VIDEO_NOT_TAKEN_DOWN({ status: row.status })
          : contentErrors.VIDEO_NOT_FOUND();
      }
      const video = await one(id);
      await ctx.ranker.itemPublished({
        videoId: id,
        creatorId: video.creator.id,
        appid: video.anchor?.appid ?? null,
        caption: video.caption,
        createdAt: video.createdAt,
      });
      return video;
    },
  };
}
