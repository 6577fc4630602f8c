import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './database.ts';

const marker = '\u0000plaza-slot:';

/**
 * A query built once per shape and then run with new values. Kysely rebuilds and
 * recompiles a query on every call; for a wide query on a hot path (the feed, session
 * lookups) that costs several times what the database spends on it. The builder is
 * called once per `db` and shape with placeholder values; each call then swaps the
 * values in. Values must reach the SQL as parameters (comparisons, limits), never as
 * identifiers or raw SQL. A query is compiled once per dialect, so a transaction of `db`
 * reuses what `db` compiled.
 *
 * @example
 * const byToken = preparedQuery((db, a: { hash: string }) =>
 *   db.selectFrom('auth_session').selectAll().where('token_hash', '=', a.hash));
 * const row = (await byToken(db, 'one', { hash })).rows[0];
 */
export function preparedQuery<A extends object, R>(build: (db: Db, args: A) => Compilable<R>) {
  // Keyed by the dialect's adapter, which a database and each of its transactions share.
  const compiled = new WeakMap<object, Map<string, CompiledQuery<R>>>();
  return async (db: Db, shape: string, args: A): Promise<R[]> => {
    const dialect = db.getExecutor().adapter;
    let shapes = compiled.get(dialect);
    if (!shapes) {
      shapes = new Map();
      compiled.set(dialect, shapes);
    }
    let query = shapes.get(shape);
    if (!query) {
      const slots = Object.fromEntries(Object.keys(args).map((k) => [k, `${marker}${k}`])) as unknown as A;
      query = build(db, slots).compile();
      shapes.set(shape, query);
    }
    const parameters = query.parameters.map((p) => {
      if (typeof p !== 'string' || !p.startsWith(marker)) return p;
      const key = p.slice(marker.length);
      if (!(key in args)) throw new Error(`preparedQuery: no value for ${key} in shape ${shape}`);
      return (args as Record<string, unknown>)[key];
    });
    const result = await db.executeQuery<R>({ ...query, parameters });
    return result.rows;
  };
}

/**
 * A row to insert through a prepared query, and the shape it compiles under: the columns
 * it sets. Kysely leaves out columns whose value is `undefined`, so they are left out here
 * too, and rows setting different columns get their own statement.
 *
 * @example
 * const { shape, row: given } = rowShape(row);
 * await insertJobRow(db, shape, given);
 */
export function rowShape<T extends object>(row: T): { shape: string; row: T } {
  const given = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;
  return { shape: Object.keys(given).join(','), row: given };
}
