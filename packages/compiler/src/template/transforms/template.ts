import type { ElementNode } from '../ast.ts';
import { findAttribute, staticValue } from '../directives.ts';
import type { RenderNode } from '../ir.ts';
import { partsCode, type TransformContext } from '../transform.ts';

/**
 * `<template name="x">…</template>` defines a reusable fragment whose body
 * sees only the data it is called with (plus the file's wxs modules);
 * `<template is="{{name}}" data="{{a: 1, ...obj}}"/>` calls one. The `data`
 * value is an object literal body, so `{{item}}` passes `{ item }`.
 */
export function transformTemplate(element: ElementNode, context: TransformContext): RenderNode | undefined {
  const nameAttr = findAttribute(element, 'name');
  const isAttr = findAttribute(element, 'is');
  if (nameAttr) {
    const name = staticValue(nameAttr)?.trim();
    if (!name) {
      context.error('PLZ_TPL_TEMPLATE_WITHOUT_NAME', [], nameAttr.valueLoc);
      return undefined;
    }
    if (context.templates.has(name)) context.error('PLZ_TPL_DUPLICATE_TEMPLATE', [name], nameAttr.valueLoc);
    // The body is its own scope: the caller's loop variables are not visible in it.
    const savedLocals = context.scope.locals;
    context.scope.locals = new Map();
    context.templates.set(name, context.transformChildren(element.children));
    context.scope.locals = savedLocals;
    return undefined;
  }
  if (!isAttr || isAttr.value === undefined) {
    context.error('PLZ_TPL_TEMPLATE_WITHOUT_NAME', [], element.loc);
    return undefined;
  }
  const dataAttr = findAttribute(element, 'data');
  let data = '{}';
  if (dataAttr?.parts.length === 1 && dataAttr.parts[0]!.type === 'interpolation') {
    data = context.expression(dataAttr.parts[0]!, true);
  } else if (dataAttr && dataAttr.value !== undefined) {
    data = partsCode(dataAttr.parts, context, false);
  }
  return { type: 'template', is: partsCode(isAttr.parts, context, true), data };
}
