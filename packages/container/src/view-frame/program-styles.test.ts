import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameOf, mountFixture, useHarness } from '../testing/container-harness.ts';

const harness = useHarness(['styled']);
let page: Page;
let frame: Frame;

beforeAll(async () => {
  page = await harness.open();
  await mountFixture(page, 'styled', { safeArea: { bottom: 34 } });
  frame = await frameOf(page, 'pages/index/index');
  await frame.locator('#inner').waitFor();
});

const computed = (selector: string, property: string) =>
  frame.locator(selector).evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property);

describe("a program's stylesheets in its view frame", () => {
  it('style built-ins by tag, and page is the page root', async () => {
    expect(await computed('#label', 'color')).toBe('rgb(1, 2, 3)');
    expect(await computed('#box', 'padding-top')).toBe('7px');
    expect(await computed('#item', 'color')).toBe('rgb(200, 0, 0)');
    expect(await computed('#box', 'color')).toBe('rgb(0, 0, 0)');
    expect(await computed('plaza-page', 'background-color')).toBe('rgb(245, 245, 245)');
    // The page root fills the frame, so the page background does too.
    const [rootHeight, frameHeight] = await frame
      .locator('plaza-page')
      .evaluate((el) => [el.getBoundingClientRect().height, window.innerHeight]);
    expect(rootHeight).toBeGreaterThanOrEqual(frameHeight!);
  });

  it('style tags the view renders inert by the tag the template wrote', async () => {
    // `<a>` and `<img>` render as `wx-a` and `wx-img`, with no behaviour; their rules follow them.
    expect(await frame.locator('#link').evaluate((el) => el.localName)).toBe('wx-a');
    expect(await computed('#link', 'color')).toBe('rgb(255, 0, 0)');
    expect(await frame.locator('#picture').evaluate((el) => el.localName)).toBe('wx-img');
    expect(await computed('#picture', 'width')).toBe('11px');
    expect(await computed('#note', 'color')).toBe('rgb(0, 0, 255)');
    expect(await computed('#heading', 'margin-left')).toBe('13px');
  });

  it("keep a component's tag rules inside the component", async () => {
    expect(await computed('#inner', 'margin-left')).toBe('9px');
    expect(await computed('#box', 'margin-left')).toBe('0px');
    expect(await computed('#item', 'margin-left')).toBe('0px');
  });

  it('read safe-area insets the host passed', async () => {
    expect(await computed('#bar', 'padding-bottom')).toBe('34px');
  });
});
