import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium as launchContainerChromium } from '@plaza/container/testing';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { repoRoot } from './super-app-build.ts';

export const artifacts = join(repoRoot, 'test-artifacts/e2e');

/** The repository's one Chromium launcher, playing the feed without a gesture as the super app's webview does. */
export function launchChromium(): Promise<Browser> {
  return launchContainerChromium([
    // Phones' webviews keep a sandboxed frame in its page's process. Chromium's own default,
    // a process per sandboxed frame, loses taps here: the pointer events of a click on the
    // shop's "+" reach the host document with the <iframe> element as their target and
    // never enter the frame. It follows the animations that move a frame: with the sheet's
    // rise switched off the shop's taps arrive, and the tap on the confirm page, which slid
    // in, is the one lost. Why Chromium routes input that way is not found yet; desktop
    // Chrome may lose the same taps in the super app.
    '--disable-features=IsolateSandboxedIframes',
    // The feed starts playing without a gesture, as it does in the super app's webview.
    '--autoplay-policy=no-user-gesture-required',
  ]);
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
export function screenshots(page: Page, walk?: string) {
  // Each walk's pictures alone: a previous run's later steps would mislead.
  const dir = walk ? join(artifacts, walk) : artifacts;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (step: string) => {
    n++;
    await page
      .waitForFunction("document.getAnimations().every((a) => a.playState !== 'running')", undefined, {
        timeout: 3_000,
      })
      .catch(() => undefined);
    await page.screenshot({ path: join(dir, `${String(n).padStart(2, '0')}-${step}.png`) });
  };
}

/**
 * One tap on a mini program's element, once the host page is at rest: no sheet rising and no
 * page transition running. Playwright judges an element stable inside its own frame, so a
 * click given while the host still moves the frame's sheet lands where the element was.
 * Taps the container used to lose were quick presses that a busy frame judged long (its
 * long-press timer ran before the release); the gesture listener now judges a press by
 * event time, and its tests pin that. Taps Chromium routed to the host instead of the frame
 * are the launch flag's note. A tap that has no effect fails the walk: it is never repeated.
 */
export async function tap(page: Page, target: Locator): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-transition]') &&
      // A spinner turns for ever; only movements that end are waited for.
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  await target.click();
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

/**
 * Signs the demo user in from Me with the demo phone; the demo inbox shows the code.
 * `beforeSubmit` runs with the form filled (a screenshot of the sheet).
 */
export async function signInDemoUser(page: Page, phone: string, beforeSubmit?: () => Promise<void>) {
  await page.getByRole('button', { name: 'Me', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="phone"]').fill(phone);
  await page.getByRole('button', { name: 'Send code' }).click();
  const hint = await page.locator('[data-testid="otp-hint"]').textContent();
  const code = /(\d{6})/.exec(hint ?? '')?.[1];
  if (!code) throw new Error(`no sign-in code in the hint: ${hint}`);
  await page.locator('input[name="code"]').fill(code);
  await beforeSubmit?.();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-testid="me-page"]').waitFor();
}
