import { useSyncExternalStore } from 'react';
import { ApiError, api, upload } from '../api.ts';
import { type ChatLine, mergeLines } from './chat-line.ts';

export interface ChatApp {
  appid: string;
  name: string;
  iconUrl: string | null;
}

interface ChatState {
  /** The app whose chat is open, or null. */
  app: ChatApp | null;
  lines: ChatLine[];
  blocked: boolean;
  reported: boolean;
  error: string | null;
}

const closed: ChatState = { app: null, lines: [], blocked: false, reported: false, error: null };
let state: ChatState = closed;
const listeners = new Set<() => void>();
let stream: EventSource | null = null;
let userOfStream: string | null = null;

function set(next: Partial<ChatState>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

const base = (appid: string) => `/api/me/support/conversations/${encodeURIComponent(appid)}`;
const failed = (error: unknown) => (error instanceof ApiError ? error.message : 'Something went wrong');

/**
 * Opens the chat with an app (the contact button, `openCustomerServiceChat`): the page it
 * was opened from goes to the merchant as a card; the latest lines load.
 */
export async function openChat(app: ChatApp, source: { path: string; title: string } | null): Promise<void> {
  const opened = await api<{ conversation: { blocked: boolean; app: { name: string } } }>(
    'POST',
    `${base(app.appid)}/open`,
    source ? { path: source.path, title: source.title } : {},
  );
  const { items } = await api<{ items: ChatLine[] }>('GET', `${base(app.appid)}/messages?limit=100`);
  // The platform's name for the app: a link may have opened it knowing only its appid.
  set({
    ...closed,
    app: { ...app, name: opened.conversation.app.name },
    blocked: opened.conversation.blocked,
    lines: mergeLines([], items),
  });
  void api('POST', `${base(app.appid)}/read`).catch(() => undefined);
}

export function closeChat(): void {
  set(closed);
}

async function sending(send: (appid: string) => Promise<ChatLine>): Promise<boolean> {
  const app = state.app;
  if (!app) return false;
  try {
    const line = await send(app.appid);
    if (state.app?.appid === app.appid) set({ lines: mergeLines(state.lines, [line]), error: null });
    return true;
  } catch (error) {
    set({ error: failed(error) });
    return false;
  }
}

export const sendText = (text: string) =>
  sending((appid) => api<ChatLine>('POST', `${base(appid)}/messages`, { text }));

export const sendImage = (file: Blob) => sending((appid) => upload<ChatLine>(`${base(appid)}/images`, file));

export async function setBlocked(blocked: boolean): Promise<void> {
  const app = state.app;
  if (!app) return;
  const conversation = await api<{ blocked: boolean }>('PUT', `${base(app.appid)}/block`, { blocked });
  set({ blocked: conversation.blocked });
}

export async function report(reason: string): Promise<void> {
  const app = state.app;
  if (!app) return;
  await api('POST', `${base(app.appid)}/reports`, { reason });
  set({ reported: true });
}

/**
 * Keeps the signed-in user's chats live: the merchant's answers arrive over the platform's
 * event stream (from any server process) into the open chat.
 */
export function followChats(userId: string | null): void {
  if (userOfStream === userId) return;
  stream?.close();
  stream = null;
  userOfStream = userId;
  if (!userId) {
    set(closed);
    return;
  }
  stream = new EventSource('/api/me/support/stream');
  stream.addEventListener('line', (event) => {
    const line = JSON.parse((event as MessageEvent<string>).data) as ChatLine;
    if (state.app?.appid !== line.appid) return;
    set({ lines: mergeLines(state.lines, [line]) });
    void api('POST', `${base(line.appid)}/read`).catch(() => undefined);
  });
}

export function useChat(): ChatState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
