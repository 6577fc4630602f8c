import type { ComponentOptions } from '@plaza/runtime';
import type { BuiltinComponent } from '../builtins/builtin-registry.ts';
import type { ElementVNode, VNode } from '../view-types.ts';

/** A page or component instance as the view knows it. */
export interface ViewInstance {
  id: string;
  kind: 'page' | 'component';
  /** Module id of its template (`pages/index/index`, `components/card/card`). */
  path: string;
  data: Record<string, unknown>;
  /** The element its template renders into (the page element, or the component's host). */
  host: Element;
  tree: RenderedNode[];
  /** The vnodes `tree` was last patched to: a render that changed a few of them is patched in those places. */
  rendered?: VNode[];
  /** For components: the instance whose template wrote the tag, and that node. */
  owner?: ViewInstance;
  hostNode?: RenderedNode;
  /** Slot name → element the owner's projected children live in. */
  slots: Map<string, Element>;
  externalClasses: string[];
  options: ComponentOptions;
  /** False until the logic sent the component's first data. */
  initialised: boolean;
  renderId: number;
}

/** One vnode as rendered: its DOM node, and what produced it. */
export interface RenderedNode {
  vnode: VNode;
  dom: Node;
  children: RenderedNode[];
  /** The instance whose template produced this node: its events go there. */
  owner: ViewInstance;
  /** Set when the node is a custom component's host. */
  component?: ViewInstance;
  /** Projected children of a component host, by slot name. */
  slotted?: Map<string, RenderedNode[]>;
  builtin?: BuiltinComponent;
}

export function isElement(node: RenderedNode): node is RenderedNode & { vnode: ElementVNode; dom: Element } {
  return node.vnode.kind === 'element';
}
