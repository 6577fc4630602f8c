import { editsSince } from '@plaza/compiler/render-runtime';
import type { BuiltinContext, BuiltinRegistry } from '../builtins/builtin-registry.ts';
import { setAttribute, truthy } from '../builtins/builtin-registry.ts';
import type { ElementVNode, VNode } from '../view-types.ts';
import { keepAnimatedStyle, playAnimation } from './animation-player.ts';
import { DOM_ATTRIBUTE, inertElement } from './inert-element.ts';
import type { RenderedNode, ViewInstance } from './rendered-node.ts';

/** Where a render happens: whose template, and the nearest component above in the composed tree. */
export interface RenderScope {
  owner: ViewInstance;
  parent: ViewInstance;
}

/** What the tree patcher needs from the view around it. */
export interface PatchHost {
  readonly document: Document;
  readonly builtins: BuiltinRegistry;
  /** DOM node → the rendered node it belongs to (event dispatch and queries read it). */
  readonly nodes: WeakMap<Node, RenderedNode>;
  createComponent(node: RenderedNode & { vnode: ElementVNode }, scope: RenderScope): ViewInstance;
  updateComponent(node: RenderedNode & { vnode: ElementVNode }, previous: ElementVNode): void;
  destroyComponent(instance: ViewInstance): void;
  builtinContext(node: RenderedNode): BuiltinContext;
  /** The element a component's `<slot name>` renders as; the owner's projected children live in it. */
  slotCarrier(component: ViewInstance, name: string): Element;
  hostClass(componentPath: string): string;
}

const GENERIC = /^(class|style|id|hidden|data-.*)$/;

function keyOf(vnode: VNode): string | undefined {
  return vnode.kind === 'element' && vnode.key !== undefined
    ? `${vnode.tag}\u0000${String(vnode.key)}`
    : undefined;
}

function sameKind(node: RenderedNode, vnode: VNode): boolean {
  const old = node.vnode;
  if (old.kind !== vnode.kind) return false;
  if (old.kind === 'text') return true;
  const next = vnode as ElementVNode;
  return old.tag === next.tag && old.component === next.component;
}

/**
 * Patches the DOM children of `parent` from `old` to `next`: keyed nodes are matched by
 * key (so a reordered list keeps its DOM nodes), unkeyed ones in order by kind; only what
 * differs is touched.
 */
export function patchChildren(
  host: PatchHost,
  parent: Element,
  old: RenderedNode[],
  next: VNode[],
  scope: RenderScope,
  /** The vnodes `old` was patched to last time, when known. */
  previous?: readonly VNode[],
): RenderedNode[] {
  if (previous && patchEdited(host, old, next, previous, scope)) return old;
  const keyed = new Map<string, RenderedNode>();
  const unkeyed: RenderedNode[] = [];
  for (const node of old) {
    const key = keyOf(node.vnode);
    if (key !== undefined && !keyed.has(key)) keyed.set(key, node);
    else unkeyed.push(node);
  }
  const used = new Set<RenderedNode>();
  const result: RenderedNode[] = [];
  let cursor = 0;
  for (const vnode of next) {
    const key = keyOf(vnode);
    let match: RenderedNode | undefined;
    if (key !== undefined) {
      match = keyed.get(key);
      if (match && (used.has(match) || !sameKind(match, vnode))) match = undefined;
    } else {
      for (let i = cursor; i < unkeyed.length; i++) {
        const candidate = unkeyed[i]!;
        if (!used.has(candidate) && sameKind(candidate, vnode)) {
          match = candidate;
          cursor = i + 1;
          break;
        }
      }
    }
    if (match) {
      used.add(match);
      patchNode(host, match, vnode, scope);
      result.push(match);
    } else {
      result.push(createNode(host, vnode, scope));
    }
  }
  for (const node of old) if (!used.has(node)) removeNode(host, node);
  let at: ChildNode | null = parent.firstChild;
  for (const node of result) {
    if (node.dom === at) at = at.nextSibling;
    else parent.insertBefore(node.dom, at);
  }
  return result;
}

