import { newId } from '../../db/ids.ts';
import type { ReportedStep } from '../funnel/index.ts';
import type { FeedEventInput, FeedEventType, FeedPage } from './content.model.ts';
import type { ContentContext } from './content-context.ts';
import { countEngagement } from './engagement.ts';
import { contentErrors } from './errors.ts';
import { decodeCursor, encodeCursor } from './feed-cursor.ts';
import { feedCursorSecret, insertFeedEvent } from './feed-event.repository.ts';
import { freshForMs, interleave } from './ranking.ts';
import * as videos from './video.repository.ts';

const funnelOf: Partial<Record<FeedEventType, ReportedStep>> = {
  anchor_exposure: 'anchor_exposure',
  anchor_click: 'anchor_click',
  app_open: 'app_open',
};

/** The feed viewers scroll and the events their devices report back. */
export interface FeedService {
  /** One page of the feed: ranked by score, every fourth slot for a new creator or app. */
  feed(input: { cursor?: string; limit: number }): Promise<FeedPage>;
  /** A batch of client events: all valid, or none stored. */
  recordEvents(userId: string | null, batch: FeedEventInput[]): Promise<{ accepted: number }>;
}

type FeedDeps = Pick<ContentContext, 'db' | 'clock' | 'funnel' | 'toVideos'>;

export function createFeedService(ctx: FeedDeps): FeedService {
  const { db, clock, funnel } = ctx;
  let cursorKey: Buffer | undefined;
  let agedAt = 0;

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
      return { items: await ctx.toVideos(page), nextCursor: more ? encodeCursor(k, next) : null };
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
      return { accepted: batch.length };
    },
  };
}
