import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { RuntimeErrorGroupTable } from './runtime-errors.table.ts';

/** Counts one more report of a known group; the group's id, or undefined when it is new. */
export async function countKnownGroup(
  db: Db,
  appid: string,
  fingerprint: string,
  at: number,
): Promise<string | undefined> {
  const row = await db
    .updateTable('runtime_error_group')
    .set({ count: sql`count + 1`, last_seen: sql`CASE WHEN last_seen > ${at} THEN last_seen ELSE ${at} END` })
    .where('appid', '=', appid)
    .where('fingerprint', '=', fingerprint)
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function groupCount(db: Db, appid: string): Promise<number> {
  const row = await db
    .selectFrom('runtime_error_group')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('appid', '=', appid)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Inserts a new group, or counts the report on the one another request inserted meanwhile;
 * the group's id either way.
 */
export async function insertGroup(db: Db, row: RuntimeErrorGroupTable): Promise<string> {
  const saved = await db
    .insertInto('runtime_error_group')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['appid', 'fingerprint']).doUpdateSet({
        count: sql`runtime_error_group.count + 1`,
        last_seen: sql`CASE WHEN runtime_error_group.last_seen > ${row.last_seen} THEN runtime_error_group.last_seen ELSE ${row.last_seen} END`,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return saved.id;
}

export async function countVersion(db: Db, groupId: string, version: string, at: number): Promise<void> {
  await db
    .insertInto('runtime_error_version')
    .values({ group_id: groupId, version, count: 1, last_seen: at })
    .onConflict((oc) =>
      oc.columns(['group_id', 'version']).doUpdateSet({
        count: sql`runtime_error_version.count + 1`,
        last_seen: sql`CASE WHEN runtime_error_version.last_seen > ${at} THEN runtime_error_version.last_seen ELSE ${at} END`,
      }),
    )
    .execute();
}

/** The app's groups, the most recently seen first. */
export async function groupsOf(db: Db, appid: string, limit: number) {
  return db
    .selectFrom('runtime_error_group')
    .selectAll()
    .where('appid', '=', appid)
    .orderBy('last_seen', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function versionsOf(db: Db, groupIds: readonly string[]) {
  if (groupIds.length === 0) return [];
  return db
    .selectFrom('runtime_error_version')
    .selectAll()
    .where('group_id', 'in', groupIds)
    .orderBy('last_seen', 'desc')
    .execute();
}
