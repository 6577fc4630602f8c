import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROBE_PNG_BASE64 } from '@plaza/runtime/testing';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, events, frameOf, mountFixture, useHarness } from '../testing/container-harness.ts';
import { CANVAS_PROGRAM } from './canvas/canvas-program.ts';

// Canvas, animation and component contexts in Chromium, driven from the sandboxed logic worker.
// Test titles name the members they prove (`wx.<name>`), which the matrix counts as browser.
const dir = mkdtempSync(join(tmpdir(), 'plaza-canvas-'));
for (const [file, text] of Object.entries(CANVAS_PROGRAM)) {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}
mkdirSync(join(dir, 'images'));
writeFileSync(join(dir, 'images/dot.png'), Buffer.from(PROBE_PNG_BASE64, 'base64'));
const harness = useHarness([{ name: 'canvas', dir }]);

async function open(path: string): Promise<{ page: Page; frame: Frame }> {
  const page = await harness.open();
  // Served by the host page's server: another origin than the view frame's opaque one, without CORS.
  const img = `${harness.server.origin}/pkg/canvas/images/dot.png`;
  await mountFixture(page, 'canvas', { path, query: { img } });
  return { page, frame: await frameOf(page, path) };
}

/** Waits for the page's `done`; a page that never gets there fails with what it wrote and the errors. */
async function finished(page: Page, frame: Frame): Promise<void> {
  try {
    await frame.locator('#done').filter({ hasText: 'true' }).waitFor({ timeout: 15_000 });
  } catch (error) {
    const seen = await frame.locator('#out').textContent();
    const errors = (await events(page)).filter((e) => e.type === 'error');
    throw new Error(`the page did not finish: ${seen} ${JSON.stringify(errors)}`, { cause: error });
  }
}

async function read(frame: Frame): Promise<Record<string, any>> {
  return JSON.parse((await frame.locator('#out').textContent()) ?? '{}') as Record<string, any>;
}

/** The pixel of a page canvas at (x, y) in CSS pixels, read in the view frame. */
function pixel(frame: Frame, selector: string, x: number, y: number): Promise<number[]> {
  return frame.evaluate(
    ({ selector, x, y }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(selector)!;
      const copy = document.createElement('canvas');
      copy.width = canvas.clientWidth;
      copy.height = canvas.clientHeight;
      const context = copy.getContext('2d')!;
      context.drawImage(canvas, 0, 0, copy.width, copy.height);
      return Array.from(context.getImageData(x, y, 1, 1).data);
    },
    { selector, x, y },
  );
}

describe('the legacy canvas context', () => {
  it("wx.createCanvasContext records draw calls that the view replays on <canvas canvas-id>; draw(true) keeps what was drawn; wx.canvasGetImageData, wx.canvasPutImageData and wx.canvasToTempFilePath read and write it; wx.createContext hands its calls to wx.drawCanvas; a canvas showing another origin's image cannot be read", async () => {
    const { page, frame } = await open('pages/legacy/legacy');
    await finished(page, frame);
    const out = await read(frame);
    expect(out.measured).toBe(true);
    expect(out.fillStyleRead).toBe('object');
    expect(out.getImageData).toEqual({
      width: 1,
      red: [255, 0, 0, 255],
      blue: [0, 0, 255, 255],
      errMsg: 'canvasGetImageData:ok',
    });
    expect(out.putImageData).toEqual({ errMsg: 'canvasPutImageData:ok', yellow: [255, 255, 0, 255] });
    expect(out.tempFile).toEqual({ path: true, width: 20, height: 10 });
    expect(out.drawCanvas).toEqual({ errMsg: 'drawCanvas:ok', green: [0, 255, 0, 255] });
    expect(out.missing).toBe('canvasToTempFilePath:fail canvas "nope" not found');
    expect(out.tainted).toBe(
      'canvasToTempFilePath:fail the canvas shows an image of another origin and cannot be read',
    );
    expect(out.taintedPixels).toBe(
      'canvasGetImageData:fail the canvas shows an image of another origin and cannot be read',
    );
    // What the user sees: red left, the gradient's green right, the reserved blue square.
    expect(await pixel(frame, 'canvas', 10, 10)).toEqual([255, 0, 0, 255]);
    expect(await pixel(frame, 'canvas', 150, 20)).toEqual([0, 255, 0, 255]);
    expect(await pixel(frame, 'canvas', 10, 90)).toEqual([0, 0, 255, 255]);
    expect(await pixel(frame, 'canvas', 150, 75)).toEqual([0, 0, 0, 255]);
    await page.screenshot({ path: `${ARTIFACTS}canvas-legacy.png` });
    await page.close();
  });
});

