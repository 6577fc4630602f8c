import type { ElementNode } from '../ast.ts';
import { directiveName, knownDirectives } from '../directives.ts';
import type { Code, EventCode, RenderNode } from '../ir.ts';
import type { TransformContext } from '../transform.ts';
import { transformEvent } from './event.ts';
import { transformModel } from './model.ts';
import { renderedTag } from './tag-name.ts';

/**
 * An ordinary element or a custom component: attributes, events, two-way
 * bindings, `slot=`, and class attributes routed through `rt.cls` so the view
 * applies the component's style isolation.
 */
export function transformElementAttributes(element: ElementNode, context: TransformContext): RenderNode {
  const tag = element.tag === 'slot' ? 'slot' : renderedTag(element, context);
  context.tags.add(tag);
  const component = context.usingComponents[element.tag];
  const classAttributes = new Set([
    'class',
    ...(component ? (context.externalClasses[component] ?? []) : []),
  ]);
  const attrs: [string, Code][] = [];
  const events: EventCode[] = [];
  const model: [string, Code][] = [];
  let slot: Code | undefined;
  for (const attr of element.attrs) {
    const directive = directiveName(attr);
    if (directive !== undefined) {
      if (!knownDirectives.has(directive))
        context.error('PLZ_TPL_UNKNOWN_DIRECTIVE', [attr.name], attr.nameLoc);
      continue;
    }
    const event = transformEvent(attr, context);
    if (event) {
      events.push(event);
      continue;
    }
    const bound = transformModel(attr, context);
    if (bound) {
      attrs.push([bound.property, bound.value]);
      model.push([bound.property, bound.path]);
      continue;
    }
    if (attr.name === 'slot') {
      slot = context.attributeValue(attr);
      continue;
    }
    const value = context.attributeValue(attr);
    if (classAttributes.has(attr.name)) attrs.push([attr.name, `rt.cls(${value})`]);
    else if (attr.name === 'style' && attr.value !== undefined) attrs.push([attr.name, `rt.st(${value})`]);
    else attrs.push([attr.name, value]);
  }
  return {
    type: 'element',
    tag,
    attrs,
    events,
    children: context.transformChildren(element.children),
    ...(component ? { component } : {}),
    ...(slot !== undefined ? { slot } : {}),
    ...(model.length ? { model } : {}),
  };
}
