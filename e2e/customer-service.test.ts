import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { demoAccounts } from '../server/src/demo/index.ts';
import { testEngines } from '../server/test/support/test-database.ts';
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

type Shot = (step: string) => Promise<void>;

/** The console's sign-in, then the page at `path`. */
async function consoleSignIn(
  desk: Page,
  base: string,
  account: { email: string; password: string },
  path: string,
) {
  await desk.goto(`${base}${path}`);
  await desk.getByLabel('Email').fill(account.email);
  await desk.getByLabel('Password').fill(account.password);
  await desk.getByRole('button', { name: 'Sign in' }).click();
  await desk.locator('.console').waitFor();
}

/**
 * The demo user, signed in, opens the takeout's order page by link and taps its contact
 * button: the chat opens over the mini program with the page as its card.
 */
async function openChatFromOrder(phone: Page, base: string, appid: string, shot: Shot) {
  await phone.goto(`${base}/`);
  await signInDemoUser(phone, demoAccounts.user.phone);
  const path = encodeURIComponent('pages/result/result?status=paid&orderId=ord_demo&totalCents=4650');
  await phone.goto(`${base}/?open=${appid}&path=${path}`);
  await phone.locator('[data-testid="mini-program-sheet"][data-ready]').waitFor();
  const result = await pageFrame(phone, 'pages/result/result');
  await result.locator('.result__contact').waitFor();
  await shot('order-page-with-contact-button');
  await tap(phone, result.locator('.result__contact'));
  const chat = phone.locator('[data-testid="chat-sheet"]');
  await chat.waitFor();
  const card = chat.locator('[data-testid="chat-card"]');
  await expect.poll(() => card.first().textContent()).toContain('pages/result/result');
  await shot('chat-opened-with-page-card');
  return chat;
}

