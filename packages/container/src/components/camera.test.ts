import { describe, expect, it } from 'vitest';
import { COMPONENT_GALLERY_DIR } from '../bundle/index.ts';
import { ARTIFACTS, frameOf, mountFixture, useHarness } from '../testing/container-harness.ts';

// Chromium's fake camera, and its permission prompt answered yes: only this file needs them.
const harness = useHarness([{ name: 'gallery', dir: COMPONENT_GALLERY_DIR }], {
  browserArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
});

describe('camera', () => {
  it('shows the camera once the user allowed it, and fires initdone; wx.createCameraContext takes a photo', async () => {
    const page = await harness.open();
    await mountFixture(page, 'gallery', {
      query: { camera: '1' },
      permissions: { camera: true },
      appId: 'camera-allowed',
    });
    // The consent sheet of the host asks first.
    await page.getByRole('button', { name: 'Allow', exact: true }).click();
    const frame = await frameOf(page, 'pages/index/index');
    await frame
      .locator('#state')
      .filter({ hasText: /camera (ready \d+x\d+|error)/ })
      .waitFor({ timeout: 10_000 });
    expect(await frame.locator('#state').textContent()).toMatch(/camera ready \d+x\d+/);
    await frame
      .locator('#state')
      .filter({ hasText: /photo / })
      .waitFor();
    expect(await frame.locator('#state').textContent()).toMatch(/photo \d+x\d+/);
    await frame.locator('#camera').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}component-camera.png` });
    await page.close();
  });

  it('refused by the user: the error event, and no stream', async () => {
    const page = await harness.open();
    await mountFixture(page, 'gallery', {
      query: { camera: '1' },
      permissions: { camera: true },
      appId: 'camera-denied',
    });
    await page.getByRole('button', { name: "Don't allow" }).click();
    const frame = await frameOf(page, 'pages/index/index');
    await frame.locator('#state').filter({ hasText: 'camera error camera:fail auth deny' }).waitFor();
    expect(await frame.locator('#camera').evaluate((el) => el.hasAttribute('data-failed'))).toBe(true);
    await page.close();
  });

  it('an app the platform did not grant the camera gets none, and the user is not even asked', async () => {
    const page = await harness.open();
    await mountFixture(page, 'gallery', { query: { camera: '1' }, appId: 'camera-not-granted' });
    const frame = await frameOf(page, 'pages/index/index');
    await frame
      .locator('#state')
      .filter({ hasText: 'camera error camera:fail the camera is not available to this app' })
      .waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.close();
  });
});
