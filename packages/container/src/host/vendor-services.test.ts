import { join } from 'node:path';
import { VENDOR_SERVICES_PROBE_OUT, vendorServicesProbeFiles } from '@plaza/runtime/testing';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  events,
  frameOf,
  mountFixture,
  probeOutput,
  useHarness,
} from '../testing/container-harness.ts';
import { writeProgram } from '../testing/fixture-package.ts';

// Ads and cloud development in Chromium, through the sandboxed worker: the probe program
// launches with wx.cloud.init and shows what the ads and the cloud gave. Test titles name the
// members they prove (`wx.<name>`): the matrix claims `browser` only for members a container test names.
const dir = writeProgram(vendorServicesProbeFiles(), 'vendor');
const harness = useHarness([{ name: 'vendor', dir }]);

let page: Page;
let out: Record<string, unknown>;
beforeAll(async () => {
  page = await harness.open();
  await mountFixture(page, 'vendor');
  const frame = await frameOf(page, 'pages/index/index');
  await frame.locator('#done').filter({ hasText: 'true' }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'vendor-services.png') });
  out = await probeOutput(() => page).read();
});

describe("the vendors' services in the browser", () => {
  it('wx.createInterstitialAd, wx.createRewardedVideoAd and tt.createInterstitialAd never fill: errCode 1004 through the promises and onError', () => {
    const { cloud: _cloud, ...ads } = VENDOR_SERVICES_PROBE_OUT;
    expect(out).toMatchObject(ads);
  });

  it('wx.cloud: init in onLaunch keeps the app running; calls, database requests and another environment’s Cloud fail the platform’s way', async () => {
    expect(out.cloud).toEqual(VENDOR_SERVICES_PROBE_OUT.cloud);
    expect((await events(page)).filter((e) => e.type === 'error')).toEqual([]);
  });
});
