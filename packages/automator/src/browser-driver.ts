import { launchChromium } from '@plaza/container/testing';
import { loadProgram } from '@plaza/simulator';
import type { Browser, ElementHandle, Frame, Page, Worker } from 'playwright-core';
import { agentScript } from './agent-scripts.ts';
import type { AutomatorDriver, ViewArgs } from './driver.ts';
import { AutomatorError } from './errors.ts';
import type { AutomatorEvent, LogEntry } from './protocol.ts';
import { domSelector } from './selector.ts';
import type { StyleScopes, ViewAgent, ViewOperation } from './view-agent.ts';

export interface BrowserDriverOptions {
  /** The program's folder (for its class prefixes). */
  dir: string;
  /** The dev page of `plaza dev`, served with automation on. */
  url: string;
  /** How long the program may take to come up, in ms (default 20,000). */
  timeout?: number;
}

type Agent = { __plaza_view_agent: Record<string, (el: Element, ...args: unknown[]) => unknown> };

const EVENT_POLL_MS = 200;
const READY_POLL_MS = 50;
/** Rounds without a new message or render after which the program counts as quiet. */
const SETTLE_QUIET_ROUNDS = 2;
/** A program that never goes quiet (a timer that renders every tick) is left after these. */
const SETTLE_MAX_ROUNDS = 40;

/**
 * Runs the program in Chromium, in the container of `plaza dev`'s page: the logic in its
 * worker, each page in its sandboxed frame. The driver reaches both through the browser's
 * debugging protocol (which a page's CSP does not govern), never through the page itself.
 * @example const driver = await browserDriver({ dir: 'examples/takeout', url: devServer.url });
 */
