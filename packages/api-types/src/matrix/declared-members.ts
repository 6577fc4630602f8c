import { createRequire } from 'node:module';
import ts from 'typescript';

/** How a member of `wx`/`tt` is called, as its typing declares it. */
export type MemberKind = 'async' | 'task' | 'sync' | 'listen' | 'unlisten';

/** What a sync member hands back when it cannot work: the neutral value of its return type. */
export type NeutralValue = 'undefined' | 'false' | 'string' | 'number' | 'array' | 'object';

export interface DeclaredMember {
  name: string;
  kind: MemberKind;
  /** Only for sync members. */
  neutral?: NeutralValue;
}

const require = createRequire(import.meta.url);

/**
 * Every member of WeChat's `interface Wx` (miniprogram-api-typings), read with the TypeScript
 * compiler from the published declarations, sorted by name.
 */
export function wxMembers(): DeclaredMember[] {
  const entry = require.resolve('miniprogram-api-typings/types/index.d.ts');
  const { program, checker } = load(entry);
  const api = program.getSourceFiles().find((f) => f.fileName.endsWith('lib.wx.api.d.ts'));
  if (!api) throw new Error('lib.wx.api.d.ts is not among the typings');
  let wx: ts.InterfaceDeclaration | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Wx') wx = node;
    else ts.forEachChild(node, visit);
  };
  visit(api);
  if (!wx) throw new Error('interface Wx is not in lib.wx.api.d.ts');
  const members: DeclaredMember[] = [];
  for (const member of wx.members) {
    if (!member.name || !ts.isIdentifier(member.name)) continue;
    const name = member.name.text;
    const type = checker.getTypeAtLocation(member);
    members.push(describe(name, type, checker, (returns) => /PromisifySuccessResult/.test(returns)));
  }
  return unique(members);
}

/**
 * Every export of Douyin's `tt` (`@douyin-microapp/typings`, `const tt: typeof API`), read the
 * same way: an `AsyncAPI` is async, a `SyncAPI` sync.
 */
export function ttMembers(): DeclaredMember[] {
  const entry = require.resolve('@douyin-microapp/typings/types/api.d.ts');
  const { program, checker } = load(entry);
  const api = program.getSourceFile(entry);
  if (!api) throw new Error('types/api.d.ts is not among the typings');
  const moduleSymbol = checker.getSymbolAtLocation(api);
  if (!moduleSymbol) throw new Error('types/api.d.ts is not a module');
  const members: DeclaredMember[] = [];
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (!(target.flags & ts.SymbolFlags.Variable) && !(target.flags & ts.SymbolFlags.Function)) continue;
    const declaration = target.valueDeclaration;
    if (!declaration) continue;
    const type = checker.getTypeOfSymbolAtLocation(target, declaration);
    const declared =
      ts.isVariableDeclaration(declaration) && declaration.type ? declaration.type.getText() : '';
    members.push(
      describe(
        symbol.name,
        type,
        checker,
        (returns) => /^AsyncAPI\b/.test(declared) || /Promise</.test(returns),
      ),
    );
  }
  return unique(members);
}

function load(entry: string): { program: ts.Program; checker: ts.TypeChecker } {
  const program = ts.createProgram([entry], {
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2020.d.ts'],
  });
  return { program, checker: program.getTypeChecker() };
}

function describe(
  name: string,
  type: ts.Type,
  checker: ts.TypeChecker,
  isAsync: (returns: string) => boolean,
): DeclaredMember {
  if (/^on[A-Z]/.test(name)) return { name, kind: 'listen' };
  if (/^off[A-Z]/.test(name)) return { name, kind: 'unlisten' };
  const signature = type.getCallSignatures()[0];
  if (!signature) return { name, kind: 'sync', neutral: neutralOf(type, checker) };
  const returns = checker.getReturnTypeOfSignature(signature);
  const text = checker.typeToString(returns, undefined, ts.TypeFormatFlags.NoTruncation);
  if (name.endsWith('Sync')) return { name, kind: 'sync', neutral: neutralOf(returns, checker) };
  if (isAsync(text)) return { name, kind: 'async' };
  // Callbacks in its options make it asynchronous, whatever it returns: a task object or nothing.
  if (takesCallbacks(signature, checker))
    return { name, kind: neutralOf(returns, checker) === 'object' ? 'task' : 'async' };
  return { name, kind: 'sync', neutral: neutralOf(returns, checker) };
}

function takesCallbacks(signature: ts.Signature, checker: ts.TypeChecker): boolean {
  const first = signature.getParameters()[0];
  if (!first?.valueDeclaration) return false;
  const options = checker.getNonNullableType(
    checker.getTypeOfSymbolAtLocation(first, first.valueDeclaration),
  );
  const constraint = options.isTypeParameter()
    ? (checker.getBaseConstraintOfType(options) ?? options)
    : options;
  return ['success', 'fail', 'complete'].some((callback) => constraint.getProperty(callback));
}

function neutralOf(type: ts.Type, checker: ts.TypeChecker): NeutralValue {
  const flags = type.flags;
  if (flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Any | ts.TypeFlags.Unknown))
    return 'undefined';
  if (flags & ts.TypeFlags.BooleanLike) return 'false';
  if (flags & ts.TypeFlags.StringLike) return 'string';
  if (flags & ts.TypeFlags.NumberLike) return 'number';
  if (checker.isArrayType(type)) return 'array';
  if (type.isUnion()) {
    const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    if (parts.length === 1 && parts[0]) return neutralOf(parts[0], checker);
    if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLike)) return 'false';
    if (parts.every((t) => t.flags & ts.TypeFlags.StringLike)) return 'string';
  }
  return 'object';
}

function unique(members: DeclaredMember[]): DeclaredMember[] {
  const byName = new Map<string, DeclaredMember>();
  for (const m of members) if (!byName.has(m.name)) byName.set(m.name, m);
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
