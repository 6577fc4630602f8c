import { useSyncExternalStore } from 'react';
import { api } from '../api.ts';

/** A message as the inbox shows it (the platform's wire shape). */
export interface InboxMessage {
  message_id: string;
  appid: string;
  template_id: string;
  title: string;
  fields: Array<{ key: string; name: string; value: string }>;
  page: string | null;
  sent_at: number;
  delivered_at: number | null;
  read_at: number | null;
  opened_at: number | null;
}

export interface InboxThread {
  app: { appid: string; name: string; icon_url: string | null };
  unread: number;
  total: number;
  muted: boolean;
  last: InboxMessage;
}

interface InboxState {
  threads: InboxThread[];
  unread: number;
  /** Messages that arrived over the live stream since the inbox opened. */
  live: number;
}

let state: InboxState = { threads: [], unread: 0, live: 0 };
const listeners = new Set<() => void>();
let stream: EventSource | null = null;
let userOfStream: string | null = null;

function set(next: Partial<InboxState>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

/** Reads the threads again (after a delivery, a read, a mute). */
export async function refreshInbox(): Promise<void> {
  const { items } = await api<{ items: InboxThread[] }>('GET', '/api/me/messages/threads');
  set({ threads: items, unread: items.reduce((n, t) => n + (t.muted ? 0 : t.unread), 0) });
}

/**
 * Keeps the signed-in user's inbox live: the threads once, then the platform's event
 * stream (any server process delivers to it); the browser reconnects a dropped stream.
 */
export function followInbox(userId: string | null): void {
  if (userOfStream === userId) return;
  stream?.close();
  stream = null;
  userOfStream = userId;
  if (!userId) {
    set({ threads: [], unread: 0, live: 0 });
    return;
  }
  void refreshInbox().catch((e: unknown) => console.error('inbox', e));
  stream = new EventSource('/api/me/messages/stream');
  stream.addEventListener('message', () => {
    set({ live: state.live + 1 });
    void refreshInbox().catch((e: unknown) => console.error('inbox', e));
  });
}

export function useInbox(): InboxState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