export async function browserDriver(options: BrowserDriverOptions): Promise<AutomatorDriver<ElementHandle>> {
  const timeout = options.timeout ?? 20_000;
  const program = await loadProgram(options.dir);
  const components = Object.values(program.manifest.components);
  const scopes: StyleScopes = {
    prefixes: components.map((c) => c.styleScope.prefix).filter(Boolean),
    hostClasses: components.map((c) => c.styleScope.hostClass).filter(Boolean),
  };
  const listeners: Array<(event: AutomatorEvent) => void> = [];
  const emit = (event: AutomatorEvent) => {
    for (const listener of listeners) listener(event);
  };
  const [logicScript, viewScript] = await Promise.all([agentScript('logic'), agentScript('view')]);
  const browser: Browser = await launchChromium();
  const page: Page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  // The dev page hands the program's uncaught errors here (its `error` events).
  await page.exposeFunction('plazaAutomatorError', (error: { message?: unknown; stack?: unknown }) =>
    emit({
      method: 'App.exceptionThrown',
      params: { message: String(error?.message ?? ''), stack: String(error?.stack ?? '') },
    }),
  );
  let worker: Worker | undefined;
  let exited = true;

  const findWorker = async (): Promise<Worker | undefined> => {
    for (const candidate of page.workers()) {
      const found = await candidate
        .evaluate('typeof globalThis.__plaza_automated_logic === "object"')
        .catch(() => false);
      if (found) return candidate;
    }
    return undefined;
  };
  /** Polls `probe` until it answers something; past the deadline, the program did not do `what` in time. */
  const until = async <T>(
    probe: () => Promise<T | undefined>,
    deadline: number,
    what: string,
  ): Promise<T> => {
    for (;;) {
      const found = await probe();
      if (found !== undefined) return found;
      if (performance.now() > deadline)
        throw new AutomatorError(
          'AUTOMATOR_DRIVER_FAILED',
          'browser',
          `the program ${what} within ${timeout} ms`,
        );
      await page.waitForTimeout(READY_POLL_MS);
    }
  };
  /** The program's logic worker with the agent in it, starting the program if it was exited. */
  const logicWorker = async (): Promise<Worker> => {
    if (exited) {
      exited = false;
      worker = undefined;
      await page.goto(options.url);
    }
    const deadline = performance.now() + timeout;
    let target = worker;
    if (!target) {
      const found = await until(findWorker, deadline, 'did not start');
      found.once('close', () => {
        if (worker === found) worker = undefined;
      });
      worker = target = found;
    }
    const installed = await target.evaluate('typeof globalThis.__plaza_automator === "object"');
    if (!installed) {
      await target.evaluate(logicScript);
      // Started once its launch page is on the stack: the worker exists a moment before, and
      // a client that asks for the current page then must not hear "no page".
      const pages = 'JSON.parse(globalThis.__plaza_automator.pageStack()).value?.length ?? 0';
      const inWorker = target;
      await until(
        async () => (Number(await inWorker.evaluate(pages)) > 0 ? true : undefined),
        deadline,
        'showed no page',
      );
    }
    return target;
  };
  /** The view frame of a page: the one inside the shell's slot for that page id. */
  const frameOf = async (pageId: string): Promise<Frame> => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const element = await frame.frameElement().catch(() => undefined);
      const owner = await element
        ?.evaluate((el) => (el as Element).closest('[data-page-id]')?.getAttribute('data-page-id') ?? null)
        .catch(() => null);
      if (owner === pageId) return frame;
    }
    throw new AutomatorError('AUTOMATOR_NO_PAGE', pageId);
  };
  const withViewAgent = async (frame: Frame) => {
    const installed = await frame.evaluate('typeof globalThis.__plaza_view_agent === "object"');
    if (!installed) await frame.evaluate(viewScript);
  };

  const pollLogs = setInterval(() => {
    if (!worker || exited) return;
    worker
      .evaluate('globalThis.__plaza_automator ? globalThis.__plaza_automator.drainLogs() : "[]"')
      .then((text) => {
        for (const entry of JSON.parse(String(text)) as LogEntry[])
          emit({ method: 'App.logAdded', params: entry });
      })
      .catch(() => undefined);
  }, EVENT_POLL_MS);

  await logicWorker();

  return {
    name: 'browser',
    scopes,
    async logic(expression) {
      const target = await logicWorker();
      try {
        return String(await target.evaluate(expression));
      } catch (error) {
        const message = (error as Error).message;
        if (/SyntaxError/.test(message))
          throw new AutomatorError('AUTOMATOR_BAD_PARAMS', 'the call', message);
        throw error;
      }
    },
    async query(pageId, selector, scope) {
      await logicWorker();
      const css = domSelector(selector, scopes);
      const root =
        scope ??
        (await (await frameOf(pageId)).$(`plaza-page[data-instance="${pageId.replace(/["\\]/g, '\\$&')}"]`));
      if (!root) throw new AutomatorError('AUTOMATOR_NO_PAGE', pageId);
      const found = await root
        .evaluateHandle((el, sel) => Array.from((el as Element).querySelectorAll(sel)), css)
        .catch((error: Error) => {
          throw new AutomatorError('AUTOMATOR_BAD_PARAMS', 'selector', error.message.split('\n')[0] ?? '');
        });
      const handles: ElementHandle[] = [];
      for (const property of (await found.getProperties()).values()) {
        const element = property.asElement();
        if (element) handles.push(element as ElementHandle);
      }
      await found.dispose();
      return handles;
    },
    async onElement<O extends ViewOperation>(ref: ElementHandle, operation: O, args: ViewArgs<O>) {
      const frame = await ref.ownerFrame();
      if (!frame) throw new AutomatorError('AUTOMATOR_NO_ELEMENT', 'the element', 'a closed page');
      await withViewAgent(frame);
      return (await ref.evaluate(
        (el, [name, rest]) =>
          (globalThis as unknown as Agent).__plaza_view_agent[name]!(el as Element, ...rest),
        [operation, args as unknown[]] as const,
      )) as ReturnType<ViewAgent[O]>;
    },
    componentId: (pageId, viewInstance) => `${pageId}.${viewInstance}`,
    /**
     * Waits until the program is quiet: no message reached the logic and no page frame changed
     * for two rounds, each round a task in the worker and in every frame (the hops an action's
     * effect takes: view frame → host → logic worker → host → view frame).
     */
    async settle() {
      const target = await logicWorker();
      let last = '';
      let quiet = 0;
      for (let round = 0; round < SETTLE_MAX_ROUNDS && quiet < SETTLE_QUIET_ROUNDS; round++) {
        const marks = [
          await target.evaluate(
            'new Promise((done) => setTimeout(() => done(globalThis.__plaza_automator.received()), 0))',
          ),
        ];
        for (const frame of page.frames()) {
          if (frame === page.mainFrame()) continue;
          // A task, not an animation frame: the spare frame is never painted.
          marks.push(
            await withViewAgent(frame)
              .then(() =>
                frame.evaluate(
                  'new Promise((done) => setTimeout(() => done(globalThis.__plaza_view_changes()), 0))',
                ),
              )
              .catch(() => 'gone'),
          );
        }
        const mark = marks.join(',');
        quiet = mark === last ? quiet + 1 : 0;
        last = mark;
      }
    },
    async screenshot() {
      await logicWorker();
      return (await page.locator('#device').screenshot()).toString('base64');
    },
    async windowProperties(pageId, names) {
      await logicWorker();
      const frame = await frameOf(pageId);
      return await frame.evaluate(
        (paths) =>
          paths.map((path) => {
            let value: unknown = globalThis;
            for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
            return value === undefined || typeof value === 'object' || typeof value === 'function'
              ? null
              : value;
          }),
        names,
      );
    },
    async exit() {
      exited = true;
      worker = undefined;
      await page.goto('about:blank');
    },
    onEvent(listener) {
      listeners.push(listener);
    },
    async close() {
      clearInterval(pollLogs);
      await browser.close();
    },
  };
}
