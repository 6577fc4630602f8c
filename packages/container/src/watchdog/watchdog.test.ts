import { describe, expect, it } from 'vitest';
import { ARTIFACTS, events, frameOf, mountFixture, useHarness } from '../testing/container-harness.ts';

const harness = useHarness(['crash']);

describe('a mini program that hangs or crashes', () => {
  it('an endless loop in onLoad leaves the host page responsive; the error page restarts the program', async () => {
    const page = await harness.open();
    // The host page keeps a clock running; a frozen main thread would stop it.
    await page.evaluate(() => {
      const w = window as unknown as { ticks: number };
      w.ticks = 0;
      setInterval(() => w.ticks++, 50);
    });
    const started = Date.now();
    await mountFixture(page, 'crash', {
      path: 'pages/start/start',
      query: { mode: 'loop' },
      watchdog: { interval: 200, timeout: 1500 },
    });
    const error = page.locator('.plaza-error:not([hidden])');
    await error.waitFor({ timeout: 5000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    const ticks = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
    expect(ticks).toBeGreaterThan(20);
    expect(await error.textContent()).toContain('stopped responding');
    expect(await page.locator('iframe.plaza-logic').count()).toBe(0);
    const fatal = (await events(page)).filter((e) => e.type === 'error' && e.fatal);
    expect(fatal.map((e) => e.code)).toEqual(['PLZ_CONTAINER_STUCK']);
    await page.screenshot({ path: `${ARTIFACTS}watchdog-error-page.png` });

    await page.getByRole('button', { name: 'Restart' }).click();
    const frame = await frameOf(page, 'pages/start/start');
    await frame.locator('#state').filter({ hasText: 'fine' }).waitFor();
    expect(await error.count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}watchdog-restarted.png` });
    await page.close();
  });

  it('an error thrown while launching shows the error page with its message; restart works', async () => {
    const page = await harness.open();
    await mountFixture(page, 'crash', { path: 'pages/start/start', query: { mode: 'throw' } });
    const error = page.locator('.plaza-error:not([hidden])');
    await error.waitFor({ timeout: 5000 });
    expect(await error.textContent()).toContain('boom in onLoad');
    const reported = (await events(page)).find((e) => e.type === 'error' && e.source === 'lifecycle');
    expect(reported).toMatchObject({ message: 'boom in onLoad', fatal: true });
    // The worker runs logic.js as a script (no eval), yet the error names the author's line.
    expect(reported).toMatchObject({ file: 'pages/start/start.js', line: 10 });
    expect(await error.textContent()).toContain('pages/start/start.js:10:');
    await page.getByRole('button', { name: 'Restart' }).click();
    const frame = await frameOf(page, 'pages/start/start');
    await frame.locator('#state').filter({ hasText: 'fine' }).waitFor();
    await page.close();
  });

  it('an endless loop in a template helper (the view frame) leaves the host responsive; restart renders again', async () => {
    const page = await harness.open();
    await mountFixture(page, 'crash', {
      path: 'pages/spin/spin',
      watchdog: { interval: 200, timeout: 1500 },
    });
    const frame = await frameOf(page, 'pages/spin/spin');
    await frame.locator('#spin').filter({ hasText: 'calm' }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { ticks: number };
      w.ticks = 0;
      setInterval(() => w.ticks++, 50);
    });
    await frame.locator('#go').click();
    const error = page.locator('.plaza-error:not([hidden])');
    await error.waitFor({ timeout: 5000 });
    expect(await page.evaluate(() => (window as unknown as { ticks: number }).ticks)).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Restart' }).click();
    const again = await frameOf(page, 'pages/spin/spin');
    await again.locator('#spin').filter({ hasText: 'calm' }).waitFor();
    await page.close();
  });
});
