/** What render functions return: the view layer turns these into DOM. */
export type VNode = TextVNode | ElementVNode;

export interface TextVNode {
  kind: 'text';
  text: string;
}

export interface ElementVNode {
  kind: 'element';
  tag: string;
  /** From `wx:key`/`tt:key` on a loop: the view reuses the node of the same key. */
  key?: string | number;
  /** `class`, `style`, `id`, `hidden`, `data-*` and every other attribute; a bare attribute is `true`. */
  attrs: Record<string, unknown>;
  events: EventBinding[];
  children: VNode[];
  /** The `slot="name"` this child is projected into, inside a custom component. */
  slot?: string;
  /** Package path of the custom component this tag resolved to through `usingComponents`. */
  component?: string;
  /**
   * Two-way bindings (`model:value="{{form.name}}"`): attribute → data path
   * (`form.name`, `list[2].title`). When the user changes that attribute the
   * view sends a model update `{ [path]: newValue }` to the logic layer.
   */
  model?: Record<string, string>;
}

export interface EventBinding {
  /** Event type without prefix: `tap`, `input`, `change`, or a component's custom event. */
  name: string;
  /** The page/component method to call; empty when a dynamic handler evaluated to nothing. */
  handler: string;
  /** `capture-bind` / `capture-catch`: runs in the capture phase. */
  capture: boolean;
  /** `catch*`: stops propagation after handling. */
  catch: boolean;
  /** `mut-bind`: mutually exclusive with other `mut-bind` handlers on the path. */
  mut: boolean;
}

/** A compiled render function: a pure function of the data (and the runtime it is handed). */
export type RenderFunction = (data: unknown, rt: RenderRuntime) => VNode[];

/** The helpers generated render code calls, bound to one component instance's style scope. */
export interface RenderRuntime {
  e(
    tag: string,
    attrs: Record<string, unknown>,
    events: { name: string; handler: unknown; capture: boolean; catch: boolean; mut: boolean }[],
    children: VNode[],
    extra?: { component?: string; slot?: unknown; model?: Record<string, unknown> },
  ): ElementVNode;
  t(value: unknown): TextVNode;
  s(value: unknown): string;
  m(target: unknown, key: unknown): unknown;
  c(target: unknown, key: unknown, args: unknown[]): unknown;
  l(value: unknown): [unknown, unknown][];
  a(value: unknown): unknown[];
  o(value: unknown): object;
  k(value: unknown): string;
  key(nodes: VNode[], key: unknown): VNode[];
  /** A keyed loop item: `build()`'s vnodes, or last render's when every dep is the same value. */
  memo(site: string, key: unknown, deps: readonly unknown[], build: () => VNode[]): VNode[];
  /**
   * A whole keyed loop: `build(item, index)` for each entry of `list` (as `l` walks it), or
   * last render's vnodes where `shared` (enclosing loop variables, data fields the body
   * reads), the item and its index are the same values.
   */
  loop(
    site: string,
    list: unknown,
    shared: readonly unknown[],
    keyOf: (item: unknown, index: unknown) => unknown,
    build: (item: unknown, index: unknown) => VNode[],
  ): VNode[];
  with(data: unknown, locals: Record<string, unknown>): Record<string, unknown>;
  tpl(moduleId: string, name: unknown, data: unknown): VNode[];
  /** Renders file `moduleId` in place; `from` is the including file, whose wxs modules it sees. */
  inc(moduleId: string, data: unknown, from?: string): VNode[];
  w(moduleId: string, name: string): unknown;
  cls(value: unknown): string;
  /** A `style` attribute with `rpx` converted. */
  st(value: unknown): string;
}
