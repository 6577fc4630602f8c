import type * as ESTree from 'acorn';
import { parse } from 'acorn';

export interface ScriptFacts {
  /** `tt.login`, `wx.request`…: the API names used, without the namespace. */
  apis: Set<string>;
  /** From a `Component({ externalClasses, options })` call, when written literally. */
  externalClasses?: string[];
  options?: { addGlobalClass?: boolean; styleIsolation?: string; multipleSlots?: boolean };
  /** `require("…")` calls with a literal id, where they are in the scanned (compiled) code. */
  requires: { request: string; line: number; column: number }[];
  /** Why the code could not be read, when it could not: then nothing above is known. */
  unreadable?: string;
}

/**
 * Reads facts from a module's (already CommonJS, plain JS) code without
 * running it: which API members of the dialect's namespace it uses, and the
 * literal style options of its `Component({...})` call.
 */
export function scanScript(code: string, namespaces: readonly string[]): ScriptFacts {
  // Keyed by the code itself, not a copy joined to the namespaces: a rebuild looks up the
  // same string objects, whose hashes are known.
  const namespaceKey = namespaces.join(',');
  const scanned = scans.get(namespaceKey) ?? new Map<string, ScriptFacts>();
  scans.set(namespaceKey, scanned);
  const cached = scanned.get(code);
  if (cached) return cached;
  const facts = scanUncached(code, namespaces);
  // Rebuilds read the facts of unchanged scripts from here; the oldest entries make room.
  if (scanned.size >= SCAN_CACHE_SIZE) scanned.delete(scanned.keys().next().value!);
  scanned.set(code, facts);
  return facts;
}

const SCAN_CACHE_SIZE = 5_000;
const scans = new Map<string, Map<string, ScriptFacts>>();

function scanUncached(code: string, namespaces: readonly string[]): ScriptFacts {
  const facts: ScriptFacts = { apis: new Set(), requires: [] };
  let program: ESTree.Program;
  try {
    program = parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
    });
  } catch (error) {
    // "Uses nothing" and "could not be read" are different answers: say which.
    facts.unreadable = (error as Error).message;
    return facts;
  }
  let lines: number[] | undefined;
  const uses: { name: string; at: number }[] = [];
  // Functions (and the module) in which a namespace name is the program's own binding: a
  // minified library's local `tt` is not the platform's.
  const shadowed: { start: number; end: number }[] = [];
  const functions: ESTree.Node[] = [program];
  const binds = (pattern: ESTree.Node | null | undefined) =>
    pattern?.type === 'Identifier' && namespaces.includes((pattern as ESTree.Identifier).name);
  visit(
    program,
    (node) => {
      if (FUNCTION_TYPES.has(node.type)) {
        const fn = node as ESTree.Function;
        if (fn.params.some(binds) || (node.type !== 'FunctionDeclaration' && binds(fn.id)))
          shadowed.push(node);
        if (node.type === 'FunctionDeclaration' && binds(fn.id)) shadowed.push(functions.at(-1)!);
        functions.push(node);
      } else if (
        (node.type === 'VariableDeclarator' && binds((node as ESTree.VariableDeclarator).id)) ||
        (node.type === 'ClassDeclaration' && binds((node as ESTree.ClassDeclaration).id))
      ) {
        shadowed.push(functions.at(-1)!);
      } else if (node.type === 'CatchClause' && binds((node as ESTree.CatchClause).param)) {
        shadowed.push(node);
      }
      scanNode(node);
    },
    (node) => {
      if (FUNCTION_TYPES.has(node.type)) functions.pop();
    },
  );
  for (const { name, at } of uses)
    if (!shadowed.some((scope) => scope.start <= at && at < scope.end)) facts.apis.add(name);
  return facts;

  function scanNode(node: ESTree.Node): void {
    if (node.type === 'MemberExpression') {
      const member = node as ESTree.MemberExpression;
      if (member.object.type === 'Identifier' && namespaces.includes(member.object.name)) {
        const name = propertyName(member);
        if (name) uses.push({ name, at: member.start });
      }
    } else if (node.type === 'CallExpression') {
      const call = node as ESTree.CallExpression;
      if (call.callee.type === 'Identifier' && call.callee.name === 'Component') {
        const options = call.arguments[0];
        if (options?.type === 'ObjectExpression') readComponentOptions(options, facts);
      }
      const [id] = call.arguments;
      if (
        call.callee.type === 'Identifier' &&
        call.callee.name === 'require' &&
        id?.type === 'Literal' &&
        typeof id.value === 'string'
      ) {
        // Positions from the offset: acorn's own line tracking costs every node of every script.
        lines ??= lineStarts(code);
        facts.requires.push({ request: id.value, ...position(lines, (id as { start?: number }).start ?? 0) });
      }
    }
  }
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** Offsets at which each line of `code` starts, with the line breaks acorn counts. */
function lineStarts(code: string): number[] {
  const starts = [0];
  for (const match of code.matchAll(/\r\n?|\n|\u2028|\u2029/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** The 1-based line and 0-based column of `offset`, as acorn's `loc` gives them. */
function position(starts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! };
}

function readComponentOptions(object: ESTree.ObjectExpression, facts: ScriptFacts): void {
  for (const property of object.properties) {
    if (property.type !== 'Property') continue;
    const key =
      property.key.type === 'Identifier' ? property.key.name : String((property.key as ESTree.Literal).value);
    if (key === 'externalClasses' && property.value.type === 'ArrayExpression') {
      facts.externalClasses = property.value.elements.flatMap((element) =>
        element?.type === 'Literal' && typeof element.value === 'string' ? [element.value] : [],
      );
    } else if (key === 'options' && property.value.type === 'ObjectExpression') {
      facts.options = {};
      for (const option of property.value.properties) {
        if (option.type !== 'Property' || option.value.type !== 'Literal') continue;
        const name =
          option.key.type === 'Identifier' ? option.key.name : String((option.key as ESTree.Literal).value);
        const value = option.value.value;
        if (name === 'addGlobalClass' || name === 'multipleSlots') facts.options[name] = Boolean(value);
        if (name === 'styleIsolation' && typeof value === 'string') facts.options.styleIsolation = value;
      }
    }
  }
}

function propertyName(member: ESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === 'Identifier') return member.property.name;
  if (member.computed && member.property.type === 'Literal' && typeof member.property.value === 'string') {
    return member.property.value;
  }
  return undefined;
}

function visit(
  node: ESTree.Node,
  enter: (node: ESTree.Node) => void,
  leave: (node: ESTree.Node) => void,
): void {
  enter(node);
  for (const key in node) {
    if (key === 'loc' || key === 'range') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') visit(child, enter, leave);
    } else if (value && typeof value === 'object' && typeof (value as ESTree.Node).type === 'string') {
      visit(value as ESTree.Node, enter, leave);
    }
  }
  leave(node);
}
