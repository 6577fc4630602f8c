import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** PostgreSQL: a notification on `channel`, sent when the caller's transaction commits. */
export async function notifyChannel(db: Executor, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}
