import type * as ESTree from 'acorn';
import { parseExpressionAt } from 'acorn';
import { CompilerError, type ErrorHandler } from '../errors.ts';
import type { Position, SourceLocation } from '../location.ts';

/**
 * What an expression can see, innermost first: loop variables (compiled to JS
 * locals), the file's wxs/sjs modules, then the data object. Nothing else:
 * an unknown identifier is a data lookup, never a global.
 */
export interface ExpressionScope {
  /** Loop variable name → the JS local that holds it. */
  locals: ReadonlyMap<string, string>;
  wxsModules: ReadonlySet<string>;
  /** `wxs` or `sjs`, for messages. */
  moduleKind: string;
}

export interface ExpressionContext {
  scope: ExpressionScope;
  locate: (offset: number) => Position;
  /** Errors and warnings alike: a warning's code is one of `compilerWarnings`. */
  onError: ErrorHandler;
}

/**
 * Words JavaScript reserves that the platforms read as data names (`{{ class }}`, `{{ in }}`):
 * their expression parser knows only `true`, `false`, `null`, `undefined` and the operators
 * `typeof`, `void` and `instanceof` as words; every other identifier is a data field.
 */
const dataWords = new Set([
  'await',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'finally',
  'for',
  'function',
  'if',
  'implements',
  'import',
  'in',
  'interface',
  'let',
  'new',
  'package',
  'private',
  'protected',
  'public',
  'return',
  'static',
  'super',
  'switch',
  'throw',
  'try',
  'var',
  'while',
  'with',
  'yield',
]);

/** A letter no author writes that starts an identifier, standing in for a reserved word's first one. */
const WORD_MARK = '\u01c0';

/**
 * Hides reserved words used as data names from the JS parser: each becomes an identifier of
 * the same length (offsets and error columns stay the author's), and `words` remembers the
 * original name by offset. Strings and member names after `.` are left alone.
 */
function maskDataWords(source: string): { text: string; words: Map<number, string> } {
  const words = new Map<number, string>();
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < source.length && /[\w$]/.test(source[j]!)) j++;
      const word = source.slice(i, j);
      // After `.` it is a member name; right after a digit it is part of a malformed number.
      let k = i - 1;
      while (k >= 0 && /\s/.test(source[k]!)) k--;
      const before = source[k];
      if (dataWords.has(word) && before !== '.' && !/\d/.test(source[i - 1] ?? '')) {
        words.set(i, word);
        out += WORD_MARK + word.slice(1);
      } else {
        out += word;
      }
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return { text: out, words };
}

/** Names a template may never read: they lead from data to `Function` and the prototype chain. */
export const forbiddenProperties: ReadonlySet<string> = new Set(['constructor', '__proto__', 'prototype']);

const binaryOperators = new Set([
  '+',
  '-',
  '*',
  '/',
  '%',
  '**',
  '==',
  '!=',
  '===',
  '!==',
  '<',
  '<=',
  '>',
  '>=',
  '&',
  '|',
  '^',
  '<<',
  '>>',
  '>>>',
]);
const unaryOperators = new Set(['!', '-', '+', '~', 'typeof', 'void']);

class Unsupported extends Error {
  constructor(readonly error: CompilerError) {
    super(error.message);
  }
}

/**
 * Compiles the source of one `{{ }}` to JS over `d` (data), `rt` (render
 * runtime) and `M` (module id), or returns `undefined` after reporting errors.
 * `offset` is where `source` starts in the template file. With `asObject`,
 * the source is the body of an object literal (`data="{{a: 1, ...b}}"`).
 */
