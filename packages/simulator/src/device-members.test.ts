import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEVICE_PROBE_ROUTES, deviceProbeFiles } from '@plaza/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Simulator } from './simulator.ts';

// The routing and program members of the device probe, headless (the sensors and battery need
// a device: the browser container's tests prove those). Test titles name the members they prove.
let work: string;
let sim: Simulator;
const out = () => JSON.parse(String(sim.page.data.json)) as Record<string, any>;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'plaza-device-'));
  for (const [file, text] of Object.entries(deviceProbeFiles())) {
    await mkdir(dirname(join(work, file)), { recursive: true });
    await writeFile(join(work, file), text);
  }
  sim = await launch(work, { query: { ws: 'wss://chat.example/ws' } });
  await sim.waitFor(() => sim.page.data.done === true, { message: 'the probe to finish' });
  await sim.waitFor(() => 'idle' in out(), { message: 'the idle callback' });
});
afterAll(async () => {
  sim?.close();
  await rm(work, { recursive: true, force: true });
});

describe('routing events, headless', () => {
  it('wx.onBeforeAppRoute, wx.onAppRoute, wx.onAppRouteDone, wx.onBeforePageLoad, wx.onAfterPageLoad, wx.onBeforePageUnload and wx.onAfterPageUnload follow the launch and each navigation; wx.offBeforeAppRoute, wx.offAppRoute, wx.offAppRouteDone, wx.offBeforePageLoad, wx.offAfterPageLoad, wx.offBeforePageUnload and wx.offAfterPageUnload remove a listener', async () => {
    await sim.tap('#go');
    await sim.waitFor(() => sim.getCurrentPages().length === 2, { message: 'the second page' });
    await sim.tap('#back');
    await sim.waitFor(() => out().routes.length === 13, { message: 'the way back' });
    expect(out().routes).toEqual(DEVICE_PROBE_ROUTES);
  });
});

describe('program members, headless', () => {
  it('tt.performance reads the measures of wx.getPerformance', () => {
    expect(out().ttPerformance).toEqual(['evaluateScript']);
  });

  it('wx.requestIdleCallback runs a callback with its deadline; wx.cancelIdleCallback cancels one', () => {
    expect(out().idle).toEqual({ didTimeout: false, remaining: true });
    expect(out().cancelledRan).toBeUndefined();
  });

  it('wx.getApiCategory is the default category, which never changes (wx.onApiCategoryChange, wx.offApiCategoryChange); wx.getExtConfig and wx.getExtConfigSync give the empty third-party configuration', () => {
    expect(out()).toMatchObject({
      apiCategory: 'default',
      extSync: {},
      ext: { extConfig: {}, errMsg: 'getExtConfig:ok' },
    });
    expect(out().categoryChanged).toBeUndefined();
  });

  it('wx.getPrivacySetting needs no separate agreement and wx.requirePrivacyAuthorize passes, so wx.onNeedPrivacyAuthorization is never asked; wx.reportPerformance writes to the developer log', () => {
    expect(out()).toMatchObject({
      privacy: { needAuthorization: false, privacyContractName: '', errMsg: 'getPrivacySetting:ok' },
      requirePrivacy: 'requirePrivacyAuthorize:ok',
    });
    expect(out().privacyAsked).toBeUndefined();
    expect(sim.logs.map((l) => l.message)).toContain('reportPerformance 1101 680 probe');
  });

  it('the sensors and the battery are refused where there is no device', () => {
    expect(out().batteryInfo).toEqual({ failed: 'getBatteryInfo:fail not supported' });
  });
});
