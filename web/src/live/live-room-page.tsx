import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Anchor } from '../api.ts';
import { AnchorCard } from '../feed/anchor-card.tsx';
import type { OpenAnchor } from '../feed/video-card.tsx';
import { useSession } from '../session.tsx';
import { type LiveComment, type LiveRoom, liveApi } from './live-api.ts';
import { liveFunnel } from './live-funnel.ts';
import { LivePlayer } from './live-player.tsx';
import './live.css';

/**
 * A live room: the stream (or its replay), the viewer count, live comments and likes, and
 * the mini-program card the creator pins now; all of it kept live by the room's event
 * stream. A tap on the card opens the mini program over the stream.
 */
export function LiveRoomPage({
  roomId,
  onOpen,
  onClose,
}: {
  roomId: string;
  onOpen: (a: OpenAnchor) => void;
  onClose: () => void;
}) {
  const [room, setRoom] = useState<LiveRoom | null>(null);
  const [comments, setComments] = useState<LiveComment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const seen = useRef(new Set<string>());
  const { requireUser } = useSession();

  useEffect(() => {
    liveApi.room(roomId).then(setRoom, () => setError('This live room could not be loaded'));
    liveApi.comments(roomId).then(
      (c) => setComments(c.items),
      () => undefined,
    );
    const stream = liveApi.stream(roomId);
    const on = <T,>(event: string, apply: (data: T) => void) =>
      stream.addEventListener(event, (e) => apply(JSON.parse((e as MessageEvent<string>).data) as T));
    on<{ viewers: number }>('viewers', ({ viewers }) => setRoom((r) => r && { ...r, viewers }));
    on<{ likes: number }>('like', ({ likes }) => setRoom((r) => r && { ...r, likes }));
    on<{ pinned: Anchor | null }>('pin', ({ pinned }) => setRoom((r) => r && { ...r, pinned }));
    on<LiveComment>('comment', (c) =>
      setComments((list) => [...list.filter((o) => o.comment_id !== c.comment_id), c].slice(-50)),
    );
    on('ended', () => setRoom((r) => r && { ...r, status: 'ended' }));
    return () => stream.close();
  }, [roomId]);

  const pinned = room?.pinned ?? null;
  useEffect(() => {
    if (pinned && !seen.current.has(pinned.appid)) {
      seen.current.add(pinned.appid);
      liveFunnel.seen(roomId, pinned.appid);
    }
  }, [pinned, roomId]);

  async function send(e: FormEvent) {
    e.preventDefault();
    const text = draft.trim();
    if (!text || !(await requireUser())) return;
    setDraft('');
    const c = await liveApi.comment(roomId, text);
    setComments((list) => [...list.filter((o) => o.comment_id !== c.comment_id), c].slice(-50));
  }

  async function like() {
    if (!(await requireUser())) return;
    const { likes } = await liveApi.like(roomId, 1);
    setRoom((r) => r && { ...r, likes });
  }

  return (
    <div className="live-room" data-testid="live-room">
      {room && <LivePlayer src={room.playlist_url} live={room.status === 'live'} />}
      <header className="live-top">
        <button type="button" className="live-back" aria-label="Back" onClick={onClose}>
          ‹
        </button>
        <div className="live-who">
          <strong>{room?.creator.name ?? ''}</strong>
          <small>{room?.title ?? ''}</small>
        </div>
        <span className={`live-badge ${room?.status === 'ended' ? 'replay' : ''}`}>
          {room?.status === 'ended' ? '回放 Replay' : '● 直播 LIVE'}
        </span>
        <span className="live-viewers" data-testid="live-viewers">
          {room?.viewers ?? 0} 人在看
        </span>
      </header>
      {error && <p className="empty">{error}</p>}
      <div className="live-bottom">
        <ul className="live-comments" aria-label="Comments">
          {comments.map((c) => (
            <li key={c.comment_id}>
              <b>{c.user.name}</b> {c.text}
            </li>
          ))}
        </ul>
        {pinned && (
          <div className="live-pinned" data-testid="live-pinned">
            <AnchorCard
              anchor={pinned}
              onTap={() => {
                liveFunnel.tapped(roomId, pinned.appid);
                onOpen({
                  appid: pinned.appid,
                  appName: pinned.app_name,
                  iconUrl: pinned.app_icon_url,
                  path: pinned.path,
                });
              }}
            />
          </div>
        )}
        <div className="live-actions">
          {room?.status === 'live' && (
            <form className="live-say" onSubmit={(e) => void send(e)}>
              <input
                aria-label="Comment"
                placeholder="说点什么… Say something"
                maxLength={200}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
              />
            </form>
          )}
          <button
            type="button"
            className="live-like"
            aria-label="Like"
            disabled={room?.status !== 'live'}
            onClick={() => void like()}
          >
            ♥ <span data-testid="live-likes">{room?.likes ?? 0}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