export function compileExpression(
  source: string,
  offset: number,
  context: ExpressionContext,
  asObject = false,
): string | undefined {
  const masked = maskDataWords(asObject ? `{${source}}` : source);
  const wrapped = masked.text;
  const shift = asObject ? offset - 1 : offset;
  const span = (start: number, end: number): SourceLocation => ({
    start: context.locate(shift + start),
    end: context.locate(shift + end),
  });
  let node: ESTree.Expression;
  try {
    // Parentheses are kept as nodes so `{{ (a ? b : c) }}` ends where the author's `)` does.
    node = parseExpressionAt(wrapped, 0, { ecmaVersion: 'latest', preserveParens: true });
    const rest = wrapped.slice(node.end);
    if (rest.trim()) {
      const at = node.end + (rest.length - rest.trimStart().length);
      throw Object.assign(new SyntaxError(`Unexpected token "${wrapped[at]}"`), { pos: at });
    }
  } catch (error) {
    // `{{ a: 1, ...b }}`: the platforms read a whole expression of object fields as an object.
    if (!asObject && /^\s*(\.\.\.|[A-Za-z_$][\w$]*\s*[:,}]|[A-Za-z_$][\w$]*\s*$)/.test(source)) {
      const problems: CompilerError[] = [];
      const asFields = compileExpression(
        source,
        offset,
        { ...context, onError: (e) => problems.push(e) },
        true,
      );
      if (asFields !== undefined && problems.every((problem) => problem.severity === 'warning')) {
        for (const problem of problems) context.onError(problem);
        return asFields;
      }
    }
    const pos = typeof (error as { pos?: unknown }).pos === 'number' ? (error as { pos: number }).pos : 0;
    const message = String((error as Error).message)
      .replace(/\s*\(\d+:\d+\)$/, '')
      .replaceAll(WORD_MARK, '');
    context.onError(
      new CompilerError('PLZ_EXPR_SYNTAX', [message], span(pos, Math.min(pos + 1, wrapped.length))),
    );
    return undefined;
  }
  // `{{ a, b }}` is the object `{a, b}` on the platforms, not the comma operator.
  if (!asObject && node.type === 'SequenceExpression')
    return compileExpression(source, offset, context, true);
  try {
    return generate(node, { scope: context.scope, span, words: masked.words, warn: context.onError });
  } catch (error) {
    if (error instanceof Unsupported) {
      context.onError(error.error);
      return undefined;
    }
    throw error;
  }
}

type Span = (start: number, end: number) => SourceLocation;

interface Generation {
  scope: ExpressionScope;
  span: Span;
  /** Reserved words used as data names, by offset (see `maskDataWords`). */
  words: ReadonlyMap<number, string>;
  warn: ErrorHandler;
}

function generate(node: ESTree.Node, generation: Generation): string {
  const { scope, span } = generation;
  const fail = (code: ConstructorParameters<typeof CompilerError>[0], args: string[] = []): never => {
    throw new Unsupported(new CompilerError(code, args, span(node.start, node.end)));
  };
  const gen = (child: ESTree.Node) => generate(child, generation);
  switch (node.type) {
    case 'ParenthesizedExpression':
      return `(${gen((node as ESTree.ParenthesizedExpression).expression)})`;
    case 'Identifier': {
      const name = generation.words.get(node.start) ?? (node as ESTree.Identifier).name;
      if (name === 'undefined') return 'undefined';
      const local = scope.locals.get(name);
      if (local) return local;
      if (scope.wxsModules.has(name)) return `rt.w(M, ${JSON.stringify(name)})`;
      return `rt.m(d, ${JSON.stringify(name)})`;
    }
    case 'Literal': {
      const literal = node as ESTree.Literal;
      if ('regex' in literal && literal.regex)
        return fail('PLZ_EXPR_UNSUPPORTED', ['regular expression literals']);
      if (typeof literal.value === 'bigint') return fail('PLZ_EXPR_UNSUPPORTED', ['BigInt literals']);
      return literal.value === null ? 'null' : JSON.stringify(literal.value);
    }
    case 'ThisExpression':
      return fail('PLZ_EXPR_THIS');
    case 'MemberExpression': {
      const member = node as ESTree.MemberExpression;
      if (member.object.type === 'Super') return fail('PLZ_EXPR_UNSUPPORTED', ['super']);
      return `rt.m(${gen(member.object)}, ${memberKey(member, gen, fail)})`;
    }
    case 'ChainExpression':
      return gen((node as ESTree.ChainExpression).expression);
    case 'CallExpression': {
      const call = node as ESTree.CallExpression;
      if (!isWxsCall(call.callee, scope)) {
        // The platforms call only wxs/sjs functions; any other call yields nothing, and so does Plaza.
        generation.warn(
          new CompilerError('PLZ_EXPR_CALL_NOT_WXS', [scope.moduleKind], span(node.start, node.end)),
        );
        return 'undefined';
      }
      const args = call.arguments.map((arg) =>
        arg.type === 'SpreadElement' ? `...rt.a(${gen(arg.argument)})` : gen(arg),
      );
      if (call.callee.type === 'MemberExpression') {
        const callee = call.callee;
        return `rt.c(${gen(callee.object as ESTree.Expression)}, ${memberKey(callee, gen, fail)}, [${args.join(', ')}])`;
      }
      return `rt.c(undefined, ${gen(call.callee)}, [${args.join(', ')}])`;
    }
    case 'BinaryExpression': {
      const binary = node as ESTree.BinaryExpression;
      if (!binaryOperators.has(binary.operator))
        return fail('PLZ_EXPR_UNSUPPORTED', [`the "${binary.operator}" operator`]);
      return `(${gen(binary.left)} ${binary.operator} ${gen(binary.right)})`;
    }
    case 'LogicalExpression': {
      const logical = node as ESTree.LogicalExpression;
      return `(${gen(logical.left)} ${logical.operator} ${gen(logical.right)})`;
    }
    case 'UnaryExpression': {
      const unary = node as ESTree.UnaryExpression;
      if (!unaryOperators.has(unary.operator))
        return fail('PLZ_EXPR_UNSUPPORTED', [`the "${unary.operator}" operator`]);
      return `(${unary.operator}${/^[a-z]/.test(unary.operator) ? ' ' : ''}${gen(unary.argument)})`;
    }
    case 'ConditionalExpression': {
      const conditional = node as ESTree.ConditionalExpression;
      return `(${gen(conditional.test)} ? ${gen(conditional.consequent)} : ${gen(conditional.alternate)})`;
    }
    case 'ArrayExpression': {
      const array = node as ESTree.ArrayExpression;
      const items = array.elements.map((element) => {
        if (!element) return 'undefined';
        return element.type === 'SpreadElement' ? `...rt.a(${gen(element.argument)})` : gen(element);
      });
      return `[${items.join(', ')}]`;
    }
    case 'ObjectExpression': {
      const object = node as ESTree.ObjectExpression;
      const entries = object.properties.map((property) => {
        if (property.type === 'SpreadElement') return `...rt.o(${gen(property.argument)})`;
        if (property.kind !== 'init' || property.method) {
          return fail('PLZ_EXPR_UNSUPPORTED', ['getters, setters or methods']);
        }
        let key: string;
        if (property.computed) key = `[rt.k(${gen(property.key)})]`;
        else if (property.key.type === 'Identifier')
          key = JSON.stringify(generation.words.get(property.key.start) ?? property.key.name);
        else key = JSON.stringify(String((property.key as ESTree.Literal).value));
        if (!property.computed && key === '"__proto__"')
          return fail('PLZ_EXPR_FORBIDDEN_PROPERTY', ['__proto__']);
        return `${key}: ${gen(property.value)}`;
      });
      return `{${entries.join(', ')}}`;
    }
    case 'TemplateLiteral': {
      const template = node as ESTree.TemplateLiteral;
      const pieces: string[] = [];
      template.quasis.forEach((quasi, i) => {
        pieces.push(JSON.stringify(quasi.value.cooked ?? ''));
        const expression = template.expressions[i];
        if (expression) pieces.push(`rt.s(${gen(expression)})`);
      });
      return `(${pieces.join(' + ')})`;
    }
    default:
      return fail('PLZ_EXPR_UNSUPPORTED', [describe(node.type)]);
  }
}

