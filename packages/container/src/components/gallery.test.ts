import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPONENT_GALLERY_DIR } from '../bundle/index.ts';
import { ARTIFACTS, frameOf, mountFixture, useHarness } from '../testing/container-harness.ts';

const harness = useHarness([{ name: 'gallery', dir: COMPONENT_GALLERY_DIR }, 'widgets']);
let page: Page;
let frame: Frame;

beforeAll(async () => {
  page = await harness.open();
  await mountFixture(page, 'gallery');
  frame = await frameOf(page, 'pages/index/index');
  await frame.locator('#map [part="marker"]').first().waitFor({ state: 'attached' });
  await frame.evaluate(() => {
    (window as unknown as ContextWindow).callContext = (id, method, args) => {
      const detail: { method: string; args: unknown; result?: Promise<unknown> } = { method, args };
      document.getElementById(id)!.dispatchEvent(new CustomEvent('plaza-context', { detail }));
      return detail.result;
    };
  });
});

/** What the view does for the logic's context objects: a `plaza-context` event on the element. */
type ContextWindow = { callContext(id: string, method: string, args: unknown): Promise<unknown> | undefined };

const state = (text: string | RegExp) =>
  frame.locator('#state').filter({ hasText: text }).waitFor({ timeout: 5000 });

describe('component gallery', () => {
  it('shows every component with its label (screenshot kept for review)', async () => {
    await frame.locator('#editor[contenteditable="true"]').waitFor();
    // The page scrolls inside its frame: one screenshot per screenful.
    for (const [i, top] of [0, 600, 1200, 1800, 2400].entries()) {
      await frame.evaluate((y) => window.scrollTo(0, y), top);
      await page.screenshot({ path: `${ARTIFACTS}component-gallery-${i + 1}.png` });
    }
    await frame.evaluate(() => window.scrollTo(0, 0));
    const labels = await frame.locator('.label').allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(14);
  });
});

describe('canvas and animation', () => {
  it('the canvas-id chart and the 2d canvas show what the logic drew; the animation ends moved, grown and blue', async () => {
    await frame.waitForFunction(
      () => getComputedStyle(document.getElementById('mover')!).backgroundColor === 'rgb(26, 115, 232)',
    );
    await frame.evaluate(() => window.scrollTo(0, 0));
    const painted = await frame.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLCanvasElement>('canvas.chart, canvas[data-plaza="canvas"]'),
      ).map((canvas) => {
        const copy = document.createElement('canvas');
        copy.width = canvas.clientWidth;
        copy.height = canvas.clientHeight;
        const context = copy.getContext('2d')!;
        context.drawImage(canvas, 0, 0, copy.width, copy.height);
        const data = context.getImageData(0, 0, copy.width, copy.height).data;
        let inked = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
        return inked;
      }),
    );
    expect(painted.length).toBe(2);
    for (const inked of painted) expect(inked).toBeGreaterThan(500);
    const mover = await frame.evaluate(() => getComputedStyle(document.getElementById('mover')!).transform);
    expect(mover).not.toBe('none');
    await page.screenshot({ path: `${ARTIFACTS}component-canvas-animation.png` });
  });
});

