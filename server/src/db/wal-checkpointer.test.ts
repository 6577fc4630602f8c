import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from './database.ts';
import { createTestTarget } from './test-database.ts';

const sizeOf = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

describe('SQLite checkpoints beside the writer', () => {
  it('copies a growing write-ahead log into the database from another thread, with writes going on', async () => {
    const target = await createTestTarget('sqlite');
    if (target.target.kind !== 'sqlite') throw new Error('sqlite expected');
    const file = target.target.file;
    const { db } = openDatabase(target.target);
    try {
      await sql`create table filler (id integer primary key, payload text not null)`.execute(db);
      const payload = 'x'.repeat(4000);
      // About 3 MB of log: past the worker's start, far below the main connection's own
      // automatic checkpoint (10,000 pages), which therefore never runs here.
      for (let i = 0; i < 800; i++)
        await sql`insert into filler (payload) values (${`${i}${payload}`})`.execute(db);
      expect(sizeOf(`${file}-wal`)).toBeGreaterThan(2_000_000);
      const before = sizeOf(file);
      expect(before).toBeLessThan(1_000_000);
      // The writer keeps writing while the checkpointer copies; the pages land in the file.
      await vi.waitFor(
        async () => {
          await sql`insert into filler (payload) values ('more')`.execute(db);
          expect(sizeOf(file)).toBeGreaterThan(3_000_000);
        },
        { timeout: 5_000, interval: 50 },
      );
      const count = await sql<{ n: number }>`select count(*) as n from filler`.execute(db);
      expect(Number(count.rows[0]?.n)).toBeGreaterThan(800);
    } finally {
      await db.destroy();
      await target.drop();
    }
  });
});
