import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { type FunnelStep, funnelSteps, type ReportedStep } from './funnel.table.ts';

const dayMs = 86_400_000;

export interface FunnelDay {
  date: string;
  anchor_exposure: number;
  anchor_click: number;
  app_open: number;
  login: number;
  paid: number;
  settled: number;
  settled_amount: number;
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
      await executor
        .insertInto('funnel_event')
        .values({
          id: newId('fe'),
          appid: s.appid,
          step: s.step,
          user_id: s.userId ?? null,
          amount: s.amount ?? 0,
          day: dayOf(s.at),
          at: s.at,
          reported_key: null,
        })
        .execute();
    },
    async recordReported(executor, s) {
      if (s.userId === null) return false;
      const day = dayOf(s.at);
      // A hash, so the key holds no readable id; erasure clears it with the user id.
      const key = createHash('sha256')
        .update(JSON.stringify([s.userId, s.step, s.appid, s.videoId ?? '', day]))
        .digest('base64url');
      const inserted = await executor
        .insertInto('funnel_event')
        .values({
          id: newId('fe'),
          appid: s.appid,
          step: s.step,
          user_id: s.userId,
          amount: 0,
          day,
          at: s.at,
          reported_key: key,
        })
        .onConflict((oc) => oc.column('reported_key').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async daily(appid, from, to) {
      const first = dayOfDate(from);
      const last = dayOfDate(to);
      const rows = await db
        .selectFrom('funnel_event')
        .select(['day', 'step'])
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount').as('amount')])
        .where('appid', '=', appid)
        .where('day', '>=', first)
        .where('day', '<=', last)
        .groupBy(['day', 'step'])
        .execute();
      const days = new Map<number, FunnelDay>();
      for (let d = first; d <= last; d++) {
        const row = { date: dateOfDay(d), settled_amount: 0 } as FunnelDay;
        for (const step of funnelSteps) row[step] = 0;
        days.set(d, row);
      }
      for (const r of rows) {
        const day = days.get(Number(r.day));
        if (!day) continue;
        day[r.step as FunnelStep] = Number(r.n);
        if (r.step === 'settled') day.settled_amount = Number(r.amount ?? 0);
      }
      return [...days.values()];
    },
  };
}