/** Types a line into a chat's reply box (the user's sheet or the agent's inbox) and sends it. */
async function say(page: Page, text: string) {
  await page.locator('input[name="chat-text"]').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

/** The user's phone and the agent's desk in one browser, each with the screenshots of `walk`. */
async function phoneAndDesk(browser: Browser, walk: string) {
  const phone = await openPhone(browser);
  const desk = await (await browser.newContext({ viewport: { width: 1100, height: 720 } })).newPage();
  return { phone, desk, phoneShot: screenshots(phone, walk), deskShot: screenshots(desk, `${walk}-console`) };
}
type People = Awaited<ReturnType<typeof phoneAndDesk>>;

/** Prints the browsers' page errors and takes the failure screenshots when a test fails. */
function onFailure(pages: Page[], shots: Shot[], output = () => '') {
  const lines: string[] = [];
  for (const p of pages) p.on('pageerror', (e) => lines.push(`pageerror: ${e.stack ?? e.message}`));
  onTestFailed(async () => {
    for (const shot of shots) await shot('failure');
    process.stderr.write(`browser console:\n${lines.join('\n')}\n${output()}\n`);
  });
}

// Customer service as its two people meet it, in Chromium against `npm start`: the user
// taps the takeout's contact button on an order's page, the chat opens over the mini
// program with the page as its card, they write; the shop's agent answers from the agent
// inbox of the console; the answer reaches the open chat live. The user then reports the
// chat, and the operator's console lists the report.
describe('customer service in the super app and the console', () => {
  let platform: PlatformProcess;
  let browser: Browser;
  let people: People;

  beforeAll(async () => {
    ensureSuperAppBuilt();
    [platform, browser] = await Promise.all([startPlatformProcess('sqlite'), launchChromium()]);
    people = await phoneAndDesk(browser, 'customer-service');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('opens a chat from the contact button, the agent inbox answers, the answer arrives live', async () => {
    const { phone, desk, phoneShot, deskShot } = people;
    onFailure([phone, desk], [phoneShot, deskShot]);
    const appid = platform.marker.appid;
    const chat = await openChatFromOrder(phone, platform.base, appid, phoneShot);

    await say(phone, 'Is my order on its way?');
    const mine = chat.locator('[data-testid="chat-line"][data-sender="user"]');
    await expect.poll(() => mine.last().textContent()).toBe('Is my order on its way?');
    await phoneShot('user-wrote');

    // The shop's agent: the console's inbox lists the chat, unread, with the user's orders beside it.
    await consoleSignIn(desk, platform.base, demoAccounts.developer, `/console/apps/${appid}/support`);
    const row = desk.locator('[data-testid="agent-conversation"]');
    await expect.poll(() => row.first().textContent()).toContain('Is my order on its way?');
    expect(await row.first().locator('[data-testid="agent-unread"]').textContent()).toBe('2');
    await deskShot('agent-inbox');
    await row.first().click();
    const agentLines = desk.locator('[data-testid="chat-line"]');
    await expect.poll(() => agentLines.count()).toBe(2);
    await say(desk, 'Yes! It left the kitchen five minutes ago.');
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
    await consoleSignIn(desk, platform.base, demoAccounts.operator, '/operator/reports');
    const report = desk.locator('[data-testid="report-row"]');
    await expect.poll(() => report.first().textContent()).toContain('spam');
    await deskShot('operator-reports');
  }, 180_000);
});

// The same conversation with two `npm start` processes on one PostgreSQL database, as behind
// one address: the user's chat is served by process A, the agent's inbox by process B, and
// each line crosses from one process to the other's open stream (LISTEN/NOTIFY) both ways.
describe.skipIf(!testEngines.includes('postgres'))(
  'customer service across two server processes on PostgreSQL',
  () => {
    let a: PlatformProcess;
    let b: PlatformProcess;
    let browser: Browser;
    let people: People;

    beforeAll(async () => {
      ensureSuperAppBuilt();
      [a, browser] = await Promise.all([startPlatformProcess('postgres'), launchChromium()]);
      b = await startPlatformProcess('postgres', a.target, { joinDemo: true });
      people = await phoneAndDesk(browser, 'customer-service-two-processes');
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      // The first process's demo made the database: it drops it, last.
      await b?.stop({ keepData: true });
      await a?.stop();
    });

    it("carries the user's lines from process A to the agent inbox open on process B, and the answer back, live", async () => {
      const { phone, desk, phoneShot, deskShot } = people;
      onFailure(
        [phone, desk],
        [phoneShot, deskShot],
        () => `process A:\n${a.output()}\nprocess B:\n${b.output()}`,
      );
      expect(a.base).not.toBe(b.base);
      const appid = a.marker.appid;
      const chat = await openChatFromOrder(phone, a.base, appid, phoneShot);
      await say(phone, 'Is my order on its way?');
      const mine = chat.locator('[data-testid="chat-line"][data-sender="user"]');
      await expect.poll(() => mine.last().textContent()).toBe('Is my order on its way?');

      // The agent on process B opens the conversation; its live stream is open before the user
      // writes again, so the next line can only arrive through it.
      const agentStream = desk.waitForResponse(
        (r) => r.url().startsWith(b.base) && r.url().endsWith(`/apps/${appid}/support/stream`) && r.ok(),
      );
      await consoleSignIn(desk, b.base, demoAccounts.developer, `/console/apps/${appid}/support`);
      await agentStream;
      const row = desk.locator('[data-testid="agent-conversation"]');
      await expect.poll(() => row.first().textContent()).toContain('Is my order on its way?');
      await row.first().click();
      const agentLines = desk.locator('[data-testid="chat-line"]');
      await expect.poll(() => agentLines.count()).toBe(2);
      // Oldest first, as the user's chat shows them: the page's card, then their line.
      const opened = await agentLines.allTextContents();
      expect(opened[0]).toContain('pages/result/result');
      expect(opened[1]).toBe('Is my order on its way?');
      await deskShot('agent-inbox-on-process-b');

      // A → B: the user's next line appears in the open conversation on the other process.
      await say(phone, 'And no coriander, please.');
      const fromUser = desk.locator('[data-testid="chat-line"][data-sender="user"]');
      await expect
        .poll(() => fromUser.last().textContent(), { timeout: 15_000 })
        .toBe('And no coriander, please.');
      await expect.poll(() => agentLines.count()).toBe(3);
      expect((await agentLines.allTextContents()).slice(1)).toEqual([
        'Is my order on its way?',
        'And no coriander, please.',
      ]);
      // The list follows too: the conversation's last line is the new one.
      await expect.poll(() => row.first().textContent()).toContain('And no coriander, please.');
      await deskShot('user-line-arrived-live-on-process-b');

      // B → A: the agent's answer reaches the chat open on the first process.
      await say(desk, 'Noted: no coriander. It left the kitchen five minutes ago.');
      const theirs = chat.locator('[data-testid="chat-line"][data-sender="merchant"]');
      await expect
        .poll(() => theirs.last().textContent(), { timeout: 15_000 })
        .toBe('Noted: no coriander. It left the kitchen five minutes ago.');
      await phoneShot('answer-arrived-live-on-process-a');
      // Neither page was reloaded: the chat still shows the whole conversation in order.
      const everyLine = await chat.locator('[data-testid="chat-line"]').allTextContents();
      expect(everyLine.slice(-3)).toEqual([
        'Is my order on its way?',
        'And no coriander, please.',
        'Noted: no coriander. It left the kitchen five minutes ago.',
      ]);
    }, 240_000);
  },
);
