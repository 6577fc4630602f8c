import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';
export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
export type Db = Kysely<Database>;
/** `db` or an open transaction: what a repository function runs its SQL on. */
export type Executor = Kysely<Database>;
/** An open transaction, for code that must run inside one. */
export type Trx = Transaction<Database>;

// int8 (bigint) arrives from pg as a string; money and timestamps are integers well inside
// 2^53, so numbers keep one type on both engines. A value past that is a bug, not data.
pg.types.setTypeParser(20, (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
  return n;
});

/**
 * Opens the platform's database on either engine.
 *
 * @example
 * const { db, engine } = openDatabase({ kind: 'sqlite', file: '.plaza/plaza.db' });
 */
export function openDatabase(
  target: DatabaseTarget,
  options: { poolSize?: number } = {},
): { db: Db; engine: Engine } {
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    const side = committedSide(target.file);
    const dialect = new SqliteDialect({
      database: async () => {
        const handle = new SqliteDatabase(target.file);
        handle.pragma('journal_mode = WAL');
        handle.pragma('busy_timeout = 5000');
        handle.pragma('foreign_keys = ON');
        handle.pragma('synchronous = NORMAL');
        return withStatementCache(handle, side.close);
      },
    });
    const db = new Kysely<Database>({ dialect });
    if (target.file !== ':memory:') committedSides.set(db, side);
    return { db, engine: 'sqlite' };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgres' };
}

/**
 * Kysely prepares every query anew; on SQLite preparing costs about as much as running
 * a small query, and the platform sends the same few hundred SQL texts over and over.
 * Statements are reused per SQL text (Kysely runs one query at a time per connection,
 * so a statement is never shared by two running queries).
 */
function withStatementCache(handle: SqliteDatabase.Database, alsoClose: () => void) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      alsoClose();
      handle.close();
    },
    prepare(sqlText: string) {
      let statement = cache.get(sqlText);
      if (!statement) {
        statement = handle.prepare(sqlText);
        // Bounded: generated IN-lists of many lengths must not grow it forever.
        if (cache.size >= 2000) cache.clear();
        cache.set(sqlText, statement);
      }
      return statement;
    },
  };
}

interface CommittedSide {
  read(sqlText: string): unknown;
  close(): void;
}

const committedSides = new WeakMap<Db, CommittedSide>();

/**
 * A second, read-only connection to the SQLite file, opened on first use. It never sees
 * a transaction still open on the main connection, only what is committed.
 */
function committedSide(file: string): CommittedSide {
  let handle: SqliteDatabase.Database | undefined;
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    read(sqlText) {
      let statement = statements.get(sqlText);
      if (!statement) {
        handle ??= new SqliteDatabase(file, { readonly: true, fileMustExist: true });
        statement = handle.prepare(sqlText).pluck();
        statements.set(sqlText, statement);
      }
      return statement.get();
    },
    close() {
      handle?.close();
      handle = undefined;
      statements.clear();
    },
  };
}

/**
 * A synchronous read of one committed value, for checks on every request that must cost
 * far less than a query through Kysely (a counter a cache is checked against). Only on an
 * SQLite file: undefined on PostgreSQL (a read there is a round trip like any other) and
 * on `:memory:` (a second connection would see another database).
 *
 * @example
 * const epoch = committedValue(db, 'select epoch from auth_session_epoch');
 * if (epoch) epoch(); // → 42
 */
export function committedValue(db: Db, sqlText: string): (() => unknown) | undefined {
  const side = committedSides.get(db);
  return side && (() => side.read(sqlText));
}

/** Which engine a Kysely instance talks to (migrations use it for the few engine-specific types). */
export function engineOf(db: Kysely<unknown>): Engine {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres') ? 'postgres' : 'sqlite';
}

export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
