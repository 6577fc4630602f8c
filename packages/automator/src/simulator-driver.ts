import { launch, type Scenario, type Simulator } from '@plaza/simulator';
import { agentScript } from './agent-scripts.ts';
import type { AutomatorDriver, ViewArgs } from './driver.ts';
import { AutomatorError } from './errors.ts';
import type { AutomatorEvent, LogEntry } from './protocol.ts';
import { domSelector } from './selector.ts';
import { type StyleScopes, type ViewAgent, type ViewOperation, viewAgent } from './view-agent.ts';

export interface SimulatorDriverOptions {
  /** The page to open first and its query; the entry page by default. */
  path?: string;
  query?: Record<string, string>;
  /** How the simulated host answers (login, payment, the merchant's server…). */
  scenario?: Scenario;
  /** How long one answer from the program may take, in ms (default 5,000). */
  timeout?: number;
}

/** Operations that need a layout engine, which the simulator's light DOM does not have. */
const NEEDS_LAYOUT: Partial<Record<ViewOperation, string>> = {
  styles: 'Element.getStyles',
  offset: 'Element.getOffset',
};
const POLL_MS = 5;
const EVENT_POLL_MS = 50;

/**
 * Runs the program headless in the simulator (for CI): the real runtime and view layer in
 * Node, no browser. Screenshots, computed styles, offsets and window properties need a
 * layout engine and are refused with `AUTOMATOR_UNSUPPORTED`.
 * @example const driver = await simulatorDriver('examples/takeout'); await startAutomatorServer(driver, { port: 9420 });
 */
export async function simulatorDriver(
  dir: string,
  options: SimulatorDriverOptions = {},
): Promise<AutomatorDriver<Element>> {
  const timeout = options.timeout ?? 5_000;
  const listeners: Array<(event: AutomatorEvent) => void> = [];
  let sim: Simulator | undefined;
  let starting: Promise<Simulator> | undefined;
  let seenLogs = 0;
  let seenErrors = 0;
  let ticket = 0;

  const start = async () => {
    const started = await launch(dir, {
      automation: true,
      failOnError: false,
      ...(options.path ? { path: options.path } : {}),
      ...(options.query ? { query: options.query } : {}),
      ...(options.scenario ? { scenario: options.scenario } : {}),
    });
    started.runInLogic(await agentScript('logic'));
    seenLogs = 0;
    seenErrors = 0;
    sim = started;
    return started;
  };
  /** The running program; after `App.exit` the next request starts it again. */
  const running = () => {
    if (sim) return Promise.resolve(sim);
    starting ??= start().finally(() => {
      starting = undefined;
    });
    return starting;
  };
  const emit = (event: AutomatorEvent) => {
    for (const listener of listeners) listener(event);
  };
  // The simulator keeps the program's console and errors in arrays: pass on what is new.
  const forward = () => {
    if (!sim) return;
    for (const log of sim.logs.slice(seenLogs)) emit({ method: 'App.logAdded', params: logEntry(log) });
    seenLogs = sim.logs.length;
    for (const error of sim.errors.slice(seenErrors)) {
      emit({ method: 'App.exceptionThrown', params: { message: error.message, stack: error.stack ?? '' } });
    }
    seenErrors = sim.errors.length;
  };
  const poller = setInterval(forward, EVENT_POLL_MS);
  const first = await running();
  const manifest = first.program.manifest;
  const components = Object.values(manifest.components);
  const scopes: StyleScopes = {
    prefixes: components.map((c) => c.styleScope.prefix).filter(Boolean),
    hostClasses: components.map((c) => c.styleScope.hostClass).filter(Boolean),
  };

  return {
    name: 'simulator',
    scopes,
    async logic(expression) {
      const program = await running();
      const id = ++ticket;
      // The realm's own promises settle only while it runs: start the work, then poll for it.
      try {
        program.runInLogic(`__plaza_automator.start(${id}, () => ${expression}\n); void 0;`);
      } catch (error) {
        // A test's function that does not compile; anything else is the driver's failure.
        if (error instanceof SyntaxError)
          throw new AutomatorError('AUTOMATOR_BAD_PARAMS', 'the call', error.message);
        throw error;
      }
      const deadline = performance.now() + timeout;
      for (;;) {
        await program.settle();
        const text = program.runInLogic(`__plaza_automator.take(${id})`);
        if (text) return text;
        if (performance.now() > deadline) {
          throw new AutomatorError('AUTOMATOR_DRIVER_FAILED', 'simulator', `no answer within ${timeout} ms`);
        }
        await new Promise((wake) => setTimeout(wake, POLL_MS));
      }
    },
    async query(pageId, selector, scope) {
      const program = await running();
      const root =
        scope ?? program.document.querySelector(`plaza-page[data-instance="${cssString(pageId)}"]`);
      if (!root) throw new AutomatorError('AUTOMATOR_NO_PAGE', pageId);
      try {
        return Array.from(root.querySelectorAll(domSelector(selector, scopes)));
      } catch (error) {
        throw new AutomatorError('AUTOMATOR_BAD_PARAMS', 'selector', (error as Error).message);
      }
    },
    async onElement<O extends ViewOperation>(ref: Element, operation: O, args: ViewArgs<O>) {
      const needs = NEEDS_LAYOUT[operation];
      if (needs)
        throw new AutomatorError('AUTOMATOR_UNSUPPORTED', needs, 'simulator', 'it has no layout engine');
      await running();
      const run = viewAgent[operation] as (el: Element, ...rest: unknown[]) => ReturnType<ViewAgent[O]>;
      return run(ref, ...args);
    },
    componentId: (_pageId, viewInstance) => viewInstance,
    async settle() {
      await (await running()).settle();
      forward();
    },
    async screenshot() {
      throw new AutomatorError(
        'AUTOMATOR_UNSUPPORTED',
        'App.captureScreenshot',
        'simulator',
        'it renders no pixels',
      );
    },
    async windowProperties() {
      throw new AutomatorError(
        'AUTOMATOR_UNSUPPORTED',
        'Page.getWindowProperties',
        'simulator',
        'it has no layout engine',
      );
    },
    async exit() {
      forward();
      sim?.close();
      sim = undefined;
    },
    onEvent(listener) {
      listeners.push(listener);
    },
    async close() {
      clearInterval(poller);
      sim?.close();
      sim = undefined;
    },
  };
}

function logEntry(log: { level: string; message: string }): LogEntry {
  const type = (['log', 'info', 'warn', 'error', 'debug'] as const).find((t) => t === log.level) ?? 'log';
  return { type, args: [log.message] };
}

function cssString(text: string): string {
  return text.replace(/["\\]/g, '\\$&');
}
