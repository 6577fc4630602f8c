import type { BuiltinComponent, BuiltinContext } from '../view/index.ts';
import { componentElement } from './component-element.ts';
import type { AskHost } from './component-requests.ts';

/**
 * A component whose code is loaded on first use (map, editor, live-player): its library is too
 * big for every page frame to parse at boot. The frame asks the host for the code, runs it from
 * a `blob:` script (the frame's policy allows nothing else) and the script registers itself here.
 */
export interface LazyComponent {
  mount(element: HTMLElement, ctx: BuiltinContext, services: LazyServices): void;
  update(
    element: HTMLElement,
    attrs: Record<string, unknown>,
    previous: Record<string, unknown>,
    ctx: BuiltinContext,
  ): void;
}

/** What a loaded component may use: the host, and further modules (a map's tile renderer). */
export interface LazyServices {
  ask: AskHost;
  load<T>(name: string): Promise<T>;
}

/** The global a loaded module calls; present only while a module is loading. */
export const LAZY_DEFINE = '__plaza_component_define';

type DefineScope = { [LAZY_DEFINE]?: (name: string, value: unknown) => void };

/** Called by a lazily loaded module's entry: a component, or what another component loads. */
export function defineLazyComponent(name: string, value: LazyComponent | object): void {
  (globalThis as DefineScope)[LAZY_DEFINE]?.(name, value);
}

/** Loads each module once per frame, and hands out what the modules defined. */
export class LazyModules implements LazyServices {
  private readonly scripts = new Map<string, Promise<void>>();
  private readonly defined = new Map<string, unknown>();
  private running = 0;

  constructor(
    private readonly document: Document,
    readonly ask: AskHost,
  ) {}

  /** What module `module` (by default named `name` too) defined as `name`. */
  async load<T>(name: string, module = name): Promise<T> {
    let script = this.scripts.get(module);
    if (!script) {
      script = this.run(module);
      this.scripts.set(module, script);
    }
    await script;
    if (!this.defined.has(name)) throw new Error(`${module}: the code defined no ${name}`);
    return this.defined.get(name) as T;
  }

  private async run(module: string): Promise<void> {
    const code = await this.ask({ kind: 'code', name: module });
    if (typeof code !== 'string') throw new Error(`${module}: the host sent no code`);
    const scope = globalThis as DefineScope;
    this.running += 1;
    scope[LAZY_DEFINE] = (name, value) => {
      this.defined.set(name, value);
    };
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    try {
      // A classic script runs before its load event: by then it has defined what it carries.
      await new Promise<void>((resolve, reject) => {
        const script = this.document.createElement('script');
        script.src = url;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`${module}: the code did not run`));
        this.document.head.append(script);
      });
    } finally {
      URL.revokeObjectURL(url);
      this.running -= 1;
      if (this.running === 0) delete scope[LAZY_DEFINE];
    }
  }
}

/**
 * The built-in standing for a lazy component: its element exists at once (layout, styles,
 * `data-plaza`), the component takes it over when its code has arrived, and a failure to load
 * fires the component's `error` event.
 */
export function lazyComponent(
  name: string,
  modules: LazyModules,
  handles: readonly string[],
  module = name,
): BuiltinComponent {
  const ready = new WeakMap<Element, LazyComponent>();
  return {
    create(ctx) {
      const el = componentElement(ctx.document, 'div', name);
      // Hidden (its place kept) until its code has drawn it.
      el.setAttribute('data-arriving', '');
      modules.load<LazyComponent>(name, module).then(
        (component) => {
          ready.set(el, component);
          el.removeAttribute('data-arriving');
          component.mount(el, ctx, modules);
          component.update(el, ctx.attrs(), {}, ctx);
        },
        (error: Error) => {
          el.removeAttribute('data-arriving');
          el.setAttribute('data-failed', '');
          ctx.emit('error', { errMsg: `${name}:fail ${error.message}` });
        },
      );
      return el;
    },
    handles,
    update(element, attrs, previous, ctx) {
      ready.get(element)?.update(element as HTMLElement, attrs, previous, ctx);
    },
  };
}
