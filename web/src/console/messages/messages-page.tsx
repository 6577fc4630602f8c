import type { AppMessageTemplate, MessageTemplateFigures } from '@plaza/api-types/console';
import { downloadCsv } from '../analytics/chart-panel.tsx';
import { consoleApi, query } from '../kit/console-api.ts';
import { DayRangeFields, useDayRange } from '../kit/day-range.tsx';
import { ErrorNote, Skeleton } from '../kit/layout.tsx';
import { useLoad } from '../kit/use-load.ts';

const share = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '—');

/** The app's subscription-message templates, and what each one's sends did over a period. */
export function MessagesPage({ appid }: { appid: string }) {
  const templates = useLoad(
    () =>
      consoleApi<{ items: AppMessageTemplate[] }>('GET', `/api/apps/${appid}/message-templates`).then(
        (r) => r.items,
      ),
    appid,
  );
  const [range, setRange] = useDayRange(29);
  const figures = useLoad(
    () =>
      consoleApi<{ templates: MessageTemplateFigures[] }>(
        'GET',
        `/api/apps/${appid}/funnel/messages${query(range)}`,
      ).then((r) => r.templates),
    `${appid}:${range.from}:${range.to}`,
  );
  const header = ['Template', 'Sent', 'Delivered', 'Opened', 'Ordered within a day'];
  const rows = (figures.data ?? []).map((f) => [f.title, f.sent, f.delivered, f.opened, f.ordered]);
  const download = () => downloadCsv(`messages-${range.from}-${range.to}.csv`, header, rows);

  return (
    <>
      <h1>Messages</h1>
      <section className="card" aria-labelledby="templates-title">
        <h2 id="templates-title">Templates</h2>
        <ErrorNote error={templates.error} />
        {!templates.data ? (
          <Skeleton rows={2} />
        ) : templates.data.length === 0 ? (
          <p className="muted">
            No templates yet: the app's server selects them from the library of its category (
            <code>POST /api/apps/:appid/message-templates</code>).
          </p>
        ) : (
          <table className="grid" aria-label="Message templates">
            <thead>
              <tr>
                <th>Title</th>
                <th>Kind</th>
                <th>Keywords</th>
                <th>Template id</th>
              </tr>
            </thead>
            <tbody>
              {templates.data.map((t) => (
                <tr key={t.template_id}>
                  <td>{t.title}</td>
                  <td>{t.kind.replace('_', '-')}</td>
                  <td>{t.keywords.map((k) => k.name).join(', ')}</td>
                  <td>
                    <code>{t.template_id}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="sends-title">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 id="sends-title">Sends</h2>
          <button type="button" onClick={download} disabled={!figures.data}>
            Download CSV
          </button>
        </div>
        <form className="row" aria-label="Sends period" onSubmit={(e) => e.preventDefault()}>
          <DayRangeFields range={range} onChange={setRange} />
        </form>
        <ErrorNote error={figures.error} />
        {!figures.data ? (
          <Skeleton rows={3} />
        ) : figures.data.length === 0 ? (
          <p className="muted">No messages sent in this period.</p>
        ) : (
          <table className="grid" aria-label="Sends per template">
            <thead>
              <tr>
                {header.map((h, i) => (
                  <th key={h} className={i ? 'num' : undefined}>
                    {h}
                  </th>
                ))}
                <th className="num">Opened of delivered</th>
              </tr>
            </thead>
            <tbody>
              {figures.data.map((f) => (
                <tr key={f.template_id}>
                  <td>{f.title}</td>
                  <td className="num">{f.sent}</td>
                  <td className="num">{f.delivered}</td>
                  <td className="num">{f.opened}</td>
                  <td className="num">{f.ordered}</td>
                  <td className="num">{share(f.opened, f.delivered)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
