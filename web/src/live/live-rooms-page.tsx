import { useEffect, useState } from 'react';
import { type LiveRoom, liveApi } from './live-api.ts';

/** Rooms live now, then replays: a tap enters the room. */
export function LiveRoomsPage({
  onEnter,
  onClose,
}: {
  onEnter: (roomId: string) => void;
  onClose: () => void;
}) {
  const [live, setLive] = useState<LiveRoom[] | null>(null);
  const [replays, setReplays] = useState<LiveRoom[]>([]);
  useEffect(() => {
    liveApi.rooms('live').then(
      (r) => setLive(r.items),
      () => setLive([]),
    );
    liveApi.rooms('ended').then(
      (r) => setReplays(r.items),
      () => setReplays([]),
    );
  }, []);
  const entry = (r: LiveRoom) => (
    <li key={r.room_id}>
      <button
        type="button"
        className="search-result"
        data-testid="live-room-entry"
        onClick={() => onEnter(r.room_id)}
      >
        <span className={`live-badge ${r.status === 'ended' ? 'replay' : ''}`}>
          {r.status === 'ended' ? '回放' : '● LIVE'}
        </span>
        <span className="search-result-text">
          <strong>{r.title}</strong>
          <small>
            @{r.creator.name}
            {r.status === 'live' ? ` · ${r.viewers} 人在看` : ''}
            {r.pinned ? ` · ${r.pinned.title}` : ''}
          </small>
        </span>
      </button>
    </li>
  );
  return (
    <div className="poi-page" data-testid="live-rooms">
      <header className="search-bar">
        <button type="button" className="search-back" aria-label="Back" onClick={onClose}>
          ‹
        </button>
        <h2>直播 Live</h2>
      </header>
      {live?.length === 0 && replays.length === 0 && <p className="search-empty">Nobody is live right now</p>}
      <ul className="search-results" aria-label="Live rooms">
        {live?.map(entry)}
        {replays.map(entry)}
      </ul>
    </div>
  );
}
