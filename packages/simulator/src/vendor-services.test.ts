import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { VENDOR_SERVICES_PROBE_OUT, vendorServicesProbeFiles } from '@plaza/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Simulator } from './simulator.ts';

// Ads and cloud development, headless: the probe program launches with wx.cloud.init and its
// page reads what the ads and the cloud gave. Test titles name the members they prove.
let work: string;
let sim: Simulator;
const out = () => JSON.parse(String(sim.page.data.json)) as Record<string, unknown>;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'plaza-vendor-'));
  for (const [file, text] of Object.entries(vendorServicesProbeFiles())) {
    await mkdir(dirname(join(work, file)), { recursive: true });
    await writeFile(join(work, file), text);
  }
  sim = await launch(work);
  await sim.waitFor(() => sim.page.data.done === true, { message: 'the probe to finish' });
});
afterAll(async () => {
  sim?.close();
  await rm(work, { recursive: true, force: true });
});

describe("the vendors' services, headless", () => {
  it('wx.createInterstitialAd, wx.createRewardedVideoAd and tt.createInterstitialAd never fill: errCode 1004 through the promises and onError', () => {
    const { cloud: _cloud, ...ads } = VENDOR_SERVICES_PROBE_OUT;
    expect(out()).toMatchObject(ads);
  });

  it('wx.cloud: init in onLaunch keeps the app running; calls, database requests and another environment’s Cloud fail the platform’s way', () => {
    expect(out().cloud).toEqual(VENDOR_SERVICES_PROBE_OUT.cloud);
    expect(sim.errors).toEqual([]);
  });
});
