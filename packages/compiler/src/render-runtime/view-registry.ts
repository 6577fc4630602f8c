import { type StyleScope, scopeClassList } from './class-scope.ts';
import { callMember, loopEntries, readMember, toDisplayString } from './guard.ts';
import type { RenderMemo } from './render-memo.ts';
import { convertRpx } from './rpx.ts';
import type { ElementVNode, RenderFunction, RenderRuntime, VNode } from './vnode.ts';
import { type WxsFactory, WxsLoader } from './wxs-loader.ts';

/** One compiled template file (page, component, or a file others import/include), as `view.js` defines it. */
export interface ViewModule {
  render?: RenderFunction;
  templates?: Record<string, RenderFunction>;
  /** Module ids whose `<template name>` definitions this file may call. */
  imports?: string[];
  /** wxs/sjs module name → file (`utils/format.wxs`). */
  wxs?: Record<string, string>;
  /** Inline `<wxs module>` factories by name. */
  wxsInline?: Record<string, WxsFactory>;
  /** The compiled, scoped stylesheet of this page/component (`app` holds the global one). */
  css?: string;
  /** Tag → component package path. */
  usingComponents?: Record<string, string>;
  /** Present for components: how their class names are prefixed. */
  styleScope?: StyleScope;
}

export interface RuntimeOptions {
  /** External class name → the classes the parent passed for it (`vnode.attrs[name]` of the component's host node). */
  externalClasses?: Readonly<Record<string, string>>;
  /**
   * Kept by the caller across renders of one instance: keyed loop items whose inputs did not
   * change come back as the same vnode objects (the caller must then write data copy-on-write).
   */
  memo?: RenderMemo;
}

/**
 * Holds the modules of one package's `view.js` and renders them. DOM-free:
 * the browser view and the Node simulator share it.
 *
 * @example
 * const registry = loadViewBundle(viewJs);
 * const vnodes = registry.render('pages/index/index', data);
 */
export class ViewRegistry {
  private readonly modules = new Map<string, ViewModule>();
  private readonly wxs = new WxsLoader();

  define(id: string, module: ViewModule): void {
    this.modules.set(id, module);
    for (const [name, factory] of Object.entries(module.wxsInline ?? {}))
      this.wxs.define(`${id}#${name}`, factory);
  }

  defineWxs(path: string, factory: WxsFactory): void {
    this.wxs.define(path, factory);
  }

  module(id: string): ViewModule | undefined {
    return this.modules.get(id);
  }

  ids(): string[] {
    return [...this.modules.keys()];
  }

  /** Exports of wxs module `name` as template file `moduleId` sees it. */
  wxsModule(moduleId: string, name: string): unknown {
    const module = this.modules.get(moduleId);
    const file = module?.wxs?.[name];
    if (file) return this.wxs.load(file);
    return this.wxs.has(`${moduleId}#${name}`) ? this.wxs.load(`${moduleId}#${name}`) : undefined;
  }

  /** The helper object render functions of page/component `id` run with. */
  runtime(id: string, options: RuntimeOptions = {}): RenderRuntime {
    return createRenderRuntime(
      this,
      this.modules.get(id)?.styleScope,
      options.externalClasses ?? {},
      options.memo,
    );
  }

  /** Renders page/component `id` with its instance data; an unknown id renders nothing. */
  render(id: string, data: unknown, options: RuntimeOptions = {}): VNode[] {
    const render = this.modules.get(id)?.render;
    if (!render) return [];
    const { memo } = options;
    memo?.begin(JSON.stringify(options.externalClasses ?? {}));
    try {
      return render(data ?? {}, this.runtime(id, options));
    } finally {
      memo?.end();
    }
  }
}

function createRenderRuntime(
  registry: ViewRegistry,
  scope: StyleScope | undefined,
  external: Readonly<Record<string, string>>,
  memo: RenderMemo | undefined,
): RenderRuntime {
  const includers: string[] = [];
  const rt: RenderRuntime = {
    e(tag, attrs, events, children, extra) {
      const node: ElementVNode = {
        kind: 'element',
        tag,
        attrs,
        events: events.map((event) => ({ ...event, handler: toDisplayString(event.handler) })),
        children,
      };
      if (extra?.component) node.component = extra.component;
      if (extra && extra.slot !== undefined) node.slot = toDisplayString(extra.slot);
      if (extra?.model) {
        node.model = Object.fromEntries(
          Object.entries(extra.model).map(([name, path]) => [name, String(path)]),
        );
      }
      return node;
    },
    t: (value) => ({ kind: 'text', text: toDisplayString(value) }),
    s: toDisplayString,
    m: readMember,
    c: callMember,
    l: loopEntries,
    a: (value) => (Array.isArray(value) ? value : typeof value === 'string' ? [...value] : []),
    o: (value) => (value !== null && typeof value === 'object' ? value : {}),
    k: (value) => toDisplayString(value),
    key(nodes, key) {
      const value = typeof key === 'number' || typeof key === 'string' ? key : toDisplayString(key);
      for (const node of nodes) if (node.kind === 'element') node.key = value;
      return nodes;
    },
    memo: (site, key, deps, build) => (memo ? memo.item(site, key, deps, build) : build()),
    loop(site, list, shared, keyOf, build) {
      if (memo) return memo.loop(site, list, shared, keyOf, build);
      const out: VNode[] = [];
      for (const [item, index] of loopEntries(list)) for (const node of build(item, index)) out.push(node);
      return out;
    },
    with: (data, locals) => ({ ...(data !== null && typeof data === 'object' ? data : {}), ...locals }),
    tpl(moduleId, name, data) {
      const template = findTemplate(registry, moduleId, toDisplayString(name));
      return template ? template(data ?? {}, rt) : [];
    },
    inc(moduleId, data, from) {
      const render = registry.module(moduleId)?.render;
      if (!render) return [];
      if (from !== undefined) includers.push(from);
      try {
        return render(data, rt);
      } finally {
        if (from !== undefined) includers.pop();
      }
    },
    w(moduleId, name) {
      const own = registry.wxsModule(moduleId, name);
      if (own !== undefined) return own;
      // An included file sees the wxs modules of the files including it, innermost first.
      for (let i = includers.length - 1; i >= 0; i--) {
        const inherited = registry.wxsModule(includers[i]!, name);
        if (inherited !== undefined) return inherited;
      }
      return undefined;
    },
    cls: (value) => scopeClassList(value, scope, external),
    st: (value) => convertRpx(toDisplayString(value)),
  };
  return rt;
}

/** A template defined in the file itself, else in a file it imports (one level: imports are not transitive). */
function findTemplate(registry: ViewRegistry, moduleId: string, name: string): RenderFunction | undefined {
  const module = registry.module(moduleId);
  if (!module) return undefined;
  if (module.templates && Object.hasOwn(module.templates, name)) return module.templates[name];
  for (const imported of module.imports ?? []) {
    const templates = registry.module(imported)?.templates;
    if (templates && Object.hasOwn(templates, name)) return templates[name];
  }
  return undefined;
}
