import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { demoAccounts } from '../server/src/demo/index.ts';
import {
  launchChromium,
  openPhone,
  pageFrame,
  screenshots,
  signInDemoUser,
  tap,
} from './support/phone-browser.ts';
import { type PlatformProcess, startPlatformProcess } from './support/platform-process.ts';
import { ensureSuperAppBuilt } from './support/super-app-build.ts';

// Customer service as its two people meet it, in Chromium against `npm start`: the user
// taps the takeout's contact button on an order's page, the chat opens over the mini
// program with the page as its card, they write; the shop's agent answers from the agent
// inbox of the console; the answer reaches the open chat live. The user then reports the
// chat, and the operator's console lists the report.
describe('customer service in the super app and the console', () => {
  let platform: PlatformProcess;
  let browser: Browser;
  let phone: Page;
  let desk: Page;
  let phoneShot: (step: string) => Promise<void>;
  let deskShot: (step: string) => Promise<void>;

  beforeAll(async () => {
    ensureSuperAppBuilt();
    [platform, browser] = await Promise.all([startPlatformProcess('sqlite'), launchChromium()]);
    phone = await openPhone(browser);
    desk = await (await browser.newContext({ viewport: { width: 1100, height: 720 } })).newPage();
    phoneShot = screenshots(phone, 'customer-service');
    deskShot = screenshots(desk, 'customer-service-console');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  async function consoleSignIn(account: { email: string; password: string }, path: string) {
    await desk.goto(`${platform.base}${path}`);
    await desk.getByLabel('Email').fill(account.email);
    await desk.getByLabel('Password').fill(account.password);
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await desk.locator('.console').waitFor();
  }

  it('opens a chat from the contact button, the agent inbox answers, the answer arrives live', async () => {
    const lines: string[] = [];
    for (const p of [phone, desk]) p.on('pageerror', (e) => lines.push(`pageerror: ${e.stack ?? e.message}`));
    onTestFailed(async () => {
      await phoneShot('failure');
      await deskShot('failure');
      process.stderr.write(`browser console:\n${lines.join('\n')}\n`);
    });
    const appid = platform.marker.appid;

    await phone.goto(`${platform.base}/`);
    await signInDemoUser(phone, demoAccounts.user.phone);

    // The takeout's order page, opened by link; its contact button opens the chat.
    const path = encodeURIComponent('pages/result/result?status=paid&orderId=ord_demo&totalCents=4650');
    await phone.goto(`${platform.base}/?open=${appid}&path=${path}`);
    await phone.locator('[data-testid="mini-program-sheet"][data-ready]').waitFor();
    const result = await pageFrame(phone, 'pages/result/result');
    await result.locator('.result__contact').waitFor();
    await phoneShot('order-page-with-contact-button');
    await tap(phone, result.locator('.result__contact'));
    const chat = phone.locator('[data-testid="chat-sheet"]');
    await chat.waitFor();
    const card = chat.locator('[data-testid="chat-card"]');
    await expect.poll(() => card.first().textContent()).toContain('pages/result/result');
    await phoneShot('chat-opened-with-page-card');

    await chat.locator('input[name="chat-text"]').fill('Is my order on its way?');
    await chat.getByRole('button', { name: 'Send' }).click();
    const mine = chat.locator('[data-testid="chat-line"][data-sender="user"]');
    await expect.poll(() => mine.last().textContent()).toBe('Is my order on its way?');
    await phoneShot('user-wrote');

    // The shop's agent: the console's inbox lists the chat, unread, with the user's orders beside it.
    await consoleSignIn(demoAccounts.developer, `/console/apps/${appid}/support`);
    const row = desk.locator('[data-testid="agent-conversation"]');
    await expect.poll(() => row.first().textContent()).toContain('Is my order on its way?');
    expect(await row.first().locator('[data-testid="agent-unread"]').textContent()).toBe('2');
    await deskShot('agent-inbox');
    await row.first().click();
    const agentLines = desk.locator('[data-testid="chat-line"]');
    await expect.poll(() => agentLines.count()).toBe(2);
    await desk.locator('input[name="chat-text"]').fill('Yes! It left the kitchen five minutes ago.');
    await desk.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => desk.locator('[data-testid="chat-line"][data-sender="merchant"]').last().textContent())
      .toContain('Yes! It left the kitchen');
    await deskShot('agent-answered');

    // The open chat on the phone hears it over the live stream: nothing was reloaded.
    const theirs = chat.locator('[data-testid="chat-line"][data-sender="merchant"]');
    await expect
      .poll(() => theirs.last().textContent(), { timeout: 15_000 })
      .toBe('Yes! It left the kitchen five minutes ago.');
    await phoneShot('answer-arrived-live');

    // The user reports the chat; the operator's console lists it.
    await chat.getByRole('button', { name: 'Chat options' }).click();
    await chat.getByRole('menuitem', { name: 'Report as spam' }).click();
    await chat.getByText('the platform will look at this chat').waitFor();
    await phoneShot('reported');
    await desk.context().clearCookies();
    await consoleSignIn(demoAccounts.operator, '/operator/reports');
    const report = desk.locator('[data-testid="report-row"]');
    await expect.poll(() => report.first().textContent()).toContain('spam');
    await deskShot('operator-reports');
  }, 180_000);
});
