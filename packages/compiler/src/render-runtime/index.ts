/**
 * The render runtime: what compiled render functions call. DOM-free, so the
 * browser view layer and the Node simulator use the same code.
 */
import { ViewRegistry } from './view-registry.ts';

export { editsSince, noteArrayEdit } from './array-edits.ts';
export { type StyleScope, scopeClassList } from './class-scope.ts';
export { BUILTIN_COMPONENT_TAGS, inertTagName, PLAIN_HTML_TAGS } from './element-names.ts';
export { readMember, toDisplayString } from './guard.ts';
export { RenderMemo } from './render-memo.ts';
export { convertRpx } from './rpx.ts';
export { type RuntimeOptions, type ViewModule, ViewRegistry } from './view-registry.ts';
export type {
  ElementVNode,
  EventBinding,
  RenderFunction,
  RenderRuntime,
  TextVNode,
  VNode,
} from './vnode.ts';
export type { WxsFactory } from './wxs-loader.ts';

/**
 * Evaluates a package's `view.js` into a registry. The bundle only calls
 * `__plaza_view_define(id, module)` and `__plaza_wxs_define(path, factory)`;
 * hosts that load it as a script instead can set those two globals to
 * `registry.define` and `registry.defineWxs`.
 *
 * @example
 * const registry = loadViewBundle(readFileSync('out/view.js', 'utf8'));
 */
export function loadViewBundle(source: string, registry: ViewRegistry = new ViewRegistry()): ViewRegistry {
  const run = new Function('__plaza_view_define', '__plaza_wxs_define', source);
  run(
    (id: string, module: Parameters<ViewRegistry['define']>[1]) => registry.define(id, module),
    (path: string, factory: Parameters<ViewRegistry['defineWxs']>[1]) => registry.defineWxs(path, factory),
  );
  return registry;
}
