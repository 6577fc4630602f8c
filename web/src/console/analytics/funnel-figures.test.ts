import type { FunnelDay } from '@plaza/api-types/platform';
import { describe, expect, it } from 'vitest';
import { dailySeries, emptyFunnelDay, funnelRows, previousPeriod, toCsv } from './funnel-figures.ts';

const day = (date: string, n: Partial<FunnelDay>): FunnelDay => ({ ...emptyFunnelDay(date), ...n });

describe('the console funnel figures', () => {
  it('totals each step, its conversion from the step before, and the previous period', () => {
    const rows = funnelRows(
      [
        day('2026-12-01', { anchor_exposure: 10, anchor_click: 4, app_open: 2 }),
        day('2026-12-02', { anchor_exposure: 10, anchor_click: 1 }),
      ],
      [day('2026-11-30', { anchor_exposure: 7 })],
    );
    expect(rows.map((r) => [r.count, r.conversion, r.previous])).toEqual([
      [20, null, 7],
      [5, 0.25, 0],
      [2, 0.4, 0],
      [0, 0, 0],
      [0, null, 0],
      [0, null, 0],
    ]);
  });

  it('fills the days without a row with zeros, in order', () => {
    const series = dailySeries([day('2026-12-02', { paid: 3 })], '2026-12-01', '2026-12-03');
    expect(series.map((d) => [d.date, d.paid])).toEqual([
      ['2026-12-01', 0],
      ['2026-12-02', 3],
      ['2026-12-03', 0],
    ]);
  });

  it('takes the same number of days just before as the previous period', () => {
    expect(previousPeriod('2026-12-01', '2026-12-07')).toEqual({ from: '2026-11-24', to: '2026-11-30' });
  });

  it('quotes CSV fields that need it', () => {
    expect(
      toCsv(
        ['step', 'n'],
        [
          ['Tap, anchor', 2],
          ['say "hi"', 1],
        ],
      ),
    ).toBe('step,n\r\n"Tap, anchor",2\r\n"say ""hi""",1\r\n');
  });
});