function memberKey(
  member: ESTree.MemberExpression,
  gen: (node: ESTree.Node) => string,
  fail: (code: 'PLZ_EXPR_FORBIDDEN_PROPERTY' | 'PLZ_EXPR_UNSUPPORTED', args?: string[]) => never,
): string {
  if (member.property.type === 'PrivateIdentifier') return fail('PLZ_EXPR_UNSUPPORTED', ['private names']);
  if (!member.computed) {
    const name = (member.property as ESTree.Identifier).name;
    if (forbiddenProperties.has(name)) fail('PLZ_EXPR_FORBIDDEN_PROPERTY', [name]);
    return JSON.stringify(name);
  }
  const property = member.property as ESTree.Node;
  if (property.type === 'Literal' && forbiddenProperties.has(String((property as ESTree.Literal).value))) {
    fail('PLZ_EXPR_FORBIDDEN_PROPERTY', [String((property as ESTree.Literal).value)]);
  }
  return gen(property);
}

/** A call is allowed only on a function reached from a wxs/sjs module (`fmt.price(x)`). */
function isWxsCall(callee: ESTree.Node, scope: ExpressionScope): boolean {
  let root: ESTree.Node = callee;
  while (root.type === 'MemberExpression' || root.type === 'ParenthesizedExpression')
    root =
      root.type === 'MemberExpression'
        ? (root as ESTree.MemberExpression).object
        : (root as ESTree.ParenthesizedExpression).expression;
  return (
    root.type === 'Identifier' &&
    scope.wxsModules.has((root as ESTree.Identifier).name) &&
    !scope.locals.has((root as ESTree.Identifier).name)
  );
}

function describe(type: string): string {
  const names: Record<string, string> = {
    ArrowFunctionExpression: 'functions',
    FunctionExpression: 'functions',
    AssignmentExpression: 'assignments',
    UpdateExpression: 'increments or decrements',
    SequenceExpression: 'the comma operator',
    NewExpression: '"new"',
    TaggedTemplateExpression: 'tagged templates',
    AwaitExpression: '"await"',
    YieldExpression: '"yield"',
    ClassExpression: 'classes',
    ImportExpression: 'import()',
    MetaProperty: 'import.meta or new.target',
  };
  return names[type] ?? type;
}