/**
 * Patches only the places where `next` differs from `previous` when the render noted them (a
 * keyed loop rebuilt a few rows) and each keeps its kind and key: the other nodes are last
 * render's vnodes, already on screen, so neither they nor the DOM order need a visit.
 */
function patchEdited(
  host: PatchHost,
  old: RenderedNode[],
  next: VNode[],
  previous: readonly VNode[],
  scope: RenderScope,
): boolean {
  if (old.length !== previous.length || next.length !== previous.length) return false;
  const edited = next === previous ? new Set<number>() : editsSince(next, previous);
  if (!edited) return false;
  for (const i of edited) {
    const node = old[i]!;
    const vnode = next[i]!;
    if (node.vnode !== previous[i] || !sameKind(node, vnode) || keyOf(node.vnode) !== keyOf(vnode))
      return false;
  }
  for (const i of edited) patchNode(host, old[i]!, next[i]!, scope);
  return true;
}

export function createNode(host: PatchHost, vnode: VNode, scope: RenderScope): RenderedNode {
  const { document, nodes } = host;
  if (vnode.kind === 'text') {
    const node: RenderedNode = {
      vnode,
      dom: document.createTextNode(vnode.text),
      children: [],
      owner: scope.owner,
    };
    nodes.set(node.dom, node);
    return node;
  }
  if (vnode.component) {
    const element = inertElement(document, vnode.tag);
    const node = {
      vnode,
      dom: element,
      children: [],
      owner: scope.owner,
      slotted: new Map(),
    } as RenderedNode & { vnode: ElementVNode };
    nodes.set(element, node);
    applyAttributes(host, node, {});
    node.component = host.createComponent(node, scope);
    patchSlotted(host, node, vnode.children, { owner: scope.owner, parent: node.component });
    return node;
  }
  if (vnode.tag === 'slot' && scope.owner.kind === 'component') {
    const carrier = host.slotCarrier(scope.owner, slotName(vnode));
    const node: RenderedNode = { vnode, dom: carrier, children: [], owner: scope.owner };
    nodes.set(carrier, node);
    if (vnode.children.length > 0) {
      // Fallback content: the slot's own children, shown while the owner passes nothing.
      const fallback = document.createElement('plaza-slot-fallback');
      node.children = patchChildren(host, fallback, [], vnode.children, scope);
      carrier.append(fallback);
      fallbacks.set(carrier, fallback);
      showFallback(carrier);
    }
    return node;
  }
  const builtin = host.builtins.get(vnode.tag);
  const node: RenderedNode = {
    vnode,
    dom: undefined as unknown as Node,
    children: [],
    owner: scope.owner,
    builtin,
  };
  node.dom = builtin ? builtin.create(host.builtinContext(node)) : inertElement(document, vnode.tag);
  // Stylesheets select built-ins by this mark (the compiler turns `view { … }` into
  // `[data-plaza="view"]`): the element itself is whatever the built-in renders (`div`, `img`).
  const element = node.dom as Element;
  if (element.nodeType === 1 && !element.hasAttribute('data-plaza'))
    element.setAttribute('data-plaza', vnode.tag);
  nodes.set(node.dom, node);
  applyAttributes(host, node as RenderedNode & { vnode: ElementVNode }, {});
  node.children = patchChildren(host, node.dom as Element, [], vnode.children, scope);
  return node;
}

function patchNode(host: PatchHost, node: RenderedNode, vnode: VNode, scope: RenderScope): void {
  const previous = node.vnode;
  // The render memo handed back last render's vnode: nothing under it changed.
  if (previous === vnode) return;
  node.vnode = vnode;
  if (vnode.kind === 'text') {
    if (previous.kind === 'text' && previous.text !== vnode.text) (node.dom as Text).data = vnode.text;
    return;
  }
  const prev = previous as ElementVNode;
  const element = node as RenderedNode & { vnode: ElementVNode };
  if (
    node.dom.nodeType === 1 &&
    vnode.tag === 'slot' &&
    !vnode.component &&
    scope.owner.kind === 'component'
  ) {
    const fallback = fallbacks.get(node.dom as Element);
    if (fallback) node.children = patchChildren(host, fallback, node.children, vnode.children, scope);
    return;
  }
  applyAttributes(host, element, prev.attrs);
  if (node.component) {
    host.updateComponent(element, prev);
    patchSlotted(host, node, vnode.children, { owner: scope.owner, parent: node.component });
    return;
  }
  node.children = patchChildren(
    host,
    node.dom as Element,
    node.children,
    vnode.children,
    scope,
    prev.children,
  );
}

