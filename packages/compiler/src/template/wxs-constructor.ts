import { parse } from 'acorn';

/**
 * In wxs/sjs, `value.constructor` is a string naming the type ('Number', 'String', 'Boolean',
 * 'Object', 'Function', 'Array', 'Date', 'RegExp'), as the dialects document, and modules test
 * types with `x.constructor === 'Array'`. Defined once on the module's first line.
 */
export const WXS_CONSTRUCTOR_HELPER =
  "var __plaza_wxs_constructor = function (v) { if (v === null || v === undefined) return v.constructor; if (typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, 'constructor')) return v.constructor; if (typeof v === 'number') return 'Number'; if (typeof v === 'string') return 'String'; if (typeof v === 'boolean') return 'Boolean'; if (typeof v === 'function') return 'Function'; if (Array.isArray(v)) return 'Array'; if (v instanceof Date) return 'Date'; if (v instanceof RegExp) return 'RegExp'; if (typeof v === 'object') return 'Object'; return v.constructor; };";

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';

/**
 * Rewrites every read of `.constructor` in a wxs module into a call of the helper, keeping every
 * line where it was. Code that does not parse is returned as is (the build reports it elsewhere).
 * @example wxsConstructorReads('x.constructor') // '__plaza_wxs_constructor(x)'
 */
export function wxsConstructorReads(code: string): string {
  if (!code.includes('constructor')) return code;
  let ast: AstNode;
  try {
    ast = parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
    }) as unknown as AstNode;
  } catch {
    // The wxs syntax check reports this module's error with its position.
    return code;
  }
  const edits: { at: number; end: number; text: string }[] = [];
  const visit = (node: AstNode, parent: AstNode | undefined) => {
    const written =
      parent &&
      ((parent.type === 'AssignmentExpression' && parent.left === node) ||
        (parent.type === 'UpdateExpression' && parent.argument === node));
    const object = node.object as AstNode | undefined;
    const property = node.property as AstNode | undefined;
    if (
      node.type === 'MemberExpression' &&
      !node.computed &&
      !node.optional &&
      property?.name === 'constructor' &&
      object &&
      object.type !== 'Super' &&
      !written
    ) {
      // From the expression's start (its parentheses included) to the dot before `constructor`.
      const dot = code.lastIndexOf('.', property.start);
      edits.push({ at: node.start, end: node.start, text: '__plaza_wxs_constructor(' });
      // Keep the line breaks between the dot and `constructor`, so lines keep their numbers.
      const between = code.slice(dot, node.end).replace(/[^\n]/g, '');
      edits.push({ at: dot, end: node.end, text: `)${between}` });
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'type') continue;
      if (Array.isArray(value)) for (const child of value) isNode(child) && visit(child, node);
      else if (isNode(value)) visit(value, node);
    }
  };
  try {
    visit(ast, undefined);
  } catch (error) {
    // Nesting deeper than the stack allows: the module runs as written, unchanged.
    if (error instanceof RangeError) return code;
    throw error;
  }
  // From the end backwards, so earlier offsets stay valid; insertions at one place are alike.
  edits.sort((a, b) => b.at - a.at || b.end - a.end);
  let out = code;
  for (const edit of edits) out = out.slice(0, edit.at) + edit.text + out.slice(edit.end);
  return out;
}
