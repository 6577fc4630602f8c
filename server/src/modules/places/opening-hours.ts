/** Opening hours: on these days (1 = Monday … 7 = Sunday), from `open` to `close` (24h clock; `close` may pass midnight as 24:00+). */
export type OpeningHours = { days: number[]; open: string; close: string }[];

const time = /^([01]\d|2[0-9]|3[0-5]):([0-5]\d)$/;

const minutes = (t: string) => {
  const m = time.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
};

/** Why these hours make no sense, or null when they do. */
export function openingHoursProblem(hours: OpeningHours): string | null {
  if (hours.length > 14) return 'at most 14 spans';
  for (const span of hours) {
    if (span.days.length === 0 || span.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
      return 'days are 1 (Monday) to 7 (Sunday)';
    const open = minutes(span.open);
    const close = minutes(span.close);
    if (Number.isNaN(open) || Number.isNaN(close) || open >= 24 * 60) return 'times are HH:MM';
    if (close <= open) return 'a span closes after it opens (past midnight as 25:00)';
    if (close - open > 24 * 60) return 'a span is at most 24 hours';
  }
  return null;
}
