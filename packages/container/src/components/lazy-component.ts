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

/** Loads each module once per frame. */
export class LazyModules implements LazyServices {
  private readonly loaded = new Map<string, Promise<unknown>>();
  private readonly waiting = new Map<string, (value: unknown) => void>();

  constructor(
    private readonly document: Document,
    readonly ask: AskHost,
  ) {}

  load<T>(name: string): Promise<T> {
    let found = this.loaded.get(name);
    if (!found) {
      found = this.fetch(name);
      this.loaded.set(name, found);
    }
    return found as Promise<T>;
  }

  private async fetch(name: string): Promise<unknown> {
    const code = await this.ask({ kind: 'code', name });
    if (typeof code !== 'string') throw new Error(`${name}: the host sent no code`);
    const scope = globalThis as DefineScope;
    return new Promise((resolve, reject) => {
      this.waiting.set(name, resolve);
      scope[LAZY_DEFINE] = (defined, value) => {
        this.waiting.get(defined)?.(value);
        this.waiting.delete(defined);
        if (this.waiting.size === 0) delete scope[LAZY_DEFINE];
      };
      const script = this.document.createElement('script');
      const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      script.src = url;
      script.onload = () => {
        URL.revokeObjectURL(url);
        // The code ran (a classic script runs before its load event) without defining itself.
        if (this.waiting.delete(name)) reject(new Error(`${name}: the code defined no component`));
        if (this.waiting.size === 0) delete scope[LAZY_DEFINE];
      };
      script.onerror = () => reject(new Error(`${name}: the component's code did not run`));
      this.document.head.append(script);
    });
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
): BuiltinComponent {
  const ready = new WeakMap<Element, LazyComponent>();
  return {
    create(ctx) {
      const el = componentElement(ctx.document, 'div', name);
      el.setAttribute('aria-busy', 'true');
      modules.load<LazyComponent>(name).then(
        (component) => {
          ready.set(el, component);
          el.removeAttribute('aria-busy');
          component.mount(el, ctx, modules);
          component.update(el, ctx.attrs(), {}, ctx);
        },
        (error: Error) => {
          el.removeAttribute('aria-busy');
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
