import type { EventObject } from '@plaza/runtime';
import type { RenderedNode } from '../render/rendered-node.ts';

/** `data-user-id` → `userId`, as the dialects build `dataset`. */
export function datasetOf(attrs: Record<string, unknown>): Record<string, unknown> {
  const dataset: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (!name.startsWith('data-')) continue;
    const key = name.slice(5).replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    dataset[key] = value;
  }
  return dataset;
}

/** `mark:name` attributes of one node. */
export function marksOf(attrs: Record<string, unknown>): Record<string, unknown> {
  const marks: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attrs))
    if (name.startsWith('mark:')) marks[name.slice(5)] = value;
  return marks;
}

export type Touch = { identifier: number; pageX: number; pageY: number; clientX: number; clientY: number };

function targetOf(node: RenderedNode): EventObject['target'] {
  const attrs = node.vnode.kind === 'element' ? node.vnode.attrs : {};
  const element = node.dom as HTMLElement;
  return {
    id: typeof attrs.id === 'string' ? attrs.id : '',
    dataset: datasetOf(attrs),
    offsetLeft: element.offsetLeft ?? 0,
    offsetTop: element.offsetTop ?? 0,
  };
}

/** The event object a handler receives, seen from `current` (target retargeted to its scope). */
export function buildEventObject(input: {
  type: string;
  timeStamp: number;
  target: RenderedNode;
  current: RenderedNode;
  detail: unknown;
  touches?: Touch[];
  changedTouches?: Touch[];
  mark: Record<string, unknown>;
}): EventObject {
  const event: EventObject = {
    type: input.type,
    timeStamp: input.timeStamp,
    target: targetOf(input.target),
    currentTarget: targetOf(input.current),
    detail: input.detail,
    mark: input.mark,
  };
  if (input.touches) event.touches = input.touches;
  if (input.changedTouches) event.changedTouches = input.changedTouches;
  return event;
}
