import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Engine } from '../../src/db/database.ts';

/** Every table of the platform's database: its row count and a hash of all its rows. */
export type DatabaseSnapshot = Map<string, { rows: number; hash: string }>;

async function tableNames(db: Db, engine: Engine): Promise<string[]> {
  const result =
    engine === 'sqlite'
      ? await sql<{ name: string }>`
          select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`
          select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return result.rows.map((r) => r.name).sort();
}

/** Columns left out of a table's hash: counters a refusal may move (see fuzz-run.ts). */
export type UnhashedColumns = Readonly<Record<string, readonly string[]>>;

/** A row as text that is the same on every read: keys sorted, bigints and bytes spelled out. */
function canonicalRow(row: Record<string, unknown>, leftOut: readonly string[] = []): string {
  return JSON.stringify(
    Object.keys(row)
      .filter((k) => !leftOut.includes(k))
      .sort()
      .map((k) => {
        const v = row[k];
        if (v instanceof Uint8Array) return [k, Buffer.from(v).toString('base64')];
        if (typeof v === 'bigint') return [k, v.toString()];
        if (v instanceof Date) return [k, v.toISOString()];
        return [k, v];
      }),
  );
}

/**
 * Reads every table whole. Rows are hashed in sorted order of their canonical text, which
 * orders them by primary key and every other column alike, and needs no knowledge of keys
 * (on PostgreSQL the server does it, in one query over every table).
 *
 * @example
 * const before = await snapshotDatabase(db, 'sqlite'); …; diffSnapshots(before, await snapshotDatabase(db, 'sqlite'));
 */
export async function snapshotDatabase(
  db: Db,
  engine: Engine,
  unhashed: UnhashedColumns = {},
): Promise<DatabaseSnapshot> {
  const snapshot: DatabaseSnapshot = new Map();
  const names = await tableNames(db, engine);
  if (engine === 'postgres') {
    // One round trip: the server hashes each table's rows in their sorted text form.
    const perTable = names.map((name) => {
      const leftOut = unhashed[name] ?? [];
      const row =
        leftOut.length === 0 ? sql`t::text` : sql`(to_jsonb(t) - ${sql.val(leftOut)}::text[])::text`;
      return sql<{ name: string; rows: number; hash: string }>`
        select ${name} as name, count(*)::int as rows,
          coalesce(md5(string_agg(${row}, E'\n' order by ${row})), '') as hash
        from ${sql.table(name)} t`;
    });
    const { rows } = await sql<{
      name: string;
      rows: number;
      hash: string;
    }>`${sql.join(perTable, sql` union all `)}`.execute(db);
    for (const r of rows) snapshot.set(r.name, { rows: r.rows, hash: r.hash });
    return snapshot;
  }
  for (const name of names) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    const hash = createHash('sha256');
    for (const line of rows.map((r) => canonicalRow(r, unhashed[name])).sort())
      hash.update(line).update('\n');
    snapshot.set(name, { rows: rows.length, hash: hash.digest('hex') });
  }
  return snapshot;
}

/** The tables whose rows differ between two snapshots, each with its row counts. */
export function diffSnapshots(
  before: DatabaseSnapshot,
  after: DatabaseSnapshot,
  ignore: ReadonlySet<string> = new Set(),
): string[] {
  const changed: string[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    if (ignore.has(name)) continue;
    const a = before.get(name);
    const b = after.get(name);
    if (a?.hash !== b?.hash) changed.push(`${name} (${a?.rows ?? 'absent'} → ${b?.rows ?? 'absent'} rows)`);
  }
  return changed.sort();
}
