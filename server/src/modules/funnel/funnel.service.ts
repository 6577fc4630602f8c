import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { type FunnelStep, funnelSteps } from './funnel.table.ts';

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

/**
 * Counts each step of the closed loop per app and day. Other modules record a step in
 * the same transaction as the change that is the step (a login code exchanged, an order
 * paid or settled), so the funnel never counts what did not happen.
 */
export interface FunnelService {
  record(
    executor: Db,
    step: { appid: string; step: FunnelStep; userId?: string | null; amount?: number; at: number },
  ): Promise<void>;
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
        })
        .execute();
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
