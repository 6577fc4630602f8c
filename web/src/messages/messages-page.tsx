import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { OpenAnchor } from '../feed/video-card.tsx';
import { useSession } from '../session.tsx';
import { type InboxMessage, type InboxThread, refreshInbox, useInbox } from './inbox-store.ts';

const time = (at: number | null) =>
  at === null
    ? ''
    : new Date(at).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A message rendered from its template: the title, then each keyword's name and value. */
function MessageCard({ message, onTap }: { message: InboxMessage; onTap?: () => void }) {
  const body = (
    <>
      <div className="message-card__head">
        <strong>{message.title}</strong>
        <span className="muted">{time(message.delivered_at)}</span>
      </div>
      <dl className="message-card__fields">
        {message.fields.map((f) => (
          <div key={f.key}>
            <dt>{f.name}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      {message.page && <span className="message-card__open">Open ›</span>}
    </>
  );
  return onTap ? (
    <button type="button" className="message-card" data-testid="message-card" onClick={onTap}>
      {body}
    </button>
  ) : (
    <div className="message-card">{body}</div>
  );
}

function ThreadView({
  thread,
  onBack,
  onOpen,
}: {
  thread: InboxThread;
  onBack: () => void;
  onOpen: (target: OpenAnchor) => void;
}) {
  const [messages, setMessages] = useState<InboxMessage[] | null>(null);
  const { threads } = useInbox();
  const current = threads.find((t) => t.app.appid === thread.app.appid) ?? thread;
  // Re-read, all of it, when a message arrives live (the thread's total grows).
  const total = current.total;
  useEffect(() => {
    const limit = Math.min(Math.max(total, 1), 200);
    let cancelled = false;
    void api<{ items: InboxMessage[] }>(
      'GET',
      `/api/me/messages/threads/${encodeURIComponent(thread.app.appid)}?limit=${limit}`,
    )
      .then(({ items }) => {
        if (!cancelled) setMessages(items);
        // Seen: the thread's unread count (and the tab's badge) drop.
        return api('POST', `/api/me/messages/threads/${encodeURIComponent(thread.app.appid)}/read`, {});
      })
      .then(() => refreshInbox())
      .catch((e: unknown) => console.error('thread', e));
    return () => {
      cancelled = true;
    };
  }, [thread.app.appid, total]);

  const open = async (m: InboxMessage) => {
    // Counts the open, and answers with the page the app chose for this message.
    const opened = await api<InboxMessage>(
      'POST',
      `/api/me/messages/${encodeURIComponent(m.message_id)}/open`,
      {},
    );
    onOpen({
      appid: current.app.appid,
      appName: current.app.name,
      iconUrl: current.app.icon_url,
      path: opened.page ?? '',
    });
  };
  const mute = async () => {
    await api('PUT', `/api/me/messages/mutes/${encodeURIComponent(current.app.appid)}`, {
      muted: !current.muted,
    });
    await refreshInbox();
  };
  return (
    <section className="thread" data-testid="message-thread">
      <header className="thread__head">
        <button type="button" className="icon-button" aria-label="Back to messages" onClick={onBack}>
          ‹
        </button>
        <h2>{current.app.name}</h2>
        <button type="button" className="link" onClick={mute} data-testid="mute-app">
          {current.muted ? 'Unmute' : 'Mute'}
        </button>
      </header>
      {current.muted && <p className="hint">Muted: this app cannot send you new messages.</p>}
      <div className="thread__list">
        {(messages ?? []).map((m) => (
          <MessageCard key={m.message_id} message={m} onTap={m.page ? () => void open(m) : undefined} />
        ))}
      </div>
    </section>
  );
}

/** The service inbox: one thread per app that sent the user a subscription message. */
export function MessagesPage({ onOpen }: { onOpen: (target: OpenAnchor) => void }) {
  const session = useSession();
  const { threads } = useInbox();
  const [openThread, setOpenThread] = useState<InboxThread | null>(null);
  if (session.user === null) {
    return (
      <section className="messages" data-testid="messages-page">
        <h1>Messages</h1>
        <p className="hint">Sign in to see the messages apps send you.</p>
        <button type="button" className="primary" onClick={() => void session.requireUser()}>
          Sign in
        </button>
      </section>
    );
  }
  if (openThread)
    return <ThreadView thread={openThread} onBack={() => setOpenThread(null)} onOpen={onOpen} />;
  return (
    <section className="messages" data-testid="messages-page">
      <h1>Messages</h1>
      {threads.length === 0 && (
        <p className="hint">No messages yet. Apps you allow to notify you write here.</p>
      )}
      <ul className="threads">
        {threads.map((t) => (
          <li key={t.app.appid}>
            <button
              type="button"
              className="thread-row"
              data-testid="message-thread-row"
              onClick={() => setOpenThread(t)}
            >
              {t.app.icon_url ? (
                <img src={t.app.icon_url} alt="" />
              ) : (
                <span className="thread-row__icon">{t.app.name.slice(0, 1)}</span>
              )}
              <span className="thread-row__text">
                <strong>{t.app.name}</strong>
                <small>
                  {t.last.title}: {t.last.fields[0]?.value ?? ''}
                </small>
              </span>
              {t.unread > 0 && !t.muted && (
                <span className="badge" data-testid="thread-unread">
                  {t.unread}
                </span>
              )}
              {t.muted && <span className="muted">Muted</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
