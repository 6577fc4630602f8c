/**
 * The shapes the view consumes from the compiler's render runtime (`ViewRegistry`,
 * `VNode`). Declared structurally here so the DOM layer does not pull the compiler's
 * build-time code into the browser; the compiler's own types satisfy them.
 */
export type VNode = TextVNode | ElementVNode;

export interface TextVNode {
  kind: 'text';
  text: string;
}

export interface ElementVNode {
  kind: 'element';
  tag: string;
  key?: string | number;
  attrs: Record<string, unknown>;
  events: EventBinding[];
  children: VNode[];
  slot?: string;
  /** Package path of the custom component this tag resolved to. */
  component?: string;
  /** `model:value="{{path}}"`: attribute → data path. */
  model?: Record<string, string>;
}

export interface EventBinding {
  name: string;
  handler: string;
  capture: boolean;
  catch: boolean;
  mut: boolean;
}

export interface StyleScope {
  prefix: string;
  keepGlobal: boolean;
  hostClass: string;
}

/** What the view reads of one compiled module. */
export interface ViewModuleInfo {
  css?: string;
  styleScope?: StyleScope;
}

/** The compiled templates of a package: the compiler's `ViewRegistry` (see `loadViewBundle`). */
export interface ViewModules {
  module(id: string): ViewModuleInfo | undefined;
  render(
    id: string,
    data: unknown,
    options?: { externalClasses?: Readonly<Record<string, string>> },
  ): VNode[];
}
