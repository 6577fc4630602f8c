import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test/support/test-database.ts';
import { startTestPlatform } from '../../test/support/test-platform.ts';
import { appsClient } from '../modules/apps/testing.ts';
import { demoHistoryDays, seedDemoHistory } from './demo-history.ts';

describe.each(testEngines)("the demo's past weeks, on %s", (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    t = await startTestPlatform(engine);
  });
  afterAll(async () => t?.stop());

  it('fills every past day of the funnel and the errors once, leaving today to the loop', async () => {
    const c = appsClient(t);
    const { appid } = await c.createApp(await c.orgOwner());
    expect(await seedDemoHistory(t, appid)).toBe(true);
    const day = (back: number) => new Date(t.clock.now() - back * 86_400_000).toISOString().slice(0, 10);
    const days = await t.funnel.daily(appid, day(demoHistoryDays), day(0));
    const past = days.slice(0, -1);
    expect(past).toHaveLength(demoHistoryDays);
    for (const d of past) {
      expect(d.steps.anchor_exposure).toBeGreaterThan(d.steps.anchor_click);
      expect(d.steps.paid).toBeGreaterThan(0);
      expect(d.settledAmount).toBeGreaterThan(0);
    }
    expect(days.at(-1)?.steps.anchor_exposure).toBe(0);
    const errors = await t.runtimeErrors.groups(appid);
    expect(errors.map((e) => e.count).sort()).toEqual([3, 6]);

    // A second start finds the figures and adds nothing.
    expect(await seedDemoHistory(t, appid)).toBe(false);
    expect(await t.funnel.daily(appid, day(demoHistoryDays), day(0))).toEqual(days);
    expect((await t.runtimeErrors.groups(appid)).map((e) => e.count).sort()).toEqual([3, 6]);
  });
});
