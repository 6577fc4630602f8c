import type { FunnelDay } from '@plaza/api-types/platform';

/** The funnel's steps in the order a person walks them, with the names the console shows. */
export const funnelSteps = [
  { key: 'anchor_exposure', label: 'Video impression (anchor shown)' },
  { key: 'anchor_click', label: 'Anchor tap' },
  { key: 'app_open', label: 'App open' },
  { key: 'login', label: 'Login' },
  { key: 'paid', label: 'Paid order' },
  { key: 'settled', label: 'Settled order' },
] as const satisfies ReadonlyArray<{ key: keyof FunnelDay; label: string }>;

export type FunnelStepKey = (typeof funnelSteps)[number]['key'];

export interface FunnelRow {
  label: string;
  count: number;
  /** Share of the step before, 0–1; null for the first step or after an empty one. */
  conversion: number | null;
  previous: number;
}

/** Totals per step over the days, beside the previous period's, with each step's conversion. */
export function funnelRows(days: readonly FunnelDay[], previousDays: readonly FunnelDay[]): FunnelRow[] {
  const total = (list: readonly FunnelDay[], key: FunnelStepKey) => list.reduce((sum, d) => sum + d[key], 0);
  return funnelSteps.map((step, i) => {
    const count = total(days, step.key);
    const before = i === 0 ? 0 : total(days, funnelSteps[i - 1]!.key);
    return {
      label: step.label,
      count,
      conversion: i === 0 || before === 0 ? null : count / before,
      previous: total(previousDays, step.key),
    };
  });
}

/** A day on which nothing was counted. */
export function emptyFunnelDay(date: string): FunnelDay {
  return {
    date,
    anchor_exposure: 0,
    anchor_click: 0,
    app_open: 0,
    login: 0,
    paid: 0,
    settled: 0,
    settled_amount: 0,
  };
}

/** Every day from `from` to `to` (UTC, inclusive), with zeros where the API has no row. */
export function dailySeries(days: readonly FunnelDay[], from: string, to: string): FunnelDay[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const out: FunnelDay[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    out.push(byDate.get(date) ?? emptyFunnelDay(date));
  }
  return out;
}

/** The period of the same length just before [from, to]. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const day = 86_400_000;
  const start = Date.parse(`${from}T00:00:00Z`);
  const length = Date.parse(`${to}T00:00:00Z`) - start + day;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { from: iso(start - length), to: iso(start - day) };
}

/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  const field = (v: string | number) => {
    const text = String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
