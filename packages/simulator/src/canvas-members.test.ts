import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Simulator } from './simulator.ts';
import { programFolders } from './testing/program-folder.ts';

// Canvas and component contexts headless: the simulator has no pixels, so what is proved here
// is what the logic layer asks of the view (the recorded draw calls, the context calls), which
// the container's Chromium tests then show drawn. Titles name the members (`wx.<name>`).
let work: string;
let sim: Simulator;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'plaza-canvas-'));
  const dir = await programFolders(() => work)({
    wxml: '<canvas canvas-id="c" /><canvas canvas-id="old" /><canvas type="2d" id="n" /><map id="m" /><view id="out">{{done}}</view>',
    js: `Page({
      data: { done: false, node: null, early: null },
      onLoad() {
        // Asked before the page is rendered: answered once it is.
        wx.createSelectorQuery().select('#n').node((res) => this.setData({ early: !!(res && res.node) })).exec();
      },
      onReady() {
        wx.createSelectorQuery().select('#n').fields({ node: true, size: true }).exec(([res]) => {
          const canvas = res.node;
          canvas.width = 20;
          const ctx = canvas.getContext('2d');
          ctx.fillStyle = '#f00';
          ctx.fillRect(0, 0, 10, 10);
          this.setData({
            node: {
              width: canvas.width,
              measured: ctx.measureText('abcd').width > 0,
              pixels: ctx.getImageData(0, 0, 2, 1).data.length,
              url: canvas.toDataURL().slice(0, 22),
            },
          });
        });
        const ctx = wx.createCanvasContext('c', this);
        ctx.setFillStyle('#ff0000');
        ctx.fillRect(0, 0, 10, 20);
        const g = ctx.createLinearGradient(0, 0, 10, 0);
        ctx.strokeStyle = g;
        g.addColorStop(0, '#000000');
        ctx.setShadow(1, 2, 3, 'blue');
        ctx.setLineDash([4, 2], 1);
        ctx.drawImage('https://img.example/a.png', 0, 0, 5, 5);
        ctx.draw(true, () => {
          const old = wx.createContext();
          old.arc(5, 5, 4, 0, 6.28);
          wx.drawCanvas({ canvasId: 'old', actions: old.getActions() }).then((res) => {
            wx.createMapContext('m', this).moveToLocation({ latitude: 30, longitude: 120 });
            wx.createLivePlayerContext('lp', this).play();
            wx.createCameraContext().takePhoto({ quality: 'high' });
            wx.createAudioContext('au', this).seek(12);
            this.setData({ done: res.errMsg });
          });
        });
      },
    });`,
  });
  sim = await launch(dir);
  await sim.waitFor(() => sim.page.data.done === 'drawCanvas:ok' && !!sim.page.data.node, {
    message: 'the draws',
  });
});
afterAll(async () => {
  sim?.close();
  await rm(work, { recursive: true, force: true });
});

describe('canvas and contexts, headless', () => {
  it('wx.createCanvasContext records its calls, gradients read at draw time, and draw(reserve) sends them to the canvas-id; wx.createContext hands them to wx.drawCanvas', () => {
    const draws = sim.ui.viewCommands.filter((c) => c.kind === 'canvas.draw');
    expect(draws).toEqual([
      {
        kind: 'canvas.draw',
        canvasId: 'c',
        reserve: true,
        actions: [
          { set: 'fillStyle', value: '#ff0000' },
          { method: 'fillRect', args: [0, 0, 10, 20] },
          { set: 'strokeStyle', value: { gradient: 'linear', args: [0, 0, 10, 0], stops: [[0, '#000000']] } },
          { set: 'shadowOffsetX', value: 1 },
          { set: 'shadowOffsetY', value: 2 },
          { set: 'shadowBlur', value: 3 },
          { set: 'shadowColor', value: 'blue' },
          { method: 'setLineDash', args: [[4, 2]] },
          { set: 'lineDashOffset', value: 1 },
          { method: 'drawImage', args: ['https://img.example/a.png', 0, 0, 5, 5] },
        ],
      },
      {
        kind: 'canvas.draw',
        canvasId: 'old',
        reserve: false,
        actions: [{ method: 'arc', args: [5, 5, 4, 0, 6.28] }],
      },
    ]);
  });

  it('wx.createSelectorQuery hands a <canvas type="2d"> a node without pixels headless, so a program draws on it without error, even when asked in onLoad', () => {
    expect(sim.page.data.node).toEqual({
      width: 20,
      measured: true,
      pixels: 8,
      url: 'data:image/png;base64,',
    });
    expect(sim.page.data.early).toBe(true);
  });

  it('wx.createMapContext, wx.createLivePlayerContext, wx.createCameraContext and wx.createAudioContext call their component in the view', () => {
    expect(sim.ui.viewCommands.filter((c) => c.kind === 'context')).toEqual([
      {
        kind: 'context',
        component: 'map',
        id: 'm',
        method: 'moveToLocation',
        args: { latitude: 30, longitude: 120 },
      },
      { kind: 'context', component: 'live-player', id: 'lp', method: 'play', args: {} },
      { kind: 'context', component: 'camera', method: 'takePhoto', args: { quality: 'high' } },
      { kind: 'context', component: 'audio', id: 'au', method: 'seek', args: { position: 12 } },
    ]);
  });
});

describe('a MapContext has every method the typings list', () => {
  it('takes marker clusters and their listeners without throwing, as a map that draws none', async () => {
    const dir = await programFolders(() => work)({
      wxml: '<map id="m" /><view id="out">{{out}}</view>',
      js: `Page({
        data: { out: '' },
        onReady() {
          const map = wx.createMapContext('m', this);
          map.on('markerClusterCreate', () => this.setData({ out: 'cluster' }));
          map.initMarkerCluster({ enableDefaultStyle: true, complete: (res) => this.setData({ out: res.errMsg }) });
        },
      });`,
    });
    const page = await launch(dir);
    try {
      await page.waitFor(() => page.page.data.out !== '', { message: 'initMarkerCluster answered' });
      expect(page.page.data.out).toMatch(/^initMarkerCluster:/);
      expect(page.ui.viewCommands).toContainEqual(
        expect.objectContaining({
          component: 'map',
          method: 'initMarkerCluster',
          args: { enableDefaultStyle: true },
        }),
      );
    } finally {
      page.close();
    }
  });
});
