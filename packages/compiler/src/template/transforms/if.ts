import type { ElementNode, TemplateNode } from '../ast.ts';
import { directiveName, findDirective } from '../directives.ts';
import type { Code, RenderNode } from '../ir.ts';
import { partsCode, type TransformContext } from '../transform.ts';
import { hasForDirective } from './for.ts';

/**
 * `wx:if` / `wx:elif` / `wx:else` on adjacent siblings become one branch node.
 * Returns `undefined` when `nodes[index]` starts no chain. A stray `elif`/`else`
 * is reported and its element rendered unconditionally, so later errors still surface.
 */
export function transformIfChain(
  nodes: TemplateNode[],
  index: number,
  context: TransformContext,
): { node: RenderNode; last: number } | undefined {
  const first = nodes[index] as ElementNode;
  // With both, `for` applies first: the condition is tested per item, inside the loop.
  if (hasForDirective(first)) return undefined;
  const stray = findDirective(first, 'elif') ?? findDirective(first, 'else');
  if (stray) {
    const prefix = stray.name.slice(0, stray.name.indexOf(':'));
    context.error('PLZ_TPL_ELSE_WITHOUT_IF', [stray.name, prefix], stray.nameLoc);
    return undefined;
  }
  const ifAttr = findDirective(first, 'if');
  if (!ifAttr) return undefined;
  const branches: { test: Code | undefined; node: RenderNode }[] = [
    { test: condition(ifAttr, context), node: branch(first, context) },
  ];
  let last = index;
  for (let j = index + 1; j < nodes.length; j++) {
    const next = nodes[j]!;
    if (next.type !== 'element') break;
    const elif = findDirective(next, 'elif');
    const otherwise = findDirective(next, 'else');
    if (elif) {
      branches.push({ test: condition(elif, context), node: branch(next, context) });
      last = j;
    } else if (otherwise) {
      branches.push({ test: undefined, node: branch(next, context) });
      last = j;
      break;
    } else {
      break;
    }
  }
  return { node: { type: 'if', branches }, last };
}

function condition(attr: ElementNode['attrs'][number], context: TransformContext): Code {
  return attr.value === undefined ? 'true' : partsCode(attr.parts, context, false);
}

function branch(element: ElementNode, context: TransformContext): RenderNode {
  const stripped: ElementNode = {
    ...element,
    attrs: element.attrs.filter((attr) => !['if', 'elif', 'else'].includes(directiveName(attr) ?? '')),
  };
  return context.transformElement(stripped) ?? { type: 'fragment', children: [] };
}
