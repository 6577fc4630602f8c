import type { AutomatorEvent } from './protocol.ts';
import type { StyleScopes, ViewAgent, ViewOperation } from './view-agent.ts';

/**
 * Where the program runs for the automator: Chromium with the container (`browser`), or the
 * simulator in Node (`simulator`). The server speaks the protocol; a driver only reaches into
 * the program's two layers. `Ref` is the driver's handle on a rendered element.
 */
export interface AutomatorDriver<Ref = unknown> {
  readonly name: 'browser' | 'simulator';
  /** The program's class prefixes, to give classes back as the author wrote them. */
  readonly scopes: StyleScopes;
  /**
   * Evaluates `expression` in the program's logic realm, where `__plaza_automator` (the
   * logic agent) is defined; resolves to the JSON text the agent answers.
   */
  logic(expression: string): Promise<string>;
  /** The elements of a page's view matching an authored selector, within `scope` when given. */
  query(pageId: string, selector: string, scope?: Ref): Promise<Ref[]>;
  /** Runs one of the view agent's operations on an element. */
  onElement<O extends ViewOperation>(
    ref: Ref,
    operation: O,
    args: ViewArgs<O>,
  ): Promise<ReturnType<ViewAgent[O]>>;
  /** The id the logic knows a custom component by, from its page and the view's own id. */
  componentId(pageId: string, viewInstance: string): string;
  /** Waits until what the last action started (events, setData, navigation) has rendered. */
  settle(): Promise<void>;
  /** The phone's screen as a base64 PNG. */
  screenshot(): Promise<string>;
  /** `window` values of a page's view by dotted name (`document.documentElement.scrollHeight`). */
  windowProperties(pageId: string, names: string[]): Promise<unknown[]>;
  /** Ends the program; the next request starts it again from its launch page. */
  exit(): Promise<void>;
  /** Console output and uncaught errors of the program, as protocol events. */
  onEvent(listener: (event: AutomatorEvent) => void): void;
  close(): Promise<void>;
}

/** An operation's arguments after the element. */
export type ViewArgs<O extends ViewOperation> = ViewAgent[O] extends (
  el: Element,
  ...rest: infer A
) => unknown
  ? A
  : never;
