import type * as ESTree from 'acorn';
import { parseExpressionAt } from 'acorn';
import type { AttributeNode } from '../ast.ts';
import { forbiddenProperties } from '../expression.ts';
import type { Code } from '../ir.ts';
import type { TransformContext } from '../transform.ts';

/**
 * `model:value="{{form.name}}"`: the attribute gets the value, and the vnode
 * records the data path (as code, since `list[index].name` depends on the loop)
 * so the view can send a model update for it when the user edits.
 */
export function transformModel(
  attr: AttributeNode,
  context: TransformContext,
): { property: string; value: Code; path: Code } | undefined {
  if (!attr.name.startsWith('model:')) return undefined;
  const property = attr.name.slice('model:'.length);
  const part = attr.parts.length === 1 ? attr.parts[0] : undefined;
  const path = part?.type === 'interpolation' ? modelPath(part.source, context) : undefined;
  if (part?.type !== 'interpolation' || path === undefined) {
    context.error('PLZ_TPL_MODEL_NOT_PATH', [property], attr.valueLoc);
    return { property, value: 'undefined', path: '""' };
  }
  return { property, value: context.expression(part), path };
}

function modelPath(source: string, context: TransformContext): Code | undefined {
  let node: ESTree.Expression;
  try {
    node = parseExpressionAt(source, 0, { ecmaVersion: 'latest' });
    if (source.slice(node.end).trim()) return undefined;
  } catch {
    return undefined;
  }
  const segments: Code[] = [];
  let current: ESTree.Node = node;
  while (current.type === 'MemberExpression') {
    const member = current as ESTree.MemberExpression;
    if (!member.computed) {
      const name = (member.property as ESTree.Identifier).name;
      if (forbiddenProperties.has(name)) return undefined;
      segments.unshift(JSON.stringify(`.${name}`));
    } else {
      const expression = context.expression({
        type: 'interpolation',
        source: source.slice(member.property.start, member.property.end),
        sourceOffset: 0,
        loc: { start: context.locate(0), end: context.locate(0) },
      });
      segments.unshift(`"[" + rt.s(${expression}) + "]"`);
    }
    current = member.object;
  }
  if (current.type !== 'Identifier') return undefined;
  const root = (current as ESTree.Identifier).name;
  // A loop variable or a wxs module is not data: there is no path to write back.
  if (context.scope.locals.has(root) || context.scope.wxsModules.has(root)) return undefined;
  return [JSON.stringify(root), ...segments].join(' + ');
}
