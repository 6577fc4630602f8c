import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTarget, type TestTarget, testEngines } from '../../../test/support/test-database.ts';
import { createFileBlobStore } from '../../blobs/index.ts';
import { manualClock } from '../../db/clock.ts';
import { openDatabase } from '../../db/database.ts';
import { createMigrator, currentSchema, migrateToLatest } from '../../db/migrator.ts';
import { createFunnelService, funnelMigrations, funnelPersonalData } from '../funnel/index.ts';
import { createRecommendationService, recommendationMigrations } from '../recommendation/index.ts';

import { contentMigrations, contentPersonalData, createContentService } from './index.ts';

describe.each(testEngines)('personal data of content and funnel on %s', (engine) => {
  let target: TestTarget;
  let db: ReturnType<typeof openDatabase>['db'];
  let content: ReturnType<typeof createContentService>;
  const clock = manualClock(Date.UTC(2026, 10, 1));
  const media = (type: string) => ({ sha256: 'a'.repeat(64), size: 10, type });

  beforeAll(async () => {
    target = await createTestTarget(engine);
    db = openDatabase(target.target).db;
    await migrateToLatest(
      createMigrator(
        db,
        [contentMigrations, funnelMigrations, recommendationMigrations],
        engine === 'postgres' ? await currentSchema(db) : undefined,
      ),
    );
    content = createContentService({
      db,
      clock,
      blobs: createFileBlobStore(`${target.env.PLAZA_DATA_DIR}/blobs`),
      funnel: createFunnelService(db),
      ranker: createRecommendationService({ db, clock }),
      apps: { mountable: async () => new Map() },
    });
  });
  afterAll(async () => {
    await db?.destroy();
    await target?.drop();
  });

  it('exports videos, likes, feed events and funnel steps, then erases or unlinks them', async () => {
    const contentData = contentPersonalData(db);
    const funnelData = funnelPersonalData(db);
    const contributors = [contentData, funnelData];
    await content.becomeCreator('usr_chef', 'Chef Li');
    await content.becomeCreator('usr_other', 'Baker Wu');
    const mine = await content.publishVideo({
      userId: 'usr_chef',
      caption: 'Hand-pulled noodles',
      video: media('video/mp4'),
      cover: media('image/jpeg'),
    });
    const theirs = await content.publishVideo({
      userId: 'usr_other',
      caption: 'Sourdough',
      video: media('video/mp4'),
      cover: media('image/jpeg'),
    });
    await content.like(theirs.id, 'usr_chef', true);
    await content.like(theirs.id, 'usr_other', true);
    await content.recordEvents('usr_chef', [
      { type: 'play', videoId: theirs.id, at: clock.now() },
      { type: 'app_open', appid: 'ttshop', at: clock.now() },
    ]);

    const [c, f] = await Promise.all(contributors.map((x) => x.export('usr_chef')));
    expect(c).toEqual({
      creator: { display_name: 'Chef Li', since: clock.now() },
      videos: [
        expect.objectContaining({
          video_id: mine.id,
          caption: 'Hand-pulled noodles',
          status: 'published',
        }),
      ],
      likes: [{ video_id: theirs.id, liked_at: clock.now() }],
      feed_events: expect.arrayContaining([
        { type: 'play', video_id: theirs.id, appid: null, at: clock.now() },
        { type: 'app_open', video_id: null, appid: 'ttshop', at: clock.now() },
      ]),
    });
    expect(f).toEqual({ steps: [{ appid: 'ttshop', step: 'app_open', amount: 0, at: clock.now() }] });

    await db.transaction().execute(async (trx) => {
      for (const x of contributors) await x.erase('usr_chef', trx);
    });
    // Run twice: erasure is safe to repeat.
    await db.transaction().execute(async (trx) => {
      for (const x of contributors) await x.erase('usr_chef', trx);
    });

    const after = (await contentData.export('usr_chef')) as {
      videos: { status: string; caption: string }[];
    };
    expect(after).toMatchObject({ creator: { display_name: 'Deleted user' }, likes: [], feed_events: [] });
    expect(after.videos).toEqual([expect.objectContaining({ status: 'removed', caption: '' })]);
    expect(await funnelData.export('usr_chef')).toEqual({ steps: [] });
    await expect(content.getVideo(mine.id)).rejects.toMatchObject({ code: 'CONTENT_VIDEO_NOT_FOUND' });
    // The other creator's video lost exactly the erased like; their own data is untouched.
    expect((await content.getVideo(theirs.id)).likes).toBe(1);
    expect(((await contentData.export('usr_other')) as { likes: unknown[] }).likes).toHaveLength(1);
    // The app's funnel still counts the step, now without a person behind it.
    const steps = await db.selectFrom('funnel_event').select(['user_id', 'step']).execute();
    expect(steps).toEqual([{ user_id: null, step: 'app_open' }]);
  });
});
