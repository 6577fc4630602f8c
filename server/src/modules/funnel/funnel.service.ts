import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { countsByDay, insertFunnelEvent, insertReportedOnce } from './funnel.repository.ts';
import { type FunnelStep, funnelSteps, type ReportedStep } from './funnel.table.ts';

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
  at: number;
}

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
      await insertFunnelEvent(executor, {
        id: newId('fe'),
        appid: s.appid,
        step: s.step,
        user_id: s.userId ?? null,
        amount: s.amount ?? 0,
        day: dayOf(s.at),
        at: s.at,
        reported_key: null,
      });
    },
    async recordReported(executor, s) {
      if (s.userId === null) return false;
      const day = dayOf(s.at);
      // A hash, so the key holds no readable id; erasure clears it with the user id.
      const key = createHash('sha256')
        .update(JSON.stringify([s.userId, s.step, s.appid, s.videoId ?? '', day]))
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
      });
    },
    async daily(appid, from, to) {
      const first = dayOfDate(from);
      const last = dayOfDate(to);
      const days = new Map<number, FunnelDay>();
      for (let d = first; d <= last; d++) {
        const steps = Object.fromEntries(funnelSteps.map((step) => [step, 0])) as Record<FunnelStep, number>;
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
  };
}