describe('2d canvas nodes', () => {
  it('wx.createSelectorQuery hands a <canvas type="2d"> node to the logic worker, which draws on it (createImage, requestAnimationFrame, toDataURL); wx.canvasToTempFilePath takes the node; wx.createOffscreenCanvas draws in the worker; the package\'s images load by path; another origin\'s image without CORS is refused; a webgl canvas queried in onLoad draws too', async () => {
    const { page, frame } = await open('pages/node/node');
    await finished(page, frame);
    const out = await read(frame);
    expect(out.size).toEqual({ width: 120, height: 60, hasNode: true });
    expect(out.image).toEqual({ width: 10, height: 10 });
    expect(out.toDataURL).toBe('data:image/png;base64,');
    // The browser decodes what the worker encoded synchronously: red left, the blue image right.
    const decoded = await frame.evaluate(async (url: string) => {
      const image = document.createElement('img');
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const at = (x: number, y: number) => Array.from(context.getImageData(x, y, 1, 1).data);
      return { width: image.width, height: image.height, left: at(60, 60), right: at(180, 60) };
    }, out.dataUrl as string);
    expect(decoded).toEqual({ width: 240, height: 120, left: [255, 0, 0, 255], right: [0, 0, 255, 255] });
    expect(out.frameId).toBe('number');
    expect(out.frame).toBe('number');
    expect(out.tempFile).toEqual({ width: 240, height: 120 });
    expect(out.sameNode).toBe(true);
    expect(out.packageImage).toEqual({ width: 3, height: 2, readable: true });
    expect(out.offscreen).toEqual({ width: 4, url: 'data:image/png;base64,', pixel: [0, 255, 0, 255] });
    // A tainted bitmap cannot cross to the worker: another origin's image without CORS is refused.
    expect(out.foreign).toMatch(/^could not load image "http:.*another origin's image needs CORS/);
    expect(out.tainted).toBeUndefined();
    expect(await pixel(frame, '#c2d', 30, 30)).toEqual([255, 0, 0, 255]);
    expect(await pixel(frame, '#c2d', 90, 30)).toEqual([0, 0, 255, 255]);
    // A WebGL canvas queried in onLoad, before the page was in its frame, drawn from the worker.
    expect(out.webgl).toBe('drawn');
    const [r, g, b] = await pixel(frame, '#gl', 20, 20);
    expect([r, g! > 100 && g! < 160, b]).toEqual([255, true, 0]);
    await page.screenshot({ path: `${ARTIFACTS}canvas-node.png` });
    await page.close();
  });
});

describe('animation', () => {
  it('wx.createAnimation steps play in order as CSS transitions on the animation attribute, each after the last one ended', async () => {
    const { page, frame } = await open('pages/motion/motion');
    // Every inline transform the box goes through, in order.
    await frame.evaluate(() => {
      const box = document.getElementById('box')!;
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      let last = '';
      new MutationObserver(() => {
        if (last === box.style.transform) return;
        last = box.style.transform;
        seen.push(last);
      }).observe(box, { attributes: true, attributeFilter: ['style'] });
      box.addEventListener('transitionend', (e) => seen.push(`end ${e.propertyName}`));
    });
    await frame.locator('#go').click();
    await frame.locator('#out').filter({ hasText: '"transitionend":' }).waitFor();
    // The end of the second step: rotated a quarter turn, 100px along, blue.
    await frame.waitForFunction(() => {
      const style = getComputedStyle(document.getElementById('box')!);
      return style.transform === 'matrix(0, 1, -1, 0, 100, 0)' && style.backgroundColor === 'rgb(0, 0, 255)';
    });
    const box = await frame.evaluate(() => {
      const style = getComputedStyle(document.getElementById('box')!);
      return { opacity: style.opacity, seen: (window as unknown as { seen: string[] }).seen };
    });
    const steps = box.seen.filter((s) => !s.startsWith('end'));
    expect(steps).toEqual(['translateX(100px)', 'translateX(100px) rotate(90deg)']);
    // The second step began only after the first one's transition ended.
    expect(box.seen.indexOf('end transform')).toBeGreaterThan(0);
    expect(box.seen.indexOf('end transform')).toBeLessThan(box.seen.indexOf(steps[1]!));
    expect(box.opacity).toBe('0.5');
    await page.screenshot({ path: `${ARTIFACTS}animation-steps.png` });
    await page.close();
  });

  it("this.animate plays keyframes on the page's elements and calls back when done; this.clearAnimation takes them off", async () => {
    const { page, frame } = await open('pages/motion/motion');
    await frame.locator('#kfgo').click();
    await frame.locator('#out').filter({ hasText: '"animated":true' }).waitFor();
    expect(await frame.evaluate(() => getComputedStyle(document.getElementById('kf')!).opacity)).toBe('0.25');
    await frame.locator('#kfclear').click();
    await frame.locator('#out').filter({ hasText: '"cleared":true' }).waitFor();
    expect(await frame.evaluate(() => getComputedStyle(document.getElementById('kf')!).opacity)).toBe('1');
    await page.close();
  });
});

describe('component contexts', () => {
  it("wx.createMapContext, wx.createLivePlayerContext and wx.createAudioContext act on the page's component by id; selector-query contexts reach the editor and the video; a context naming anything else does nothing but fail", async () => {
    const { page, frame } = await open('pages/contexts/contexts');
    // The map's code loads on first use: its context answers once it drew.
    await frame.locator('[data-plaza="map"] canvas, [data-plaza="map"] [part]').first().waitFor();
    await frame.waitForFunction(() => !!document.getElementById('au')?.shadowRoot);
    await frame.locator('#go').click();
    await frame.locator('#out').filter({ hasText: '"livePlayer"' }).waitFor();
    await frame.locator('#out').filter({ hasText: '"editor"' }).waitFor();
    const out = await read(frame);
    expect(out.center).toEqual({ latitude: 31.2, longitude: 121.5, errMsg: 'getCenterLocation:ok' });
    expect(out.moved).toEqual({ latitude: 30, longitude: 120 });
    expect(out.notAMap).toBe('getCenterLocation:fail no map with id "title"');
    expect(out.noMap).toBe('getScale:fail no map with id "nope"');
    expect(out.editor).toEqual({ text: 'typed from logic', errMsg: 'insertText:ok' });
    expect(out.videoContext).toBe('function');
    expect(out.viewContext).toBeNull();
    expect(out.livePlayer).toBe('pause:ok');
    expect(await frame.locator('[data-plaza="editor"]').textContent()).toContain('typed from logic');
    await frame.waitForFunction(() =>
      document
        .getElementById('au')!
        .shadowRoot!.querySelector<HTMLAudioElement>('[part="media"]')!
        .src.startsWith('data:audio/wav'),
    );
    await page.close();
  });
});
