import type { SimEvent } from './world.ts';

/** One scrolling session: a policy keeps its cursor here between pages. */
export interface SimSession {
  user: number;
  hour: number;
  /** The session's time in (fractional) hours: items created later are not visible yet. */
  at: number;
  page: number;
  cursor?: unknown;
}

/** What the simulator asks of a ranking policy. */
export interface SimPolicy {
  name: string;
  /** Learns from events, in order: the logged week first, then every page's reactions as they happen. */
  observe(events: readonly SimEvent[]): void;
  /** Called at the top of every simulated hour; items created during the hour appear as sessions reach their time. */
  tick(hour: number): void;
  /** The item indexes of the next page of a session. */
  page(session: SimSession, size: number): number[];
  /** Scores for offline evaluation (higher first), judged on the random-exposure slice. */
  scores(user: number, items: readonly number[]): number[];
}

/** Simulated hours map to wall-clock time from a fixed origin, for code that ranks by time. */
export const originMs = Date.UTC(2026, 11, 1);
export const msOf = (hour: number) => originMs + hour * 3600_000;