describe('legacy feedback components', () => {
  it('modal: a labelled dialog, focus on Confirm, Escape cancels, Confirm confirms', async () => {
    expect(await frame.locator('#modal').isVisible()).toBe(false);
    await frame.locator('#show-modal').click();
    const dialog = frame.getByRole('dialog', { name: 'Delete the photo?' });
    await dialog.waitFor();
    await page.screenshot({ path: `${ARTIFACTS}component-modal.png` });
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent))
      .toBe('Delete');
    await page.keyboard.press('Escape');
    await state('modal cancel');
    await frame.locator('#show-modal').click();
    await frame.getByRole('button', { name: 'Delete' }).click();
    await state('modal confirm');
    expect(await frame.locator('#loading').isVisible()).toBe(false);
  });

  it('action-sheet: items are menu items; cancel and item taps reach the program', async () => {
    await frame.locator('#show-sheet').click();
    await frame.getByRole('menuitem', { name: 'Share' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}component-action-sheet.png` });
    await frame.getByRole('menuitem', { name: 'Share' }).press('Enter');
    await state('sheet share');
    await frame.locator('#show-sheet').click();
    await frame.locator('#sheet-cancel').click();
    await state('sheet dismissed');
  });

  it('toast: announced as a status, and hidden through change after its duration', async () => {
    await frame.locator('#show-toast').click();
    expect(await frame.locator('#toast').getAttribute('role')).toBe('status');
    await state('toast hidden');
    expect(await frame.locator('#toast').isVisible()).toBe(false);
  });
});

describe('map without a tile source', () => {
  it('draws markers as labelled buttons and fires markertap, callouttap and tap', async () => {
    await frame.getByRole('button', { name: 'The Bund' }).first().click();
    await state('markertap 2');
    // BYCLICK: the tap opened the callout.
    await frame.locator('#map [part="callout"]', { hasText: 'The Bund' }).press('Enter');
    await state('callouttap 2');
    const surface = frame.locator('#map [part="surface"]');
    const box = (await surface.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await state(/maptap 31\.2\d,121\.4\d/);
  });

  it('pans with the keyboard and zooms with +, firing regionchange', async () => {
    await frame.locator('#map [part="surface"]').focus();
    await page.keyboard.press('ArrowRight');
    await state('regionchange drag 14');
    await page.keyboard.press('+');
    await state('regionchange scale 15');
  });

  it('answers the MapContext through its element', async () => {
    const answers = await frame.evaluate(async () => {
      const call = (method: string, args = {}) =>
        (window as unknown as ContextWindow).callContext('map', method, args);
      await call('moveToLocation', { latitude: 30, longitude: 120 });
      const center = await call('getCenterLocation');
      const scale = await call('getScale');
      const region = (await call('getRegion')) as {
        southwest: { latitude: number };
        northeast: { latitude: number };
      };
      await call('includePoints', {
        points: [
          { latitude: 30, longitude: 120 },
          { latitude: 31, longitude: 121 },
        ],
      });
      const fitted = (await call('getRegion')) as typeof region;
      return {
        center,
        scale,
        south: region.southwest.latitude < 30,
        north: region.northeast.latitude > 30,
        fitted,
      };
    });
    expect(answers.center).toEqual({ latitude: 30, longitude: 120 });
    expect(answers.scale).toEqual({ scale: 15 });
    expect(answers.south && answers.north).toBe(true);
    expect(answers.fitted.southwest.latitude).toBeLessThanOrEqual(30);
    expect(answers.fitted.northeast.latitude).toBeGreaterThanOrEqual(31);
  });
});

describe('editor', () => {
  it('is a multiline textbox; EditorContext edits, sanitises, undoes and reads back', async () => {
    const editor = frame.getByRole('textbox', { name: '' }).and(frame.locator('#editor'));
    expect(await editor.getAttribute('aria-multiline')).toBe('true');
    await state('editor ready');
    const out = await frame.evaluate(async () => {
      const call = (method: string, args = {}) =>
        (window as unknown as ContextWindow).callContext('editor', method, args);
      await call('setContents', {
        html: '<p>Hi <b>there</b><img src=x onerror="alert(1)"><script>alert(2)</script></p>',
      });
      const set = (await call('getContents')) as { html: string; text: string };
      await call('insertText', { text: '!' });
      const typed = (await call('getContents')) as { text: string };
      await call('undo');
      const undone = (await call('getContents')) as { text: string };
      await call('redo');
      const redone = (await call('getContents')) as { text: string };
      await call('clear');
      const cleared = (await call('getContents')) as { text: string };
      return { set, typed: typed.text, undone: undone.text, redone: redone.text, cleared: cleared.text };
    });
    expect(out.set.html).toContain('<b>there</b>');
    expect(out.set.html).not.toMatch(/onerror|script/);
    expect(out.typed.trim()).toBe('Hi there!');
    expect(out.undone.trim()).toBe('Hi there');
    expect(out.redone.trim()).toBe('Hi there!');
    expect(out.cleared.trim()).toBe('');
    await frame.locator('#editor').click();
    await page.keyboard.type('typed');
    await state('editor input typed');
  });
});

describe('layers and conditions', () => {
  it('page-container opens as a modal dialog and a tap on the overlay closes it', async () => {
    await frame.locator('#open-container').click();
    await expect
      .poll(() => frame.locator('#page-container').evaluate((el) => (el as HTMLDialogElement).open))
      .toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}component-page-container.png` });
    const sheet = (await frame.locator('#page-container').boundingBox())!;
    await page.mouse.click(sheet.x + 20, sheet.y - 60);
    await state('page-container left');
  });

  it('root-portal lifts its children out of a clipping parent; match-media shows the matching branch', async () => {
    // Seen where it is: what the browser hits at its centre (clipping is not "hidden" to Playwright).
    const shown = () =>
      frame.locator('#portal').evaluate((el) => {
        const box = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
      });
    expect(await shown()).toBe(false);
    await frame.locator('#toggle-portal').click();
    await expect.poll(shown).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}component-root-portal.png` });
    await frame.locator('#toggle-portal').click();
    await expect.poll(shown).toBe(false);
    expect(await frame.locator('#narrow').isVisible()).toBe(true);
    expect(await frame.locator('#wide').isVisible()).toBe(false);
  });

  it('cover-image loads; page-meta sets the root font size and page style', async () => {
    await state('cover-image load');
    // Each setData re-renders the page: the same src must not reload the image (and loop on load).
    expect((await frame.locator('#state').textContent())?.match(/cover-image load/g)).toHaveLength(1);
    expect(await frame.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
    expect(await frame.locator('plaza-page').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(246, 246, 246)',
    );
  });

  it('navigation-bar sets the title of the host chrome', async () => {
    await expect.poll(() => page.locator('.plaza-container').textContent()).toContain('Component gallery');
  });
});

describe('platform services', () => {
  it('ad and official-account render nothing and fire error; open-data without consent is empty', async () => {
    await frame.locator('text=ad error 1004').waitFor();
    await frame.locator('text=official-account error 3').waitFor();
    expect(await frame.locator('#ad').isVisible()).toBe(false);
    expect(await frame.locator('#nickname').textContent()).toBe('(no consent: empty)');
    expect(await frame.locator('#avatar img').count()).toBe(0);
  });

  it('open-data shows the nickname and avatar once the user consented', async () => {
    const consented = await harness.open();
    await consented.evaluate(() =>
      localStorage.setItem('plaza-consent:gallery:anonymous:scope.userInfo', 'allow'),
    );
    await consented.evaluate(async () => {
      const w = window as unknown as {
        PlazaContainer: { mount(e: HTMLElement, o: unknown): { ready: Promise<void> } };
      };
      const app = w.PlazaContainer.mount(document.getElementById('phone')!, {
        package: '/pkg/gallery/',
        appId: 'gallery',
        host: {
          getUserProfile: async () => ({
            userInfo: { nickName: 'Mia', avatarUrl: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' },
          }),
        },
      });
      await app.ready;
    });
    const shown = await frameOf(consented, 'pages/index/index');
    await shown.locator('#nickname', { hasText: 'Mia' }).waitFor();
    expect(await shown.locator('#avatar img').getAttribute('alt')).toBe("Mia's avatar");
    await consented.close();
  });
});

describe('audio', () => {
  it('is a labelled player card whose play button is reachable by keyboard', async () => {
    const card = frame.getByRole('group', { name: 'Morning, Plaza' });
    await card.waitFor();
    const play = frame.getByRole('button', { name: 'Play' });
    expect(await play.count()).toBe(1);
  });
});

describe('custom component options', () => {
  it('virtualHost: the host box does not exist, the items lay out in the parent row', async () => {
    expect(await frame.locator('#v1').evaluate((el) => getComputedStyle(el).display)).toBe('contents');
    const widths = await frame
      .locator('#virtual-row [data-plaza="view"]')
      .evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().width)));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBe(widths[1]);
    expect(widths[0]).toBeGreaterThan(100);
  });

  it('slot fallback: shown when nothing is passed, hidden when content is', async () => {
    expect(
      await frame.locator('#empty-card').getByText("Nothing passed: the slot's own content").isVisible(),
    ).toBe(true);
    expect(
      await frame.locator('#full-card').getByText("Nothing passed: the slot's own content").isVisible(),
    ).toBe(false);
    expect(await frame.locator('#full-card').getByText('Passed content').isVisible()).toBe(true);
  });
});

describe('components loaded on first use', () => {
  it('a page without the big or rare components loads none of their code; the gallery loads each module once', async () => {
    const fetched: string[] = [];
    const plain = await harness.open();
    plain.on('request', (request) => {
      if (request.url().includes('/plaza-components/')) fetched.push(new URL(request.url()).pathname);
    });
    await mountFixture(plain, 'widgets');
    await (await frameOf(plain, 'pages/form/form')).locator('#name').waitFor();
    expect(fetched).toEqual([]);
    await mountFixture(plain, 'gallery');
    const shown = await frameOf(plain, 'pages/index/index');
    await shown.locator('#editor[contenteditable="true"]').waitFor();
    await shown.locator('#map [part="surface"]').waitFor();
    // The gallery's canvas-id chart brings the legacy canvas's replay too.
    await expect.poll(() => fetched.length).toBe(6);
    expect(fetched.sort()).toEqual([
      '/plaza-components/audio.js',
      '/plaza-components/canvas.js',
      '/plaza-components/editor.js',
      '/plaza-components/feedback.js',
      '/plaza-components/live-player.js',
      '/plaza-components/map.js',
    ]);
    await plain.close();
  });

  it('live-player plays HLS through hls.js, its playlist fetched by the host (the page frame may not)', async () => {
    const live = await harness.open();
    const src = `${harness.server.origin}/probe/live.m3u8`;
    const fetchedBy: string[] = [];
    live.on('request', (request) => {
      if (request.url() === src) fetchedBy.push(request.frame() === live.mainFrame() ? 'host' : 'frame');
    });
    await mountFixture(live, 'gallery', { query: { live: src }, appId: 'gallery-live' });
    const shown = await frameOf(live, 'pages/index/index');
    // The probe answers with no playlist: hls.js reports the stream lost.
    await shown.locator('#state').filter({ hasText: 'live -2301' }).waitFor();
    expect(harness.server.hits).toContain('/probe/live.m3u8');
    expect(new Set(fetchedBy)).toEqual(new Set(['host']));
    await live.close();
  });
});

describe("map with the operator's tiles", () => {
  it('MapLibre draws the tiles beneath the surface, each fetched by the host from the tile server', async () => {
    const tiled = await harness.open();
    const template = `${harness.other.origin}/probe/tiles/{z}/{x}/{y}.png`;
    const fetchedBy = new Set<string>();
    tiled.on('request', (request) => {
      if (request.url().includes('/probe/tiles/'))
        fetchedBy.add(request.frame() === tiled.mainFrame() ? 'host' : 'frame');
    });
    await mountFixture(tiled, 'gallery', { mapTiles: { tiles: [template], attribution: '© Test tiles' } });
    const shown = await frameOf(tiled, 'pages/index/index');
    await shown.locator('#map [part="tiles"] canvas').waitFor({ state: 'attached' });
    // Scale 14 of the surface is zoom 14 of 256-pixel tiles, around People Square (x 13720, y 6694).
    await expect.poll(() => harness.other.hits).toContain('/probe/tiles/14/13720/6694.png');
    expect(fetchedBy).toEqual(new Set(['host']));
    await shown.getByText('© Test tiles').waitFor();
    // The surface still answers on top.
    await shown.getByRole('button', { name: 'People Square' }).first().click();
    await shown.locator('#state').filter({ hasText: 'markertap 1' }).waitFor();
    await tiled.close();
  });
});
