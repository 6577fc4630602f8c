import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { BlobStore } from '../../blobs/index.ts';
import { BlobTooLargeError } from '../../blobs/index.ts';
import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { FunnelService, ReportedStep } from '../funnel/index.ts';
import type { AnchorRow, VideoRow } from './content.table.ts';
import { contentErrors } from './errors.ts';
import { decodeCursor, encodeCursor } from './feed-cursor.ts';
import { sniffImage, sniffVideo } from './media-type.ts';
import { freshForMs, hotScore, interleave } from './ranking.ts';
import * as videos from './video.repository.ts';

/** What content needs to know of an app: whether an anchor may open it now, and its card. */
export interface AppCard {
  appid: string;
  name: string;
  iconUrl: string | null;
  /** When the app was created: a new app's videos get exploration slots. */
  createdAt: number;
}
export interface MountableApps {
  /** The cards of the apps that may be mounted now (released, mounting allowed, not taken down). */
  mountable(appids: string[]): Promise<Map<string, AppCard>>;
}

export interface ContentDeps {
  db: Db;
  clock: Clock;
  blobs: BlobStore;
  apps: MountableApps;
  funnel: FunnelService;
  limits?: { videoBytes?: number; coverBytes?: number };
}

export interface StoredMedia {
  sha256: string;
  size: number;
  type: string;
}

export interface AnchorInput {
  appid: string;
  title: string;
  path: string;
}

export interface Anchor {
  appid: string;
  app_name: string;
  app_icon_url: string | null;
  title: string;
  path: string;
}

export interface FeedVideo {
  video_id: string;
  caption: string;
  creator: { id: string; name: string };
  video_url: string;
  cover_url: string;
  video_type: string;
  likes: number;
  plays: number;
  created_at: string;
  anchor: Anchor | null;
}

export const feedEventTypes = [
  'impression',
  'play',
  'complete',
  'like',
  'anchor_exposure',
  'anchor_click',
  'app_open',
] as const;
export type FeedEventType = (typeof feedEventTypes)[number];
export interface FeedEventInput {
  type: FeedEventType;
  video_id?: string;
  appid?: string;
  at: number;
}

const mountableTtlMs = 5_000;
const anchorPath = /^[A-Za-z0-9_\-./]+(\?[A-Za-z0-9_\-.~%=&+]*)?$/;
const funnelOf: Partial<Record<FeedEventType, ReportedStep>> = {
  anchor_exposure: 'anchor_exposure',
  anchor_click: 'anchor_click',
  app_open: 'app_open',
};

export interface ContentService {
  becomeCreator(userId: string, displayName: string): Promise<void>;
  isCreator(userId: string): Promise<boolean>;
  /** Stores an uploaded video or cover, checking by its bytes that it is one. */
  storeUpload(kind: 'video' | 'cover', source: Readable | Buffer): Promise<StoredMedia>;
  /** Drops uploads that no video ended up using (a refused publish). */
  discardUploads(stored: StoredMedia[]): Promise<void>;
  publishVideo(input: {
    userId: string;
    caption: string;
    video: StoredMedia;
    cover: StoredMedia;
    anchor?: AnchorInput;
  }): Promise<FeedVideo>;
  getVideo(id: string): Promise<FeedVideo>;
  mediaOf(
    id: string,
    which: 'file' | 'cover',
  ): Promise<{
    sha256: string;
    contentType: string;
  }>;
  removeVideo(
    id: string,
    by: {
      userId?: string;
      operator?: boolean;
    },
  ): Promise<void>;
  /** One page of the feed: ranked by score, every fourth slot for a new creator or app. */
  feed(input: { cursor?: string; limit: number }): Promise<{
    items: FeedVideo[];
    next_cursor: string | null;
  }>;
  /** A batch of client events: all valid, or none stored. */
  recordEvents(
    userId: string | null,
    batch: FeedEventInput[],
  ): Promise<{
    accepted: number;
  }>;
  like(
    videoId: string,
    userId: string,
    liked: boolean,
  ): Promise<{
    likes: number;
    liked: boolean;
  }>;
  createPoi(input: {
    name: string;
    address: string;
    lat: number;
    lng: number;
    createdBy: string;
    anchors: AnchorInput[];
  }): Promise<{
    poi_id: string;
    name: string;
    address: string;
    lat: number;
    lng: number;
    anchors: Anchor[];
  }>;
  getPoi(id: string): Promise<{
    poi_id: string;
    name: string;
    address: string;
    lat: number;
    lng: number;
    anchors: Anchor[];
  }>;
}

