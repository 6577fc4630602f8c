import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium as launchContainerChromium } from '@plaza/container/testing';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { repoRoot } from './super-app-build.ts';

export const artifacts = join(repoRoot, 'test-artifacts/e2e');

/** The repository's one Chromium launcher, playing the feed without a gesture as the super app's webview does. */
export function launchChromium(): Promise<Browser> {
  return launchContainerChromium(['--autoplay-policy=no-user-gesture-required']);
}

/** A phone-sized page (390×844, touch) in a fresh context. */
export async function openPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
  });
  return context.newPage();
}

/** Numbered screenshots of the walk, kept as the test's artefacts, each once sheets and slides came to rest. */
export function screenshots(page: Page) {
  // Each walk's pictures alone: a previous run's later steps would mislead.
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  let n = 0;
  return async (step: string) => {
    n++;
    await page
      .waitForFunction("document.getAnimations().every((a) => a.playState !== 'running')", undefined, {
        timeout: 3_000,
      })
      .catch(() => undefined);
    await page.screenshot({ path: join(artifacts, `${String(n).padStart(2, '0')}-${step}.png`) });
  };
}

/**
 * Taps like a person who taps again when nothing happened. The first tap is a real pointer
 * click; when the program never saw it (under load the container drops some: a press the
 * busy frame takes longer than the long-press delay to finish is swallowed), the retries
 * deliver the click event itself, and say so on stderr.
 */
export async function tapUntil(target: Locator, done: Locator, what: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (attempt === 1) await target.click();
    else await target.dispatchEvent('click');
    try {
      await done.waitFor({ state: 'attached', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      process.stderr.write(`e2e: the tap on ${what} had no effect after 5 s; tapping again\n`);
    }
  }
}

/** The view frame of a mini-program page (one sandboxed frame per page). */
export async function pageFrame(page: Page, path: string): Promise<Frame> {
  const handle = await page.waitForSelector(`section.plaza-page[data-path="${path}"] iframe.plaza-view`, {
    state: 'attached',
    timeout: 20_000,
  });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`no view frame for ${path}`);
  return frame;
}
