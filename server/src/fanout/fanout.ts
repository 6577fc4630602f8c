import { sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget, Db, Executor } from '../db/database.ts';

type Listener<N> = (note: N) => void;

/**
 * Tells the listeners of every server process that something happened (a message was
 * delivered, a live room got a comment). On PostgreSQL the changing transaction sends a
 * `NOTIFY` that each process `LISTEN`s to; on SQLite (one file, possibly several
 * processes) each process polls the rows the notes are read from.
 */
export interface Fanout<N> {
  /** Inside the changing transaction: the note leaves only if it commits. */
  announce(trx: Executor, note: N): Promise<void>;
  /** Calls `listener` for each note of `key` from now on; returns the unsubscribe. */
  subscribe(key: string, listener: Listener<N>): () => void;
  /** Starts listening (PostgreSQL) or polling (SQLite) for the process. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What one kind of note is: its channel, whom it is for, and (SQLite) where to read it again. */
export interface FanoutSpec<N> {
  /** The PostgreSQL channel: a plain identifier. */
  channel: string;
  /** The key listeners subscribe to (a user, a room). */
  keyOf(note: N): string;
  /** The notes stamped after `after` (ms), oldest first, each with a unique id and its stamp. */
  since(db: Db, after: number, limit: number): Promise<Array<{ id: string; at: number; note: N }>>;
}

export interface FanoutOptions {
  now(): number;
  onError(error: Error): void;
  /** SQLite's poll interval. */
  intervalMs?: number;
}

function listenerSet<N>(keyOf: (note: N) => string) {
  const byKey = new Map<string, Set<Listener<N>>>();
  return {
    add(key: string, listener: Listener<N>) {
      const set = byKey.get(key) ?? new Set();
      set.add(listener);
      byKey.set(key, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) byKey.delete(key);
      };
    },
    dispatch(note: N) {
      for (const listener of byKey.get(keyOf(note)) ?? []) listener(note);
    },
    get size() {
      return byKey.size;
    },
  };
}

export function postgresFanout<N>(url: string, spec: FanoutSpec<N>, options: FanoutOptions): Fanout<N> {
  const listeners = listenerSet(spec.keyOf);
  let client: pg.Client | undefined;
  return {
    async announce(trx, note) {
      await sql`select pg_notify(${spec.channel}, ${JSON.stringify(note)})`.execute(trx);
    },
    subscribe: (key, listener) => listeners.add(key, listener),
    async start() {
      client = new pg.Client({ connectionString: url });
      client.on('error', options.onError);
      client.on('notification', (message) => {
        if (message.channel !== spec.channel || !message.payload) return;
        listeners.dispatch(JSON.parse(message.payload) as N);
      });
      await client.connect();
      await client.query(`LISTEN ${spec.channel}`);
    },
    async stop() {
      await client?.end();
      client = undefined;
    },
  };
}

/** SQLite: polls the spec's rows while someone listens. */
export function pollingFanout<N>(db: Db, spec: FanoutSpec<N>, options: FanoutOptions): Fanout<N> {
  const listeners = listenerSet(spec.keyOf);
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
      const rows = await spec.since(db, cursor - lookBackMs, batch);
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
      // A first listener starts from now: the poll need not catch up with an idle past.
      if (listeners.size === 0) cursor = options.now();
      return listeners.add(key, listener);
    },
    async start() {
      timer = setInterval(() => {
        poll().catch(options.onError);
      }, options.intervalMs ?? 25);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

/** The fan-out for the platform's engine. */
export function fanoutFor<N>(
  target: DatabaseTarget,
  db: Db,
  spec: FanoutSpec<N>,
  options: FanoutOptions,
): Fanout<N> {
  return target.kind === 'postgres'
    ? postgresFanout(target.url, spec, options)
    : pollingFanout(db, spec, options);
}
