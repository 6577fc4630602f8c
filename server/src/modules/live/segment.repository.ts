import type { Executor } from '../../db/database.ts';
import type { LiveSegmentRow } from './live.table.ts';

async function nextSeq(db: Executor, roomId: string): Promise<number> {
  const last = await db
    .selectFrom('live_segment')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('room_id', '=', roomId)
    .executeTakeFirst();
  return last?.seq === null || last?.seq === undefined ? 0 : Number(last.seq) + 1;
}

/**
 * Stores a pushed segment's bytes (a re-push of the same name replaces them). A playlist
 * listing it may have arrived first: pushes overlap.
 */
export async function putSegment(
  db: Executor,
  row: { room_id: string; name: string; blob: string; size: number; created_at: number },
): Promise<void> {
  await db
    .insertInto('live_segment')
    .values({ ...row, seq: await nextSeq(db, row.room_id), duration_ms: null })
    .onConflict((oc) =>
      oc
        .columns(['room_id', 'name'])
        .doUpdateSet({ blob: row.blob, size: row.size, created_at: row.created_at }),
    )
    .execute();
}

/** Records the durations a pushed playlist gives its segments, whether their bytes came yet or not. */
export async function setDurations(
  db: Executor,
  roomId: string,
  listed: Array<{ name: string; durationMs: number }>,
  now: number,
): Promise<void> {
  for (const s of listed)
    await db
      .insertInto('live_segment')
      .values({
        room_id: roomId,
        name: s.name,
        seq: await nextSeq(db, roomId),
        blob: '',
        size: 0,
        duration_ms: s.durationMs,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['room_id', 'name']).doUpdateSet({ duration_ms: s.durationMs }))
      .execute();
}

/** Segments whose duration is known, in arrival order. */
export function playableSegments(db: Executor, roomId: string): Promise<LiveSegmentRow[]> {
  return db
    .selectFrom('live_segment')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('duration_ms', 'is not', null)
    .where('size', '>', 0)
    .orderBy('seq')
    .execute();
}

export function findSegment(db: Executor, roomId: string, name: string): Promise<LiveSegmentRow | undefined> {
  return db
    .selectFrom('live_segment')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('name', '=', name)
    .where('size', '>', 0)
    .executeTakeFirst();
}
