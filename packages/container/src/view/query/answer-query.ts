import type { QueryRequest } from '@plaza/runtime';
import { datasetOf } from '../events/event-object.ts';
import type { RenderedNode, ViewInstance } from '../render/rendered-node.ts';
import type { StyleScope } from '../view-types.ts';
import { contextOf, nodeOf } from './node-handles.ts';

/** Class selectors of a scoped template are written unprefixed; the DOM carries the prefix. */
function scopeSelector(selector: string, scope: StyleScope | undefined): string {
  if (!scope) return selector;
  return selector.replace(/\.(-?[A-Za-z_][\w-]*)/g, (_, name: string) => `.${scope.prefix}${name}`);
}

function describe(
  element: Element,
  node: RenderedNode | undefined,
  fields: QueryRequest['fields'],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const attrs = node?.vnode.kind === 'element' ? node.vnode.attrs : {};
  if (fields.id) out.id = typeof attrs.id === 'string' ? attrs.id : element.id;
  if (fields.dataset) out.dataset = datasetOf(attrs);
  if (fields.rect || fields.size) {
    const rect = element.getBoundingClientRect();
    if (fields.rect)
      Object.assign(out, { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom });
    if (fields.size) Object.assign(out, { width: rect.width, height: rect.height });
  }
  if (fields.scrollOffset) {
    Object.assign(out, {
      scrollLeft: element.scrollLeft,
      scrollTop: element.scrollTop,
      scrollWidth: element.scrollWidth,
      scrollHeight: element.scrollHeight,
    });
  }
  for (const name of fields.properties ?? [])
    out[name] = attrs[name] ?? (element as unknown as Record<string, unknown>)[name];
  if (fields.computedStyle?.length) {
    // A document without layout (the headless simulator's) has no computed style: values are ''.
    const view = element.ownerDocument.defaultView;
    const style = typeof view?.getComputedStyle === 'function' ? view.getComputedStyle(element) : undefined;
    // The platforms take camelCase names (`backgroundColor`) as well as the CSS ones.
    for (const name of fields.computedStyle)
      out[name] = style?.getPropertyValue(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)) ?? '';
  }
  if (fields.node) out.node = nodeOf(element);
  if (fields.context) out.context = contextOf(element);
  if (fields.mark)
    out.mark = Object.fromEntries(
      Object.entries(attrs)
        .filter(([k]) => k.startsWith('mark:'))
        .map(([k, v]) => [k.slice(5), v]),
    );
  return out;
}

/**
 * Answers one selection of a `SelectorQuery`: elements written in the scope's own
 * template that match, described by the requested fields.
 */
export function answerQuery(
  request: QueryRequest,
  scope: ViewInstance | undefined,
  root: Element,
  nodes: WeakMap<Node, RenderedNode>,
  styleScope: StyleScope | undefined,
): unknown {
  if (request.viewport) {
    const el = root as HTMLElement;
    return describe(el, undefined, request.fields);
  }
  if (!scope) return request.all ? [] : null;
  let matches: Element[];
  try {
    matches = Array.from(scope.host.querySelectorAll(scopeSelector(request.selector, styleScope)));
  } catch {
    return request.all ? [] : null;
  }
  const own = matches.filter((el) => nodes.get(el)?.owner === scope);
  const described = own.map((el) => describe(el, nodes.get(el), request.fields));
  return request.all ? described : (described[0] ?? null);
}
