import { sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget, Db, Executor } from '../db/database.ts';

/**
 * Tells the open streams of every server process that something happened (a message was
 * delivered, a chat line was written). On PostgreSQL the writing transaction sends a
 * `NOTIFY` that each process `LISTEN`s to; on SQLite (one file, possibly several processes)
 * each process polls what was written since it last looked.
 *
 * Listeners subscribe by key (a user, an app): a note reaches the listeners of each of its keys.
 */
export interface LiveFeed<Note> {
  /** Inside the writing transaction: the announcement leaves only if it commits. */
  announce(trx: Executor, note: Note): Promise<void>;
  /** Calls `listener` for each note under `key` from now on; returns the unsubscribe. */
  subscribe(key: string, listener: (note: Note) => void): () => void;
  /** Starts listening (PostgreSQL) or polling (SQLite) for the process. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What one kind of feed is: its channel, the keys of a note, and how SQLite finds new notes. */
export interface LiveFeedSource<Note> {
  /** The PostgreSQL channel (a plain identifier). */
  channel: string;
  keysOf(note: Note): string[];
  /**
   * SQLite: the notes written after `after` (ms), oldest first, at most `limit`, each with
   * an id (seen ones are skipped) and its time.
   */
  since(db: Db, after: number, limit: number): Promise<{ id: string; at: number; note: Note }[]>;
}

interface FeedOptions {
  now(): number;
  onError(error: Error): void;
}

function listenerSet<Note>(keysOf: (note: Note) => string[]) {
  const byKey = new Map<string, Set<(note: Note) => void>>();
  return {
    add(key: string, listener: (note: Note) => void) {
      const set = byKey.get(key) ?? new Set();
      set.add(listener);
      byKey.set(key, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) byKey.delete(key);
      };
    },
    dispatch(note: Note) {
      for (const key of keysOf(note)) for (const listener of byKey.get(key) ?? []) listener(note);
    },
    get size() {
      return byKey.size;
    },
  };
}

/** PostgreSQL: a notification on `channel`, sent when the caller's transaction commits. */
async function notifyChannel(db: Executor, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

export function postgresLiveFeed<Note>(
  url: string,
  source: LiveFeedSource<Note>,
  options: Pick<FeedOptions, 'onError'>,
): LiveFeed<Note> {
  const listeners = listenerSet(source.keysOf);
  let client: pg.Client | undefined;
  return {
    async announce(trx, note) {
      await notifyChannel(trx, source.channel, JSON.stringify(note));
    },
    subscribe: (key, listener) => listeners.add(key, listener),
    async start() {
      client = new pg.Client({ connectionString: url });
      client.on('error', options.onError);
      client.on('notification', (message) => {
        if (message.channel !== source.channel || !message.payload) return;
        listeners.dispatch(JSON.parse(message.payload) as Note);
      });
      await client.connect();
      await client.query(`LISTEN ${source.channel}`);
    },
    async stop() {
      await client?.end();
      client = undefined;
    },
  };
}

/** SQLite: polls what was written while someone has a stream open. */
export function pollingLiveFeed<Note>(
  db: Db,
  source: LiveFeedSource<Note>,
  options: FeedOptions & { intervalMs: number },
): LiveFeed<Note> {
  const listeners = listenerSet(source.keysOf);
  // Rows are stamped before they commit: look back a little and skip what was seen.
  const lookBackMs = 5_000;
  const batch = 500;
  const seen = new Map<string, number>();
  let cursor = options.now();
  let timer: NodeJS.Timeout | undefined;
  let polling = false;

  async function poll(): Promise<void> {
    if (polling || listeners.size === 0) return;
    polling = true;
    try {
      const rows = await source.since(db, cursor - lookBackMs, batch);
      for (const row of rows) {
        if (seen.has(row.id)) continue;
        seen.set(row.id, row.at);
        listeners.dispatch(row.note);
      }
      const latest = rows.at(-1);
      if (latest && rows.length < batch) cursor = Math.max(cursor, latest.at);
      for (const [id, at] of seen) if (at < cursor - lookBackMs) seen.delete(id);
    } finally {
      polling = false;
    }
  }

  return {
    async announce() {},
    subscribe(key, listener) {
      // A fresh stream starts from now: the poll need not catch up with an idle past.
      if (listeners.size === 0) cursor = options.now();
      return listeners.add(key, listener);
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
export function liveFeedFor<Note>(
  target: DatabaseTarget,
  db: Db,
  source: LiveFeedSource<Note>,
  options: FeedOptions,
): LiveFeed<Note> {
  return target.kind === 'postgres'
    ? postgresLiveFeed(target.url, source, options)
    : pollingLiveFeed(db, source, { intervalMs: 25, ...options });
}
