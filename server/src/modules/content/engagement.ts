import type { Db } from '../../db/database.ts';
import type { VideoRow } from './content.table.ts';
import { hotScore } from './ranking.ts';
import { addCounters, setHot } from './video.repository.ts';

/** Adds to a video's counters and ranks it again by the new counts; the updated row. */
export async function countEngagement(
  db: Db,
  videoId: string,
  delta: { impressions?: number; plays?: number; completes?: number; likes?: number },
): Promise<VideoRow | undefined> {
  const row = await addCounters(db, videoId, delta);
  if (row) {
    const counts = { plays: Number(row.plays), completes: Number(row.completes), likes: Number(row.likes) };
    await setHot(db, videoId, hotScore(counts, Number(row.created_at)));
  }
  return row;
}
