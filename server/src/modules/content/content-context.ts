import type { BlobStore } from '../../blobs/index.ts';
import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import type { FunnelService } from '../funnel/index.ts';
import { anchorView, mountingRefusal } from './anchor-rules.ts';
import type { AppCard, FeedRanker, MountableApps, Video } from './content.model.ts';
import { contentErrors } from './errors.ts';
import { findMounting, hasGrant, isOrgAccount } from './mounting.repository.ts';
import type { VideoCardRow } from './video.repository.ts';

export interface ContentDeps {
  db: Db;
  clock: Clock;
  blobs: BlobStore;
  apps: MountableApps;
  funnel: FunnelService;
  ranker: FeedRanker;
  limits?: { videoBytes?: number; coverBytes?: number };
}

const mountableTtlMs = 5_000;

/** What the parts of the content service share: deps, limits, the apps anchors may open. */
export function contentContext(deps: ContentDeps) {
  const { clock, apps } = deps;
  // Which apps anchors may open changes rarely (a release, a takedown); the feed asks on
  // every page, so answers are kept for a few seconds.
  const mountableCache = new Map<string, { card: AppCard | undefined; until: number }>();
  async function mountableCards(appids: string[]): Promise<Map<string, AppCard>> {
    const now = clock.now();
    const missing = appids.filter((id) => (mountableCache.get(id)?.until ?? 0) <= now);
    if (missing.length > 0) {
      const found = await apps.mountable(missing);
      for (const id of missing) mountableCache.set(id, { card: found.get(id), until: now + mountableTtlMs });
    }
    const out = new Map<string, AppCard>();
    for (const id of appids) {
      const card = mountableCache.get(id)?.card;
      if (card) out.set(id, card);
    }
    return out;
  }

  return {
    ...deps,
    videoBytes: deps.limits?.videoBytes ?? 64 * 1024 * 1024,
    coverBytes: deps.limits?.coverBytes ?? 5 * 1024 * 1024,

    /** The card of an app an anchor is about to point at; refused when it may not be mounted now. */
    async requireMountable(appid: string): Promise<AppCard> {
      const card = (await apps.mountable([appid])).get(appid);
      if (!card) throw contentErrors.ANCHOR_APP_NOT_MOUNTABLE({ appid });
      return card;
    },

    /** As `requireMountable`, and the app must let this creator mount it (anchor-rules.ts). */
    async requireMountableBy(creatorId: string, appid: string): Promise<AppCard> {
      const card = (await apps.mountable([appid])).get(appid);
      if (!card) throw contentErrors.ANCHOR_APP_NOT_MOUNTABLE({ appid });
      const { mode } = await findMounting(deps.db, appid);
      if (mode === 'ugc') return card;
      const refusal = mountingRefusal(mode, {
        ownAccount: await isOrgAccount(deps.db, card.orgId, creatorId),
        authorised: mode === 'influencer' && (await hasGrant(deps.db, appid, creatorId)),
      });
      if (refusal === 'not_own') throw contentErrors.CREATOR_NOT_OWN_ACCOUNT({ appid });
      if (refusal === 'not_authorised') throw contentErrors.CREATOR_NOT_AUTHORISED({ appid });
      return card;
    },

    /** Video rows as their cards show them, anchors to apps no longer mountable dropped. */
    async toVideos(rows: VideoCardRow[]): Promise<Video[]> {
      const cards = await mountableCards([
        ...new Set(rows.flatMap((r) => (r.anchor_appid ? [r.anchor_appid] : []))),
      ]);
      return rows.map((r) => ({
        id: r.id,
        caption: r.caption,
        creator: { id: r.creator_id, name: r.creator_name },
        videoType: r.video_type,
        likes: Number(r.likes),
        plays: Number(r.plays),
        createdAt: Number(r.created_at),
        anchor: r.anchor_appid
          ? anchorView(
              { appid: r.anchor_appid, title: r.anchor_title ?? '', path: r.anchor_path ?? '' },
              cards,
            )
          : null,
        place: r.place_id ? { poiId: r.place_id, name: r.place_name ?? '' } : null,
      }));
    },
  };
}

export type ContentContext = ReturnType<typeof contentContext>;
