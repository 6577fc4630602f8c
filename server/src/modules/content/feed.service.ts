import { newId } from '../../db/ids.ts';
import type { ReportedStep } from '../funnel/index.ts';
import type { FeedEventInput, FeedEventType, FeedPage } from './content.model.ts';
import type { ContentContext } from './content-context.ts';
import { countEngagement } from './engagement.ts';
import { contentErrors } from './errors.ts';
import { decodeCursor, encodeCursor } from './feed-cursor.ts';
import { feedCursorSecret, insertFeedEvent } from './feed-event.repository.ts';
import { appsNear } from './poi.repository.ts';
import * as videos from './video.repository.ts';

/** How far "near" reaches for a guest's coarse location, and how many apps it proposes. */
const nearKm = 10;
const maxNearApps = 5;

const funnelOf: Partial<Record<FeedEventType, ReportedStep>> = {
  anchor_exposure: 'anchor_exposure',
  anchor_click: 'anchor_click',
  app_open: 'app_open',
};

/** The feed viewers scroll and the events their devices report back. */
export interface FeedService {
  /** One page of the feed, ranked by the recommender for this user (or guest session). */
  feed(input: {
    cursor?: string;
    limit: number;
    userId?: string | null;
    /** A coarse location the viewer shared (city level): places near it count for a guest. */
    near?: { lat: number; lng: number };
  }): Promise<FeedPage>;
  /** A batch of client events: all valid, or none stored. */
  recordEvents(userId: string | null, batch: FeedEventInput[]): Promise<{ accepted: number }>;
}

type FeedDeps = Pick<ContentContext, 'db' | 'clock' | 'funnel' | 'toVideos' | 'ranker'>;

export function createFeedService(ctx: FeedDeps): FeedService {
  const { db, clock, funnel } = ctx;
  let cursorKey: Buffer | undefined;

  /** Why an event cannot be stored, or undefined when it can. */
  function problemOf(e: FeedEventInput, now: number, known: Set<string>): string | undefined {
    if (e.at > now + 5 * 60_000) return 'is in the future';
    if (e.at < now - 7 * 24 * 3600_000) return 'is older than 7 days';
    if (e.videoId && !known.has(e.videoId)) return 'names an unknown video';
    if (funnelOf[e.type] && !e.appid) return 'needs an appid';
    if (!funnelOf[e.type] && !e.videoId) return 'needs a video_id';
    return undefined;
  }

  return {
    async feed(input) {
      cursorKey ??= await feedCursorSecret(db);
      const k = cursorKey;
      const pos = input.cursor ? decodeCursor(k, input.cursor) : {};
      if (!pos) throw contentErrors.BAD_CURSOR();
      const session = pos.s ?? newId('fs');
      const userId = input.userId ?? null;
      const nearApps =
        userId === null && input.near ? await appsNear(db, input.near, nearKm, maxNearApps) : undefined;
      const ranked = await ctx.ranker.page({
        userId,
        session,
        limit: input.limit,
        ...(nearApps ? { nearApps } : {}),
      });
      const rows = await videos.publishedCards(
        db,
        ranked.map((r) => r.item.id),
      );
      const why = new Map(ranked.map((r) => [r.item.id, r.source]));
      const cards = await ctx.toVideos(rows);
      return {
        items: cards.map((v) => ({ ...v, why: why.get(v.id) ?? 'popular' })),
        nextCursor: ranked.length === input.limit ? encodeCursor(k, { s: session }) : null,
      };
    },

    async recordEvents(userId, batch) {
      const now = clock.now();
      const known = await videos.knownVideoIds(db, [
        ...new Set(batch.flatMap((e) => (e.videoId ? [e.videoId] : []))),
      ]);
      batch.forEach((e, index) => {
        const problem = problemOf(e, now, known);
        if (problem) throw contentErrors.EVENT_INVALID({ index, problem });
      });
      await db.transaction().execute(async (trx) => {
        for (const e of batch) {
          await insertFeedEvent(trx, {
            id: newId('ev'),
            type: e.type,
            video_id: e.videoId ?? null,
            appid: e.appid ?? null,
            user_id: userId,
            at: e.at,
            received_at: now,
          });
          const step = funnelOf[e.type];
          // The funnel decides what counts: signed-in reports, once per user, video and day.
          if (step && e.appid) {
            await funnel.recordReported(trx, {
              appid: e.appid,
              step,
              userId,
              videoId: e.videoId ?? null,
              at: e.at,
            });
          }
        }
        const deltas = new Map<string, { impressions: number; plays: number; completes: number }>();
        for (const e of batch) {
          if (!e.videoId || !['impression', 'play', 'complete'].includes(e.type)) continue;
          const d = deltas.get(e.videoId) ?? { impressions: 0, plays: 0, completes: 0 };
          if (e.type === 'impression') d.impressions++;
          if (e.type === 'play') d.plays++;
          if (e.type === 'complete') d.completes++;
          deltas.set(e.videoId, d);
        }
        for (const [id, d] of deltas) await countEngagement(trx, id, d);
      });
      await ctx.ranker.learn(
        userId,
        batch.flatMap((e) => (e.videoId ? [{ kind: e.type, videoId: e.videoId }] : [])),
      );
      return { accepted: batch.length };
    },
  };
}
