import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, upload } from '../api.ts';
import { type ChatLine, mergeLines, yuan } from '../support/chat-line.ts';
import { ChatComposer, ChatLines } from '../support/chat-lines.tsx';
import './agent-inbox.css';
import type { ConsoleAccount } from '@plaza/api-types/console';

type Status = 'open' | 'waiting' | 'closed';
const statuses: Status[] = ['open', 'waiting', 'closed'];

interface Conversation {
  conversation_id: string;
  openid: string;
  status: Status;
  agent_unread: number;
  blocked: boolean;
  last: ChatLine | null;
  updated_at: number;
}

interface Inbox {
  counts: Record<Status, { count: number; unread: number }>;
  items: Conversation[];
}

interface Detail {
  conversation: Conversation;
  lines: ChatLine[];
  orders: { order_id: string; out_order_no: string; subject: string; total_amount: number; status: string }[];
}

const preview = (line: ChatLine | null) =>
  !line
    ? ''
    : line.kind === 'text'
      ? (line.text ?? '')
      : line.kind === 'image'
        ? 'An image'
        : `Card: ${line.card?.title}`;

/**
 * The agent inbox an app's org shares: conversations by status with unread counts, the
 * chat with a reply box and quick replies, the user's orders with the app beside it. New
 * lines arrive live from any server process.
 */
export function AgentInbox({ appid, account }: { appid: string; account: ConsoleAccount }) {
  const base = `/api/apps/${encodeURIComponent(appid)}/support`;
  const [status, setStatus] = useState<Status>('open');
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [quick, setQuick] = useState<{ id: string; text: string }[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const call = useCallback(
    <T,>(method: string, path: string, body?: unknown) => api<T>(method, `${base}${path}`, body, 'account'),
    [base],
  );
  const refresh = useCallback(async () => {
    setInbox(await call<Inbox>('GET', `/conversations?status=${status}`));
  }, [call, status]);
  const openConversation = useCallback(
    async (id: string) => {
      setSelected(id);
      const detail = await call<Detail>('GET', `/conversations/${id}`);
      // The API pages lines newest first; the chat reads oldest first, as live lines merge in.
      setDetail({ ...detail, lines: mergeLines([], detail.lines) });
    },
    [call],
  );

  useEffect(() => {
    void refresh().catch(() => setInbox(null));
  }, [refresh]);
  useEffect(() => {
    void call<{ items: { id: string; text: string }[] }>('GET', '/quick-replies').then(
      ({ items }) => setQuick(items),
      () => setQuick([]),
    );
  }, [call]);
  // Lines of any of the app's chats, from any process: the list and the open chat follow.
  useEffect(() => {
    const stream = new EventSource(`${base}/stream`);
    stream.addEventListener('line', (event) => {
      const line = JSON.parse((event as MessageEvent<string>).data) as ChatLine;
      void refresh().catch(() => undefined);
      setDetail((d) =>
        d && d.conversation.conversation_id === line.conversation_id
          ? { ...d, lines: mergeLines(d.lines, [line]) }
          : d,
      );
    });
    return () => stream.close();
  }, [base, refresh]);

  const sent = async (send: () => Promise<ChatLine>) => {
    try {
      const line = await send();
      setDetail((d) => (d ? { ...d, lines: mergeLines(d.lines, [line]) } : d));
      setError(null);
      await refresh();
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not send');
      return false;
    }
  };

  return (
    <div className="agent-inbox" data-testid="agent-inbox">
      <aside className="agent-list">
        <nav className="agent-tabs" aria-label="Status">
          {statuses.map((s) => (
            <button
              key={s}
              type="button"
              aria-current={s === status ? 'page' : undefined}
              onClick={() => setStatus(s)}
            >
              {s} {inbox ? inbox.counts[s].count : ''}
              {inbox && inbox.counts[s].unread > 0 && <span className="badge">{inbox.counts[s].unread}</span>}
            </button>
          ))}
        </nav>
        {inbox?.items.length === 0 && <p className="muted">No conversations.</p>}
        {inbox?.items.map((c) => (
          <button
            key={c.conversation_id}
            type="button"
            className="agent-row"
            data-testid="agent-conversation"
            aria-current={c.conversation_id === selected ? 'true' : undefined}
            onClick={() => void openConversation(c.conversation_id)}
          >
            <span className="agent-user">User {c.openid.slice(-6)}</span>
            <span className="agent-preview">{preview(c.last)}</span>
            {c.agent_unread > 0 && (
              <span className="badge" data-testid="agent-unread">
                {c.agent_unread}
              </span>
            )}
          </button>
        ))}
      </aside>
      <section className="agent-chat">
        {detail ? (
          <>
            <header className="agent-chat-header">
              <strong>User {detail.conversation.openid.slice(-6)}</strong>
              {detail.conversation.blocked && <span className="status">blocked you</span>}
              <button
                type="button"
                onClick={() =>
                  void call('PUT', `/conversations/${detail.conversation.conversation_id}/status`, {
                    status: detail.conversation.status === 'closed' ? 'open' : 'closed',
                  }).then(() => openConversation(detail.conversation.conversation_id).then(refresh))
                }
              >
                {detail.conversation.status === 'closed' ? 'Reopen' : 'Close'}
              </button>
            </header>
            <ChatLines
              lines={detail.lines}
              own="merchant"
              agentName={(line) =>
                line.agent_account_id === null
                  ? 'Merchant server'
                  : line.agent_account_id === account.id
                    ? 'You'
                    : 'Another agent'
              }
            />
            {error && (
              <p className="error" role="alert">
                {error}
              </p>
            )}
            <section className="quick-replies" aria-label="Quick replies">
              {quick.map((q) => (
                <button key={q.id} type="button" onClick={() => setText(q.text)}>
                  {q.text}
                </button>
              ))}
              <button
                type="button"
                className="link"
                disabled={!text.trim()}
                onClick={() =>
                  void call<{ id: string; text: string }>('POST', '/quick-replies', { text }).then((q) =>
                    setQuick([...quick, q]),
                  )
                }
              >
                Save as quick reply
              </button>
            </section>
            <ChatComposer
              value={text}
              onChange={setText}
              onText={async (t) => {
                const id = detail.conversation.conversation_id;
                if (await sent(() => call<ChatLine>('POST', `/conversations/${id}/messages`, { text: t })))
                  setText('');
              }}
              onImage={async (file) => {
                const id = detail.conversation.conversation_id;
                await sent(() => upload<ChatLine>(`${base}/conversations/${id}/images`, file, 'account'));
              }}
            />
          </>
        ) : (
          <p className="muted">Pick a conversation.</p>
        )}
      </section>
      <aside className="agent-orders" aria-label="The user's orders">
        <h2>Orders</h2>
        {detail?.orders.length === 0 && <p className="muted">No orders with this app.</p>}
        {detail?.orders.map((o) => (
          <div key={o.order_id} className="agent-order" data-testid="agent-order">
            <strong>{o.subject}</strong>
            <span>
              {o.out_order_no} · {yuan(o.total_amount)} · {o.status}
            </span>
          </div>
        ))}
      </aside>
    </div>
  );
}
