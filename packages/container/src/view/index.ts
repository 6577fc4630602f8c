/**
 * The view layer: DOM-generic (it takes a Document), shared by the browser container
 * and the headless simulator.
 */
export { basicComponents } from './builtins/basic-components.ts';
export {
  type BuiltinComponent,
  type BuiltinContext,
  BuiltinRegistry,
  plainElement,
  setAttribute,
  truthy,
} from './builtins/builtin-registry.ts';
export { type CreateViewOptions, createView, type View } from './create-view.ts';
export { LONGPRESS_MS } from './events/gesture-listener.ts';
export type { RenderedNode, ViewInstance } from './render/rendered-node.ts';
export type {
  ElementVNode,
  EventBinding,
  StyleScope,
  TextVNode,
  ViewModuleInfo,
  ViewModules,
  VNode,
} from './view-types.ts';
