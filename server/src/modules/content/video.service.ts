import type { Readable } from 'node:stream';
import { type BlobStore, BlobTooLargeError, sniffImage, sniffVideo } from '../../blobs/index.ts';
import type { Executor } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { addAnchor } from './anchor.repository.ts';
import { validateAnchorShape } from './anchor-rules.ts';
import type { AnchorInput, StoredMedia, Video } from './content.model.ts';
import type { VideoRow } from './content.table.ts';
import type { ContentContext } from './content-context.ts';
import { findCreator, upsertCreator } from './creator.repository.ts';
import { countEngagement } from './engagement.ts';
import { contentErrors } from './errors.ts';
import { findPoi } from './poi.repository.ts';
import { freshForMs, hotScore } from './ranking.ts';
import * as videos from './video.repository.ts';

export interface PublishInput {
  userId: string;
  caption: string;
  video: StoredMedia;
  cover: StoredMedia;
  anchor?: AnchorInput;
  /** The place (POI) the video points to. */
  poiId?: string;
}

/** Creators, their videos and the likes viewers give them. */
export interface VideoService {
  becomeCreator(userId: string, displayName: string): Promise<void>;
  isCreator(userId: string): Promise<boolean>;
  /** The creator's display name; undefined when the user is no creator. */
  creatorName(userId: string): Promise<string | undefined>;
  /** Stores an uploaded video or cover, checking by its bytes that it is one. */
  storeUpload(kind: 'video' | 'cover', source: Readable | Buffer): Promise<StoredMedia>;
  /** Drops uploads that no video ended up using (a refused publish). */
  discardUploads(stored: StoredMedia[]): Promise<void>;
  publishVideo(input: PublishInput): Promise<Video>;
  getVideo(id: string): Promise<Video>;
  mediaOf(id: string, which: 'file' | 'cover'): Promise<{ sha256: string; contentType: string }>;
  removeVideo(id: string, by: { userId?: string; operator?: boolean }): Promise<void>;
  like(videoId: string, userId: string, liked: boolean): Promise<{ likes: number; liked: boolean }>;
}

type VideoDeps = Pick<
  ContentContext,
  'db' | 'clock' | 'blobs' | 'videoBytes' | 'coverBytes' | 'requireMountableBy' | 'toVideos' | 'ranker'
>;

export function createVideoService(ctx: VideoDeps): VideoService {
  const { db, clock, blobs } = ctx;

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
    const type = sniff(await readHead(blobs, stored.sha256));
    if (!type) {
      if (!(await videos.blobInUse(db, stored.sha256))) await blobs.delete(stored.sha256);
      throw refuse();
    }
    return { ...stored, type };
  }

  /** A video viewers may see; anything else is not found, whoever asks. */
  async function publishedVideo(exec: Executor, id: string): Promise<VideoRow> {
    const row = await videos.findVideo(exec, id);
    if (row?.status !== 'published') throw contentErrors.VIDEO_NOT_FOUND();
    return row;
  }

  async function isCreator(userId: string): Promise<boolean> {
    return (await findCreator(db, userId)) !== undefined;
  }

  async function getVideo(id: string): Promise<Video> {
    const row = await videos.findVideoCard(db, id);
    if (row?.status !== 'published') throw contentErrors.VIDEO_NOT_FOUND();
    return (await ctx.toVideos([row]))[0] as Video;
  }

  return {
    async becomeCreator(userId, displayName) {
      await upsertCreator(db, userId, displayName, clock.now());
    },

    isCreator,
    async creatorName(userId) {
      return (await findCreator(db, userId))?.display_name;
    },

    async storeUpload(kind, source) {
      return kind === 'video'
        ? storeMedia(source, ctx.videoBytes, sniffVideo, () => contentErrors.NOT_A_VIDEO())
        : storeMedia(source, ctx.coverBytes, sniffImage, () => contentErrors.NOT_AN_IMAGE());
    },

    async discardUploads(stored) {
      for (const s of stored) if (!(await videos.blobInUse(db, s.sha256))) await blobs.delete(s.sha256);
    },

    async publishVideo(input) {
      if (!(await isCreator(input.userId))) throw contentErrors.NOT_CREATOR();
      if (input.anchor) validateAnchorShape(input.anchor);
      const card = input.anchor ? await ctx.requireMountableBy(input.userId, input.anchor.appid) : undefined;
      const { video, cover, anchor } = input;
      if (input.poiId && !(await findPoi(db, input.poiId))) throw contentErrors.POI_NOT_FOUND();
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
          poi_id: input.poiId ?? null,
        });
        if (anchor) await addAnchor(trx, { kind: 'video', id }, anchor, now);
      });
      await ctx.ranker.itemPublished({
        videoId: id,
        creatorId: input.userId,
        appid: anchor?.appid ?? null,
        caption: input.caption,
        createdAt: now,
      });
      return getVideo(id);
    },

    getVideo,

    async mediaOf(id, which) {
      const row = await publishedVideo(db, id);
      return which === 'file'
        ? { sha256: row.video_blob, contentType: row.video_type }
        : { sha256: row.cover_blob, contentType: row.cover_type };
    },

    async removeVideo(id, by) {
      const row = await publishedVideo(db, id);
      // Another creator's video is as good as absent: its existence is not confirmed.
      if (!by.operator && row.creator_id !== by.userId) throw contentErrors.VIDEO_NOT_FOUND();
      await videos.setVideoStatus(db, id, 'removed');
      await ctx.ranker.itemRemoved(id);
    },

    async like(videoId, userId, liked) {
      const result = await db.transaction().execute(async (trx) => {
        const row = await publishedVideo(trx, videoId);
        const changed = liked
          ? await videos.insertLike(trx, videoId, userId, clock.now())
          : await videos.deleteLike(trx, videoId, userId);
        let likes = Number(row.likes);
        if (changed) {
          const updated = await countEngagement(trx, videoId, { likes: liked ? 1 : -1 });
          if (updated) likes = Number(updated.likes);
        }
        return { likes, liked, changed };
      });
      if (liked && result.changed) await ctx.ranker.learn(userId, [{ kind: 'like', videoId }]);
      return { likes: result.likes, liked: result.liked };
    },
  };
}

async function readHead(blobs: BlobStore, sha256: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of blobs.read(sha256, { start: 0, end: 63 })) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
