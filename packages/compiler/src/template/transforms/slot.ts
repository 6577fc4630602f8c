import type { ElementNode } from '../ast.ts';
import type { RenderNode } from '../ir.ts';
import type { TransformContext } from '../transform.ts';
import { transformElementAttributes } from './attributes.ts';

/**
 * `<slot>` and `<slot name="x">` stay in the component's vnodes as `slot`
 * elements: the view projects the host's children whose `slot` matches the
 * name (no name: the default slot) into them.
 */
export function transformSlot(element: ElementNode, context: TransformContext): RenderNode {
  return transformElementAttributes(element, context);
}
