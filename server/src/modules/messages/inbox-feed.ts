import pg from 'pg';
import type { DatabaseTarget, Db, Executor } from '../../db/database.ts';
import { notifyChannel } from './feed.repository.ts';
import { listDeliveredSince } from './message.repository.ts';

/** One delivered message, announced to the inboxes its user has open. */
export interface InboxNote {
  userId: string;
  messageId: string;
}

type Listener = (note: InboxNote) => void;

/**
 * Tells open inboxes of every server process that a message was delivered. On PostgreSQL
 * the delivering transaction sends a `NOTIFY` that each process `LISTEN`s to; on SQLite
 * (one file, possibly several processes) each process polls the delivered messages.
 */
export interface InboxFeed {
  /** Inside the delivering transaction: the announcement leaves only if it commits. */
  announce(trx: Executor, note: InboxNote): Promise<void>;
  /** Calls `listener` for each message delivered to the user from now on; returns the unsubscribe. */
  subscribe(userId: string, listener: Listener): () => void;
  /** Starts listening (PostgreSQL) or polling (SQLite) for the process. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const channel = 'plaza_inbox';

function listenerSet() {
  const byUser = new Map<string, Set<Listener>>();
  return {
    add(userId: string, listener: Listener) {
      const set = byUser.get(userId) ?? new Set();
      set.add(listener);
      byUser.set(userId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) byUser.delete(userId);
      };
    },
    dispatch(note: InboxNote) {
      for (const listener of byUser.get(note.userId) ?? []) listener(note);
    },
    get size() {
      return byUser.size;
    },
  };
}

export function postgresInboxFeed(url: string, options: { onError(error: Error): void }): InboxFeed {
  const listeners = listenerSet();
  let client: pg.Client | undefined;
  return {
    async announce(trx, note) {
      await notifyChannel(trx, channel, JSON.stringify(note));
    },
    subscribe: (userId, listener) => listeners.add(userId, listener),
    async start() {
      client = new pg.Client({ connectionString: url });
      client.on('error', options.onError);
      client.on('notification', (message) => {
        if (message.channel !== channel || !message.payload) return;
        const note = JSON.parse(message.payload) as InboxNote;
        listeners.dispatch(note);
      });
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    },
    async stop() {
      await client?.end();
      client = undefined;
    },
  };
}

/** SQLite: polls newly delivered messages while someone has an inbox open. */
export function pollingInboxFeed(
  db: Db,
  options: { intervalMs: number; now(): number; onError(error: Error): void },
): InboxFeed {
  const listeners = listenerSet();
  // Deliveries are stamped before they commit: look back a little and skip what was seen.
  const lookBackMs = 5_000;
  const seen = new Map<string, number>();
  let cursor = options.now();
  let timer: NodeJS.Timeout | undefined;
  let polling = false;

  async function poll(): Promise<void> {
    if (polling || listeners.size === 0) return;
    polling = true;
    try {
      const rows = await listDeliveredSince(db, cursor - lookBackMs, 500);
      for (const row of rows) {
        if (seen.has(row.id)) continue;
        seen.set(row.id, Number(row.delivered_at));
        listeners.dispatch({ userId: row.user_id, messageId: row.id });
      }
      const latest = rows.at(-1);
      if (latest && rows.length < 500) cursor = Math.max(cursor, Number(latest.delivered_at));
      for (const [id, at] of seen) if (at < cursor - lookBackMs) seen.delete(id);
    } finally {
      polling = false;
    }
  }

  return {
    async announce() {},
    subscribe(userId, listener) {
      // A fresh inbox starts from now: the poll need not catch up with an idle past.
      if (listeners.size === 0) cursor = options.now();
      return listeners.add(userId, listener);
    },
    async start() {
      timer = setInterval(() => {
        poll().catch(options.onError);
      }, options.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

/** The feed for the platform's engine. */
export function inboxFeedFor(
  target: DatabaseTarget,
  db: Db,
  options: { now(): number; onError(error: Error): void },
): InboxFeed {
  return target.kind === 'postgres'
    ? postgresInboxFeed(target.url, options)
    : pollingInboxFeed(db, { intervalMs: 25, ...options });
}
