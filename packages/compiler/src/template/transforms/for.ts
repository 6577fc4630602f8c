import type { ElementNode } from '../ast.ts';
import { directiveName, findDirective, staticValue } from '../directives.ts';
import type { Code, RenderNode } from '../ir.ts';
import { partsCode, type TransformContext } from '../transform.ts';

const loopDirectives = new Set(['for', 'for-items', 'for-item', 'for-index', 'key']);
const identifier = /^[A-Za-z_$][\w$]*$/;

export function hasForDirective(element: ElementNode): boolean {
  return Boolean(findDirective(element, 'for') ?? findDirective(element, 'for-items'));
}

/**
 * `wx:for="{{list}}"` (or the older `wx:for-items`) with `wx:for-item`,
 * `wx:for-index` and `wx:key`. The loop variables become JS locals, so the
 * body's expressions read them before wxs modules and data.
 */
export function transformFor(element: ElementNode, context: TransformContext): RenderNode {
  const listAttr = (findDirective(element, 'for') ?? findDirective(element, 'for-items'))!;
  const list = listAttr.value === undefined ? '[]' : partsCode(listAttr.parts, context, false);
  const itemName = loopVariable(element, 'for-item', 'item', context);
  const indexName = loopVariable(element, 'for-index', 'index', context);
  const depth = ++context.loopDepth;
  const item = `${itemName}$${depth}`;
  const index = `${indexName}$${depth}`;
  const saved = new Map(context.scope.locals);
  context.scope.locals.set(itemName, item);
  context.scope.locals.set(indexName, index);
  const key = keyCode(staticValue(findDirective(element, 'key')), item);
  const stripped: ElementNode = {
    ...element,
    attrs: element.attrs.filter((attr) => !loopDirectives.has(directiveName(attr) ?? '')),
  };
  const body = context.transformChildren([stripped]);
  context.scope.locals = saved;
  context.loopDepth--;
  return { type: 'for', list, item, index, key, body: { type: 'fragment', children: body } };
}

function loopVariable(
  element: ElementNode,
  directive: string,
  fallback: string,
  context: TransformContext,
): string {
  const attr = findDirective(element, directive);
  const name = staticValue(attr)?.trim();
  if (!attr || name === undefined) return fallback;
  if (!identifier.test(name)) {
    context.error('PLZ_TPL_INVALID_LOOP_VARIABLE', [name], attr.valueLoc);
    return fallback;
  }
  return name;
}

/** `*this` keys by the item itself; any other value names a property of the item. */
function keyCode(key: string | undefined, item: string): Code | undefined {
  const trimmed = key?.trim();
  if (!trimmed) return undefined;
  if (trimmed === '*this') return item;
  return `rt.m(${item}, ${JSON.stringify(trimmed)})`;
}