export function createContentService(deps: ContentDeps): ContentService {
  const { db, clock, blobs, apps, funnel } = deps;
  const videoBytes = deps.limits?.videoBytes ?? 64 * 1024 * 1024;
  const coverBytes = deps.limits?.coverBytes ?? 5 * 1024 * 1024;
  let cursorKey: Buffer | undefined;
  let agedAt = 0;

  async function key(): Promise<Buffer> {
    if (cursorKey) return cursorKey;
    await db
      .insertInto('content_key')
      .values({ name: 'feed_cursor', secret: randomBytes(32).toString('base64') })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const row = await db
      .selectFrom('content_key')
      .select('secret')
      .where('name', '=', 'feed_cursor')
      .executeTakeFirstOrThrow();
    cursorKey = Buffer.from(row.secret, 'base64');
    return cursorKey;
  }

  function validateAnchorShape(anchor: AnchorInput): void {
    const path = anchor.path.replace(/^\//, '');
    if (!anchorPath.test(path) || path.includes('..') || path.length > 512)
      throw contentErrors.ANCHOR_PATH_INVALID();
  }

  async function requireMountable(appid: string): Promise<AppCard> {
    const card = (await apps.mountable([appid])).get(appid);
    if (!card) throw contentErrors.ANCHOR_APP_NOT_MOUNTABLE({ appid });
    return card;
  }

  /** Stores an upload, checking by its bytes that it is what it claims; refused bytes are not kept. */
  async function storeMedia<T extends string>(
    source: Readable | Buffer,
    maxBytes: number,
    sniff: (head: Uint8Array) => T | undefined,
    refuse: () => Error,
  ): Promise<{ sha256: string; size: number; type: T }> {
    let stored: { sha256: string; size: number };
    try {
      stored = await blobs.put(source, { maxBytes });
    } catch (error) {
      if (error instanceof BlobTooLargeError) throw contentErrors.FILE_TOO_LARGE({ max_bytes: maxBytes });
      throw error;
    }
    const head = await readHead(blobs, stored.sha256);
    const type = sniff(head);
    if (!type) {
      if (!(await videos.blobInUse(db, stored.sha256))) await blobs.delete(stored.sha256);
      throw refuse();
    }
    return { ...stored, type };
  }

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

  async function toFeedVideos(rows: videos.VideoCardRow[]): Promise<FeedVideo[]> {
    const cards = await mountableCards([
      ...new Set(rows.flatMap((r) => (r.anchor_appid ? [r.anchor_appid] : []))),
    ]);
    return rows.map((r) => ({
      video_id: r.id,
      caption: r.caption,
      creator: { id: r.creator_id, name: r.creator_name },
      video_url: `/api/videos/${r.id}/file`,
      cover_url: `/api/videos/${r.id}/cover`,
      video_type: r.video_type,
      likes: Number(r.likes),
      plays: Number(r.plays),
      created_at: new Date(Number(r.created_at)).toISOString(),
      anchor: r.anchor_appid
        ? anchorView({ appid: r.anchor_appid, title: r.anchor_title ?? '', path: r.anchor_path ?? '' }, cards)
        : null,
    }));
  }

  async function videoCard(id: string): Promise<FeedVideo> {
    const row = await videos.findVideoCard(db, id);
    if (!row || row.status !== 'published') throw contentErrors.VIDEO_NOT_FOUND();
    return (await toFeedVideos([row]))[0] as FeedVideo;
  }

  return {
    async becomeCreator(userId: string, displayName: string): Promise<void> {
      await db
        .insertInto('creator')
        .values({ user_id: userId, display_name: displayName, created_at: clock.now() })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ display_name: displayName }))
        .execute();
    },

    async isCreator(userId: string): Promise<boolean> {
      return (
        (await db
          .selectFrom('creator')
          .select('user_id')
          .where('user_id', '=', userId)
          .executeTakeFirst()) !== undefined
      );
    },

    /** Stores an uploaded video or cover, checking by its bytes that it is one. */
    async storeUpload(kind: 'video' | 'cover', source: Readable | Buffer): Promise<StoredMedia> {
      return kind === 'video'
        ? storeMedia(source, videoBytes, sniffVideo, () => contentErrors.NOT_A_VIDEO())
        : storeMedia(source, coverBytes, sniffImage, () => contentErrors.NOT_AN_IMAGE());
    },

    /** Drops uploads that no video ended up using (a refused publish). */
    async discardUploads(stored: StoredMedia[]): Promise<void> {
      for (const s of stored) if (!(await videos.blobInUse(db, s.sha256))) await blobs.delete(s.sha256);
    },

    async publishVideo(input: {
      userId: string;
      caption: string;
      video: StoredMedia;
      cover: StoredMedia;
      anchor?: AnchorInput;
    }): Promise<FeedVideo> {
      if (!(await this.isCreator(input.userId))) throw contentErrors.NOT_CREATOR();
      if (input.anchor) validateAnchorShape(input.anchor);
      const card = input.anchor ? await requireMountable(input.anchor.appid) : undefined;
      const { video, cover } = input;
      if (!video.type.startsWith('video/')) throw contentErrors.NOT_A_VIDEO();
      if (!cover.type.startsWith('image/')) throw contentErrors.NOT_AN_IMAGE();
      const now = clock.now();
      const newCreator = (await videos.countVideosOf(db, input.userId)) < 3;
      const newApp = card ? now - card.createdAt < freshForMs : false;
      const id = newId('vid');
      await db.transaction().execute(async (trx) => {
        await videos.insertVideo(trx, {
          id,
          creator_id: input.userId,
          caption: input.caption,
          video_blob: video.sha256,
          video_type: video.type,
          video_size: video.size,
          cover_blob: cover.sha256,
          cover_type: cover.type,
          status: 'published',
          created_at: now,
          impressions: 0,
          plays: 0,
          completes: 0,
          likes: 0,
          hot: hotScore({ plays: 0, completes: 0, likes: 0 }, now),
          fresh: newCreator || newApp ? 1 : 0,
        });
        if (input.anchor) {
          await trx
            .insertInto('anchor')
            .values({
              id: newId('anc'),
              owner_kind: 'video',
              owner_id: id,
              appid: input.anchor.appid,
              title: input.anchor.title,
              path: input.anchor.path.replace(/^\//, ''),
              created_at: now,
            })
            .execute();
        }
      });
      return videoCard(id);
    },

    async getVideo(id: string): Promise<FeedVideo> {
      return videoCard(id);
    },

    async mediaOf(id: string, which: 'file' | 'cover'): Promise<{ sha256: string; contentType: string }> {
      const row = await videos.findVideo(db, id);
      if (!row || row.status !== 'published') throw contentErrors.VIDEO_NOT_FOUND();
      return which === 'file'
        ? { sha256: row.video_blob, contentType: row.video_type }
        : { sha256: row.cover_blob, contentType: row.cover_type };
    },

    async removeVideo(id: string, by: { userId?: string; operator?: boolean }): Promise<void> {
      const row = await videos.findVideo(db, id);
      if (!row || row.status !== 'published' || (!by.operator && row.creator_id !== by.userId)) {
        throw contentErrors.VIDEO_NOT_FOUND();
      }
      await db.updateTable('video').set({ status: 'removed' }).where('id', '=', id).execute();
    },

    /** One page of the feed: ranked by score, every fourth slot for a new creator or app. */
    async feed(input: {
      cursor?: string;
      limit: number;
    }): Promise<{ items: FeedVideo[]; next_cursor: string | null }> {
      const k = await key();
      const pos = input.cursor ? decodeCursor(k, input.cursor) : {};
      if (!pos) throw contentErrors.BAD_CURSOR();
      const now = clock.now();
      if (now - agedAt > 60_000) {
        agedAt = now;
        await videos.ageFreshVideos(db, now - freshForMs);
      }
      const { ranked, fresh } = await videos.feedCandidates(
        db,
        { hot: pos.h, hotId: pos.hi, createdAt: pos.c, createdId: pos.ci },
        input.limit,
      );
      const { page, usedRanked, usedFresh } = interleave(ranked, fresh, input.limit);
      const lastRanked = ranked[usedRanked - 1];
      const lastFresh = fresh[usedFresh - 1];
      const next = {
        h: lastRanked ? lastRanked.hot : pos.h,
        hi: lastRanked ? lastRanked.id : pos.hi,
        c: lastFresh ? Number(lastFresh.created_at) : pos.c,
        ci: lastFresh ? lastFresh.id : pos.ci,
      };
      const more = page.length === input.limit;
      return { items: await toFeedVideos(page), next_cursor: more ? encodeCursor(k, next) : null };
    },

    /** A batch of client events: all valid, or none stored. */
    async recordEvents(userId: string | null, batch: FeedEventInput[]): Promise<{ accepted: number }> {
      const now = clock.now();
      const videoIds = [...new Set(batch.flatMap((e) => (e.video_id ? [e.video_id] : [])))];
      const known = videoIds.length
        ? new Set(
            (await db.selectFrom('video').select('id').where('id', 'in', videoIds).execute()).map(
              (r) => r.id,
            ),
          )
        : new Set<string>();
      batch.forEach((e, index) => {
        const problem =
          e.at > now + 5 * 60_000
            ? 'is in the future'
            : e.at < now - 7 * 24 * 3600_000
              ? 'is older than 7 days'
              : e.video_id && !known.has(e.video_id)
                ? 'names an unknown video'
                : funnelOf[e.type] && !e.appid
                  ? 'needs an appid'
                  : !funnelOf[e.type] && !e.video_id
                    ? 'needs a video_id'
                    : undefined;
        if (problem) throw contentErrors.EVENT_INVALID({ index, problem });
      });
      await db.transaction().execute(async (trx) => {
        for (const e of batch) {
          await trx
            .insertInto('feed_event')
            .values({
              id: newId('ev'),
              type: e.type,
              video_id: e.video_id ?? null,
              appid: e.appid ?? null,
              user_id: userId,
              at: e.at,
              received_at: now,
            })
            .execute();
          const step = funnelOf[e.type];
          // The funnel decides what counts: signed-in reports, once per user, video and day.
          if (step && e.appid) {
            await funnel.recordReported(trx, {
              appid: e.appid,
              step,
              userId,
              videoId: e.video_id ?? null,
              at: e.at,
            });
          }
        }
        const deltas = new Map<string, { impressions: number; plays: number; completes: number }>();
        for (const e of batch) {
          if (!e.video_id || !['impression', 'play', 'complete'].includes(e.type)) continue;
          const d = deltas.get(e.video_id) ?? { impressions: 0, plays: 0, completes: 0 };
          if (e.type === 'impression') d.impressions++;
          if (e.type === 'play') d.plays++;
          if (e.type === 'complete') d.completes++;
          deltas.set(e.video_id, d);
        }
        for (const [id, d] of deltas) {
          const row = await videos.addCounters(trx, id, d);
          if (row) await videos.setHot(trx, id, hotScore(counts(row), Number(row.created_at)));
        }
      });
      return { accepted: batch.length };
    },

    async like(videoId: string, userId: string, liked: boolean): Promise<{ likes: number; liked: boolean }> {
      return db.transaction().execute(async (trx) => {
        const row = await videos.findVideo(trx, videoId);
        if (!row || row.status !== 'published') throw contentErrors.VIDEO_NOT_FOUND();
        const changed = liked
          ? Number(
              (
                await trx
                  .insertInto('video_like')
                  .values({ video_id: videoId, user_id: userId, created_at: clock.now() })
                  .onConflict((oc) => oc.doNothing())
                  .executeTakeFirst()
              ).numInsertedOrUpdatedRows ?? 0n,
            )
          : Number(
              (
                await trx
                  .deleteFrom('video_like')
                  .where('video_id', '=', videoId)
                  .where('user_id', '=', userId)
                  .executeTakeFirst()
              ).numDeletedRows,
            );
        let likes = Number(row.likes);
        if (changed > 0) {
          const updated = await videos.addCounters(trx, videoId, { likes: liked ? 1 : -1 });
          if (updated) {
            likes = Number(updated.likes);
            await videos.setHot(trx, videoId, hotScore(counts(updated), Number(updated.created_at)));
          }
        }
        return { likes, liked };
      });
    },

    async createPoi(input: {
      name: string;
      address: string;
      lat: number;
      lng: number;
      createdBy: string;
      anchors: AnchorInput[];
    }) {
      for (const a of input.anchors) validateAnchorShape(a);
      const cards = await apps.mountable(input.anchors.map((a) => a.appid));
      for (const a of input.anchors)
        if (!cards.has(a.appid)) throw contentErrors.ANCHOR_APP_NOT_MOUNTABLE({ appid: a.appid });
      const id = newId('poi');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('poi')
          .values({
            id,
            name: input.name,
            address: input.address,
            lat_e6: Math.round(input.lat * 1e6),
            lng_e6: Math.round(input.lng * 1e6),
            created_by: input.createdBy,
            created_at: now,
          })
          .execute();
        for (const a of input.anchors) {
          await trx
            .insertInto('anchor')
            .values({
              id: newId('anc'),
              owner_kind: 'poi',
              owner_id: id,
              appid: a.appid,
              title: a.title,
              path: a.path.replace(/^\//, ''),
              created_at: now,
            })
            .execute();
        }
      });
      return this.getPoi(id);
    },

    async getPoi(id: string) {
      const poi = await db.selectFrom('poi').selectAll().where('id', '=', id).executeTakeFirst();
      if (!poi) throw contentErrors.POI_NOT_FOUND();
      const anchors = await videos.anchorsOf(db, 'poi', [id]);
      const cards = await apps.mountable(anchors.map((a) => a.appid));
      return {
        poi_id: poi.id,
        name: poi.name,
        address: poi.address,
        lat: poi.lat_e6 / 1e6,
        lng: poi.lng_e6 / 1e6,
        anchors: anchors.flatMap((a) => {
          const view = anchorView(a, cards);
          return view ? [view] : [];
        }),
      };
    },
  };
}

function counts(row: VideoRow) {
  return { plays: Number(row.plays), completes: Number(row.completes), likes: Number(row.likes) };
}

/** An anchor whose app can no longer be mounted disappears instead of breaking. */
function anchorView(
  anchor: Pick<AnchorRow, 'appid' | 'title' | 'path'> | undefined,
  cards: Map<string, AppCard>,
): Anchor | null {
  if (!anchor) return null;
  const card = cards.get(anchor.appid);
  if (!card) return null;
  return {
    appid: anchor.appid,
    app_name: card.name,
    app_icon_url: card.iconUrl,
    title: anchor.title,
    path: anchor.path,
  };
}

async function readHead(blobs: BlobStore, sha256: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of blobs.read(sha256, { start: 0, end: 63 })) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
