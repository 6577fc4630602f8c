import type { CreatorSummary, ModeratedVideo } from '@plaza/api-types/console';
import { type FormEvent, useState } from 'react';
import { consoleApi, query } from '../console/kit/console-api.ts';
import { ErrorNote, formatTime, Skeleton, StatusBadge, useAction } from '../console/kit/layout.tsx';
import { useLoad } from '../console/kit/use-load.ts';

const statuses = ['published', 'taken_down', 'removed'] as const;

/** Videos with their anchors and places, taken down or reinstated; the creators behind them. */
export function ContentPage() {
  const [status, setStatus] = useState<string>('published');
  const videos = useLoad(
    () =>
      consoleApi<{ videos: ModeratedVideo[] }>('GET', `/api/operator/videos${query({ status })}`).then(
        (r) => r.videos,
      ),
    status,
  );
  const creators = useLoad(
    () => consoleApi<{ creators: CreatorSummary[] }>('GET', '/api/operator/creators').then((r) => r.creators),
    'creators',
  );
  const changed = () => {
    videos.reload();
    creators.reload();
  };
  return (
    <>
      <h1>Content</h1>
      <section className="card" aria-labelledby="videos-title">
        <div className="row">
          <h2 id="videos-title">Videos</h2>
          <label>
            Status
            <select value={status} onChange={(e) => setStatus(e.target.value)}>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {s.replace('_', ' ')}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ErrorNote error={videos.error} />
        {!videos.data ? (
          <Skeleton rows={4} />
        ) : videos.data.length === 0 ? (
          <p className="muted">No {status.replace('_', ' ')} videos.</p>
        ) : (
          <table className="grid" aria-label="Videos">
            <thead>
              <tr>
                <th scope="col">Caption</th>
                <th scope="col">Creator</th>
                <th scope="col">Anchor</th>
                <th scope="col">Place</th>
                <th scope="col" className="num">
                  Impressions
                </th>
                <th scope="col">Published</th>
                <th scope="col">Status</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {videos.data.map((v) => (
                <VideoRow key={v.id} video={v} onChanged={changed} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="creators-title">
        <h2 id="creators-title">Creators</h2>
        {!creators.data ? (
          <Skeleton />
        ) : (
          <table className="grid" aria-label="Creators">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">User</th>
                <th scope="col" className="num">
                  Published
                </th>
                <th scope="col" className="num">
                  Taken down
                </th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {creators.data.map((c) => (
                <tr key={c.user_id}>
                  <td>{c.name}</td>
                  <td>
                    <code>{c.user_id}</code>
                  </td>
                  <td className="num">{c.published}</td>
                  <td className="num">{c.taken_down}</td>
                  <td>{formatTime(c.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function VideoRow({ video: v, onChanged }: { video: ModeratedVideo; onChanged(): void }) {
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const takeDown = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => consoleApi('POST', `/api/operator/videos/${v.id}/takedown`, { reason }))) onChanged();
  };
  const reinstate = async () => {
    if (await run(() => consoleApi('POST', `/api/operator/videos/${v.id}/reinstate`))) onChanged();
  };
  return (
    <tr>
      <td>{v.caption || <span className="muted">(no caption)</span>}</td>
      <td>{v.creator.name}</td>
      <td>
        {v.anchor ? (
          <>
            {v.anchor.title} <code>{v.anchor.appid}</code>
          </>
        ) : (
          '—'
        )}
      </td>
      <td>{v.place?.name ?? '—'}</td>
      <td className="num">{v.impressions}</td>
      <td>{formatTime(v.created_at)}</td>
      <td>
        <StatusBadge status={v.status} />
        {v.takedown_reason ? <div className="muted">{v.takedown_reason}</div> : null}
      </td>
      <td>
        {v.status === 'published' ? (
          <form className="row" onSubmit={takeDown} aria-label={`Take down ${v.caption}`}>
            <label>
              Reason
              <input required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button type="submit" className="danger" disabled={busy}>
              Take down
            </button>
          </form>
        ) : v.status === 'taken_down' ? (
          <button type="button" disabled={busy} onClick={() => void reinstate()}>
            Reinstate
          </button>
        ) : null}
        <ErrorNote error={error} />
      </td>
    </tr>
  );
}
