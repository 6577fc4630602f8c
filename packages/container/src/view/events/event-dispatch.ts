import type { EventObject } from '@plaza/runtime';
import type { RenderedNode } from '../render/rendered-node.ts';
import { buildEventObject, marksOf, type Touch } from './event-object.ts';

export interface DispatchOptions {
  bubbles: boolean;
  composed: boolean;
  capturePhase: boolean;
  detail: unknown;
  timeStamp: number;
  touches?: Touch[];
  changedTouches?: Touch[];
  /** A `<button open-type>` event: the logic asks the host before the handler runs. */
  openType?: string;
}

/** One handler call the dispatch decided on, in order. */
export interface HandlerCall {
  instanceId: string;
  handler: string;
  event: EventObject;
  openType?: string;
}

/** The rendered nodes from `start` up to the view root, innermost first. */
export function composedPath(start: Node, nodes: WeakMap<Node, RenderedNode>, root: Node): RenderedNode[] {
  const path: RenderedNode[] = [];
  for (let at: Node | null = start; at && at !== root; at = at.parentNode) {
    const node = nodes.get(at);
    // A slot carrier belongs to the component's template, not to an element with bindings.
    if (node && node.vnode.kind === 'element') path.push(node);
  }
  return path;
}

/**
 * Runs the dialects' propagation over a path: capture phase from the outside in
 * (`capture-bind`, `capture-catch`), then bubbling from the target out (`bind`, `catch`,
 * `mut-bind`); a catch stops everything after it; once a `mut-bind` handler ran, other
 * `mut-bind` handlers on the way are skipped. A non-composed event stays in the scope of
 * the template that started it; a non-bubbling one reaches only its target.
 */
export function planDispatch(
  type: string,
  fullPath: RenderedNode[],
  options: DispatchOptions,
): HandlerCall[] {
  const start = fullPath[0];
  if (!start) return [];
  let path = options.composed ? fullPath : fullPath.filter((n) => n.owner === start.owner);
  if (!options.bubbles) path = [start];
  const calls: HandlerCall[] = [];
  const mark: Record<string, unknown> = {};
  const marksUpTo: Record<string, unknown>[] = [];
  for (const node of path) {
    Object.assign(mark, marksOf(node.vnode.kind === 'element' ? node.vnode.attrs : {}));
    marksUpTo.push({ ...mark });
  }
  const fire = (node: RenderedNode, index: number, handler: string) => {
    if (handler === '') return;
    // The target a handler sees is the first node on the path written in the same template.
    const target = fullPath.find((n) => n.owner === node.owner) ?? node;
    calls.push({
      instanceId: node.owner.id,
      handler,
      openType: options.openType,
      event: buildEventObject({
        type,
        timeStamp: options.timeStamp,
        target,
        current: node,
        detail: options.detail,
        touches: options.touches,
        changedTouches: options.changedTouches,
        mark: marksUpTo[index] ?? {},
      }),
    });
  };
  const bindings = (node: RenderedNode) =>
    node.vnode.kind === 'element' ? node.vnode.events.filter((e) => e.name === type) : [];
  if (options.capturePhase) {
    for (let i = path.length - 1; i >= 0; i--) {
      for (const binding of bindings(path[i]!)) {
        if (!binding.capture) continue;
        fire(path[i]!, i, binding.handler);
        if (binding.catch) return calls;
      }
    }
  }
  let mutated = false;
  for (let i = 0; i < path.length; i++) {
    for (const binding of bindings(path[i]!)) {
      if (binding.capture) continue;
      if (binding.mut) {
        if (mutated) continue;
        mutated = true;
      }
      fire(path[i]!, i, binding.handler);
      if (binding.catch) return calls;
    }
  }
  return calls;
}
