import type { BuiltinComponent, BuiltinContext } from '../view/index.ts';
import { componentElement } from './component-element.ts';
import type { AskHost } from './component-requests.ts';

/**
 * A component whose code is loaded on first use (map, editor, live-player): its library is too
 * big for every page frame to parse at boot. The frame asks the host for the code, runs it from
 * a `blob:` script (the frame's policy allows nothing else) and the script registers itself here.
 */
export interface LazyComponent {
  mount(element: HTMLElement, ctx: BuiltinContext, ask: AskHost): void;
  update(
    element: HTMLElement,
    attrs: Record<string, unknown>,
    previous: Record<string, unknown>,
    ctx: BuiltinContext,
  ): void;
}

/** The global a loaded module calls; present only while a module is loading. */
export const LAZY_DEFINE = '__plaza_component_define';

type DefineScope = { [LAZY_DEFINE]?: (name: string, component: LazyComponent) => void };

/** Called by a lazily loaded module's entry. */
export function defineLazyComponent(name: string, component: LazyComponent): void {
  (globalThis as DefineScope)[LAZY_DEFINE]?.(name, component);
}

/** Loads each module once per frame. */
export class LazyModules {
  private readonly loaded = new Map<string, Promise<LazyComponent>>();
  private readonly waiting = new Map<string, (component: LazyComponent) => void>();

  constructor(
    private readonly document: Document,
    readonly ask: AskHost,
  ) {}

  load(name: string): Promise<LazyComponent> {
    let found = this.loaded.get(name);
    if (!found) {
      found = this.fetch(name);
      this.loaded.set(name, found);
    }
    return found;
  }

  private async fetch(name: string): Promise<LazyComponent> {
    const code = await this.ask({ kind: 'code', name });
    if (typeof code !== 'string') throw new Error(`${name}: the host sent no code`);
    const scope = globalThis as DefineScope;
    return new Promise((resolve, reject) => {
      this.waiting.set(name, resolve);
      scope[LAZY_DEFINE] = (defined, component) => {
        this.waiting.get(defined)?.(component);
        this.waiting.delete(defined);
        if (this.waiting.size === 0) delete scope[LAZY_DEFINE];
      };
      const script = this.document.createElement('script');
      const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      script.src = url;
      script.onload = () => URL.revokeObjectURL(url);
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
      modules.load(name).then(
        (component) => {
          ready.set(el, component);
          el.removeAttribute('aria-busy');
          component.mount(el, ctx, modules.ask);
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
