import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from './echarts-runtime.ts';
import { toCsv } from './funnel-figures.ts';

let runtime: Promise<typeof import('./echarts-runtime.ts')> | undefined;
const loadRuntime = () => {
  runtime ??= import('./echarts-runtime.ts');
  return runtime;
};

/** Saves a table as a CSV file, made in the browser from the figures on the page. */
export function downloadCsv(file: string, header: string[], rows: Array<Array<string | number>>): void {
  const url = URL.createObjectURL(new Blob([toCsv(header, rows)], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * A chart with the same figures as a table and a CSV download: the chart for the eye, the
 * table for screen readers and keyboards, the file for a spreadsheet.
 */
export function ChartPanel(props: {
  title: string;
  /** What the chart shows, read out in place of the picture. */
  summary: string;
  option: EChartsCoreOption;
  header: string[];
  rows: Array<Array<string | number>>;
  file: string;
  children?: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  const { option } = props;
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | undefined;
    let observer: ResizeObserver | undefined;
    loadRuntime().then(({ echarts }) => {
      if (disposed || !box.current) return;
      const c = echarts.init(box.current);
      c.setOption(option);
      chart = c;
      observer = new ResizeObserver(() => c.resize());
      observer.observe(box.current);
      setDrawn(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [option]);

  const download = () => downloadCsv(props.file, props.header, props.rows);
  const titleId = `chart-${props.file.replace(/\W/g, '-')}`;

  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" onClick={download}>
          Download CSV
        </button>
      </div>
      {props.children}
      <div
        ref={box}
        className={drawn ? 'chart' : 'chart skeleton-row'}
        role="img"
        aria-label={props.summary}
        data-drawn={drawn || undefined}
      />
      <details>
        <summary>Table</summary>
        <table className="grid" aria-label={`${props.title} as a table`}>
          <thead>
            <tr>
              {props.header.map((h, i) => (
                <th key={h} className={i ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={String(r[0])}>
                {r.map((v, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, in order.
                  <td key={i} className={i ? 'num' : undefined}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
