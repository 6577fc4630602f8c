import type { FunnelReport } from '@plaza/api-types/platform';
import { useMemo } from 'react';
import { consoleApi, query } from '../kit/console-api.ts';
import { useDayRange } from '../kit/day-range.tsx';
import { ErrorNote, Skeleton } from '../kit/layout.tsx';
import { useLoad } from '../kit/use-load.ts';
import { ChartPanel } from './chart-panel.tsx';
import { dailySeries, funnelRows, funnelSteps, previousPeriod } from './funnel-figures.ts';

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** The app's funnel and daily trends over a date range, against the period before. */
export function AnalyticsPage({ appid }: { appid: string }) {
  const [range, setRange] = useDayRange(13);
  const before = previousPeriod(range.from, range.to);
  const key = `${appid}:${range.from}:${range.to}`;
  const report = useLoad(async () => {
    const get = (r: { from: string; to: string }) =>
      consoleApi<FunnelReport>('GET', `/api/apps/${appid}/funnel${query(r)}`).then((f) => f.days);
    const [days, previous] = await Promise.all([get(range), get(before)]);
    return { days: dailySeries(days, range.from, range.to), previous };
  }, key);

  return (
    <>
      <h1>Analytics</h1>
      <form className="card row" aria-label="Date range" onSubmit={(e) => e.preventDefault()}>
        <label>
          From
          <input
            type="date"
            value={range.from}
            max={range.to}
            onChange={(e) => setRange({ ...range, from: e.target.value })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={range.to}
            min={range.from}
            onChange={(e) => setRange({ ...range, to: e.target.value })}
          />
        </label>
        <p className="muted">
          Compared with {before.from} to {before.to}. Days are UTC.
        </p>
      </form>
      <ErrorNote error={report.error} />
      {!report.data ? (
        <Skeleton rows={8} />
      ) : (
        <Charts days={report.data.days} previous={report.data.previous} />
      )}
    </>
  );
}

function Charts({
  days,
  previous,
}: {
  days: ReturnType<typeof dailySeries>;
  previous: ReturnType<typeof dailySeries>;
}) {
  const rows = useMemo(() => funnelRows(days, previous), [days, previous]);
  const funnelOption = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          minSize: '8%',
          left: '10%',
          width: '80%',
          label: { show: true, position: 'inside', formatter: '{b}: {c}' },
          data: rows.map((r) => ({ name: r.label, value: r.count })),
        },
      ],
    }),
    [rows],
  );
  const countsOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: days.map((d) => d.date) },
      yAxis: { type: 'value', minInterval: 1 },
      series: funnelSteps.map((s) => ({ type: 'line', name: s.label, data: days.map((d) => d[s.key]) })),
    }),
    [days],
  );
  const gmvOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 64, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: days.map((d) => d.date) },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'line',
          name: 'Settled amount',
          areaStyle: {},
          data: days.map((d) => d.settled_amount / 100),
        },
      ],
    }),
    [days],
  );
  const change = (now: number, then: number) =>
    then === 0 ? '—' : `${(((now - then) / then) * 100).toFixed(0)}%`;

  return (
    <>
      <ChartPanel
        title="Funnel"
        summary={rows.map((r) => `${r.label} ${r.count}`).join(', ')}
        option={funnelOption}
        header={['Step', 'Count', 'From step before', 'Previous period', 'Change']}
        rows={rows.map((r) => [
          r.label,
          r.count,
          percent(r.conversion),
          r.previous,
          change(r.count, r.previous),
        ])}
        file="funnel.csv"
      />
      <ChartPanel
        title="Daily steps"
        summary={`Daily counts of each funnel step from ${days[0]?.date} to ${days.at(-1)?.date}`}
        option={countsOption}
        header={['Date', ...funnelSteps.map((s) => s.label)]}
        rows={days.map((d) => [d.date, ...funnelSteps.map((s) => d[s.key])])}
        file="daily-steps.csv"
      />
      <ChartPanel
        title="Daily settled amount (CNY)"
        summary={`Settled amount per day, ${(days.reduce((s, d) => s + d.settled_amount, 0) / 100).toFixed(2)} CNY in all`}
        option={gmvOption}
        header={['Date', 'Settled amount (CNY)', 'Settled orders']}
        rows={days.map((d) => [d.date, (d.settled_amount / 100).toFixed(2), d.settled])}
        file="daily-settled.csv"
      />
    </>
  );
}
