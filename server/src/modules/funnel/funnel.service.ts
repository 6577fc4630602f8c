import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import {
  countsByDay,
  countsBySource,
  insertFunnelEvent,
  insertReportedOnce,
  latestOpenSource,
} from './funnel.repository.ts';
import { type FunnelSource, type FunnelStep, funnelSteps, type ReportedStep } from './funnel.table.ts';

const dayMs = 86_400_000;

/** One day of an app's funnel: how many of each step, and the amount settled. */
export interface FunnelDay {
  /** `YYYY-MM-DD`, UTC. */
  date: string;
  steps: Record<FunnelStep, number>;
  settledAmount: number;
}

/** A step a client says happened: who said it (null when nobody is signed in), and where. */
export interface ReportedFunnelStep {
  appid: string;
  step: ReportedStep;
  userId: string | null;
  videoId: string | null;
  /** Where the user met the app, when it was not a video (a live room). */
  source?: FunnelSource;
  at: number;
}

/** An order is credited to the source of the app open before it, within this window. */
export const orderAttributionMs = dayMs;

/**
 * Counts each step of the closed loop per app and day (docs/funnel.md). Steps the platform
 * observes (a login code exchanged, an order paid or settled) are recorded by their module
 * in the transaction of that change, so the funnel never counts what did not happen. Steps
 * a client reports count only from a signed-in user, once per user, step, app, video and day:
 * nobody can inflate another app's funnel, or their own, with repeated or anonymous reports.
 */
export interface FunnelService {
  /** A step the platform itself observed; every one counts. */
  record(
    executor: Db,
    step: { appid: string; step: FunnelStep; userId?: string | null; amount?: number; at: number },
  ): Promise<void>;
  /** A step a client reported; whether it counted (false: anonymous, or already counted). */
  recordReported(executor: Db, step: ReportedFunnelStep): Promise<boolean>;
  /** One row per day from `from` to `to` (inclusive, `YYYY-MM-DD`, UTC), zeros included. */
  daily(appid: string, from: string, to: string): Promise<FunnelDay[]>;
  /** All the steps one source brought (a video, a live room), every app and day together. */
  bySource(source: FunnelSource): Promise<Record<FunnelStep, number>>;
}

function noSteps(): Record<FunnelStep, number> {
  return Object.fromEntries(funnelSteps.map((step) => [step, 0])) as Record<FunnelStep, number>;
}

export function dayOf(ms: number): number {
  return Math.floor(ms / dayMs);
}

export function dateOfDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

export function dayOfDate(date: string): number {
  return dayOf(Date.parse(`${date}T00:00:00Z`));
}

export function createFunnelService(db: Db): FunnelService {
  return {
    async record(executor, s) {
      // A paid order belongs to where the user opened the app from (a video, a live room).
      const source =
        s.step === 'paid' && s.userId
          ? await latestOpenSource(executor, s.userId, s.appid, s.at - orderAttributionMs)
          : undefined;
      await insertFunnelEvent(executor, {
        id: newId('fe'),
        appid: s.appid,
        step: s.step,
        user_id: s.userId ?? null,
        amount: s.amount ?? 0,
        day: dayOf(s.at),
        at: s.at,
        reported_key: null,
        source_kind: source?.kind ?? null,
        source_id: source?.id ?? null,
      });
    },
    async recordReported(executor, s) {
      if (s.userId === null) return false;
      const day = dayOf(s.at);
      const source = s.source ?? (s.videoId ? { kind: 'video' as const, id: s.videoId } : undefined);
      // A video's key is as it always was; another source's names its kind.
      const place = s.source ? `${s.source.kind}:${s.source.id}` : (s.videoId ?? '');
      // A hash, so the key holds no readable id; erasure clears it with the user id.
      const key = createHash('sha256')
        .update(JSON.stringify([s.userId, s.step, s.appid, place, day]))
        .digest('base64url');
      return insertReportedOnce(executor, {
        id: newId('fe'),
        appid: s.appid,
        step: s.step,
        user_id: s.userId,
        amount: 0,
        day,
        at: s.at,
        reported_key: key,
        source_kind: source?.kind ?? null,
        source_id: source?.id ?? null,
      });
    },
    async daily(appid, from, to) {
      const first = dayOfDate(from);
      const last = dayOfDate(to);
      const days = new Map<number, FunnelDay>();
      for (let d = first; d <= last; d++) {
        const steps = noSteps();
        days.set(d, { date: dateOfDay(d), steps, settledAmount: 0 });
      }
      for (const r of await countsByDay(db, appid, first, last)) {
        const day = days.get(r.day);
        if (!day) continue;
        day.steps[r.step] = r.count;
        if (r.step === 'settled') day.settledAmount = r.amount;
      }
      return [...days.values()];
    },
    async bySource(source) {
      const steps = noSteps();
      for (const r of await countsBySource(db, source.kind, source.id)) steps[r.step] = r.count;
      return steps;
    },
  };
}