function slotName(vnode: ElementVNode): string {
  const name = vnode.attrs.name;
  return typeof name === 'string' ? name : '';
}

/** A component's children, rendered by its owner into the carriers of the slots they name. */
function patchSlotted(host: PatchHost, node: RenderedNode, children: VNode[], scope: RenderScope): void {
  const component = node.component!;
  const groups = new Map<string, VNode[]>();
  const named = component.options.multipleSlots !== false;
  for (const child of children) {
    const name = named && child.kind === 'element' && child.slot ? child.slot : '';
    groups.set(name, [...(groups.get(name) ?? []), child]);
  }
  const slotted = node.slotted!;
  for (const name of new Set([...slotted.keys(), ...groups.keys()])) {
    const carrier = host.slotCarrier(component, name);
    slotted.set(name, patchChildren(host, carrier, slotted.get(name) ?? [], groups.get(name) ?? [], scope));
    showFallback(carrier);
  }
}

/** A slot carrier's fallback content, when its `<slot>` has children of its own. */
const fallbacks = new WeakMap<Element, Element>();

/** The fallback shows only while nothing is projected into the slot. */
function showFallback(carrier: Element): void {
  const fallback = fallbacks.get(carrier);
  if (!fallback) return;
  const projected = Array.from(carrier.childNodes).some((child) => child !== fallback);
  fallback.toggleAttribute('hidden', projected);
}

/** Removes a rendered node, detaching every component inside it (children first). */
export function removeNode(host: PatchHost, node: RenderedNode): void {
  disposeNode(host, node);
  node.dom.parentNode?.removeChild(node.dom);
}

export function disposeNode(host: PatchHost, node: RenderedNode): void {
  if (node.component) {
    for (const group of node.slotted?.values() ?? []) for (const child of group) disposeNode(host, child);
    for (const child of node.component.tree) disposeNode(host, child);
    host.destroyComponent(node.component);
    return;
  }
  for (const child of node.children) disposeNode(host, child);
}

function applyAttributes(
  host: PatchHost,
  node: RenderedNode & { vnode: ElementVNode },
  previous: Record<string, unknown>,
): void {
  const element = node.dom as Element;
  const attrs = node.vnode.attrs;
  const { builtin, component } = node;
  const isHost = node.vnode.component !== undefined;
  for (const name of new Set([...Object.keys(previous), ...Object.keys(attrs)])) {
    const value = attrs[name];
    if (value === previous[name] && name in previous) continue;
    if (name.startsWith('mark:') || builtin?.handles?.includes(name)) continue;
    if (isHost && !GENERIC.test(name)) continue;
    if (name === 'animation') {
      playAnimation(element as HTMLElement, value);
      continue;
    }
    if (!DOM_ATTRIBUTE.test(name)) continue;
    if (name === 'class') {
      const hostClass = isHost ? host.hostClass(node.vnode.component!) : '';
      const classes = [value === undefined || value === null ? '' : String(value), hostClass]
        .filter(Boolean)
        .join(' ');
      if (classes) element.setAttribute('class', classes);
      else element.removeAttribute('class');
    } else if (name === 'hidden') setAttribute(element, 'hidden', truthy(value));
    else {
      setAttribute(element, name, value);
      if (name === 'style') keepAnimatedStyle(element as HTMLElement);
    }
  }
  if (isHost && !('class' in attrs) && !('class' in previous)) {
    const hostClass = host.hostClass(node.vnode.component!);
    if (hostClass && !element.getAttribute('class')) element.setAttribute('class', hostClass);
  }
  if (builtin?.update && !component) builtin.update(element, attrs, previous, host.builtinContext(node));
}
