import type { ElementNode } from '../ast.ts';
import type { RenderNode } from '../ir.ts';
import type { TransformContext } from '../transform.ts';

/** `<block>` groups children for a directive and renders no element of its own. */
export function transformBlock(element: ElementNode, context: TransformContext): RenderNode {
  return { type: 'fragment', children: context.transformChildren(element.children) };
}
