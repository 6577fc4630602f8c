import postcss, { type AtRule, CssSyntaxError, type Root } from 'postcss';
import { CompilerError, type ErrorHandler } from '../errors.ts';
import type { SourceLocation } from '../location.ts';
import { resolvePackagePath } from '../package-path.ts';
import type { StyleScope } from '../render-runtime/class-scope.ts';
import { convertRpx } from '../render-runtime/rpx.ts';
import { rewriteTagSelectors } from './builtin-selector.ts';
import { convertSafeArea } from './safe-area.ts';
import { scopeSelector } from './selector-scope.ts';

export interface CompileStyleOptions {
  /** Package-relative path of the stylesheet (`components/card/card.wxss`): resolves `@import`. */
  filename?: string;
  /** The component's scope; without it (app, pages, `shared` components) selectors stay global. */
  scope?: StyleScope;
  /** Reads an imported stylesheet by package path; `undefined` when it does not exist. */
  readFile?: (path: string) => string | undefined;
  /** Parsed imports shared across calls: each imported file is parsed once per build. */
  cache?: Map<string, Root | CompilerError>;
  onError?: ErrorHandler;
}

export interface CompiledStyle {
  css: string;
  errors: CompilerError[];
  /** Every stylesheet inlined through `@import`, by package path. */
  imports: string[];
}

/**
 * Compiles a .ttss/.wxss stylesheet: `@import` inlined (relative or absolute
 * from the package root; cycles are errors), `rpx` turned into a multiple of
 * `--plaza-rpx`, `env(safe-area-inset-*)` read from the container's variables, built-in tag selectors (`view`, `text`, `page`) turned into what the view
 * renders, and with a scope, class selectors prefixed so the component's styles match only
 * its own elements.
 *
 * @example
 * compileStyle('.title { font-size: 32rpx }', { scope: { prefix: 'c1-', keepGlobal: false, hostClass: 'c1' } }).css
 * // '.c1-title { font-size: calc(32 * var(--plaza-rpx)) }'
 */
export function compileStyle(source: string, options: CompileStyleOptions = {}): CompiledStyle {
  const filename = options.filename ?? 'index.wxss';
  const errors: CompilerError[] = [];
  const onError: ErrorHandler = (error) => {
    error.file ??= filename;
    errors.push(error);
    options.onError?.(error);
  };
  const imports: string[] = [];
  const root = parse(source, filename, onError);
  if (!root) return { css: '', errors, imports };
  inlineImports(
    root,
    filename,
    [filename],
    { ...options, cache: options.cache ?? new Map() },
    onError,
    imports,
  );
  root.walkDecls((declaration) => {
    declaration.value = convertSafeArea(convertRpx(declaration.value));
  });
  const scope = options.scope;
  root.walkRules((rule) => {
    const parent = rule.parent;
    if (parent?.type === 'atrule' && /keyframes$/i.test((parent as AtRule).name)) return;
    rule.selectors = rule.selectors.map((selector) => {
      const tagged = rewriteTagSelectors(selector, { page: !scope });
      if (!scope) return tagged;
      const scoped = scopeSelector(tagged, scope.prefix, scope.hostClass);
      // A component's `view { … }` must not reach the page's views: without a class or
      // `:host` to anchor it, a rewritten tag rule applies only inside the component's host.
      const anchored = /\.[-_a-zA-Z\\]|:host/.test(selector);
      return tagged === selector || anchored ? scoped : `.${scope.hostClass} ${scoped}`;
    });
  });
  return { css: root.toString(), errors, imports };
}

function parse(source: string, filename: string, onError: ErrorHandler): Root | undefined {
  try {
    return postcss.parse(source, { from: filename });
  } catch (error) {
    if (error instanceof CssSyntaxError) {
      const line = error.line ?? 1;
      const column = error.column ?? 1;
      const position = { offset: 0, line, column };
      onError(
        new CompilerError('PLZ_STYLE_SYNTAX', [error.reason], { start: position, end: position }, filename),
      );
      return undefined;
    }
    throw error;
  }
}

function inlineImports(
  root: Root,
  filename: string,
  chain: string[],
  options: CompileStyleOptions & { cache: Map<string, Root | CompilerError> },
  onError: ErrorHandler,
  imports: string[],
): void {
  root.walkAtRules('import', (rule) => {
    const src = /^(?:url\()?\s*["']?([^"')\s]+)["']?\s*\)?/.exec(rule.params)?.[1];
    const loc = atRuleLocation(rule);
    if (!src || /^(https?:)?\/\//.test(src)) return; // a remote import stays for the browser to load
    const path = resolveStyleImport(filename, src, options.readFile);
    const text = path === undefined ? undefined : options.readFile?.(path);
    if (path === undefined || text === undefined) {
      onError(new CompilerError('PLZ_STYLE_IMPORT_UNRESOLVED', [src], loc, filename));
      rule.remove();
      return;
    }
    if (chain.includes(path)) {
      onError(new CompilerError('PLZ_STYLE_IMPORT_CYCLE', [[...chain, path].join(' → ')], loc, filename));
      rule.remove();
      return;
    }
    let parsed = options.cache.get(path);
    if (!parsed) {
      parsed = parse(text, path, (error) => onError(error)) ?? new CompilerError('PLZ_STYLE_SYNTAX', [path]);
      options.cache.set(path, parsed);
    }
    if (parsed instanceof CompilerError) {
      rule.remove();
      return;
    }
    const copy = parsed.clone();
    imports.push(path);
    inlineImports(copy, path, [...chain, path], options, onError, imports);
    rule.replaceWith(copy.nodes);
  });
}

/**
 * `@import "a/b"` as the platforms resolve it: the path as written, else with the importing
 * file's extension, else with the other dialect's (both accept an import without one).
 */
function resolveStyleImport(
  filename: string,
  src: string,
  readFile: ((path: string) => string | undefined) | undefined,
): string | undefined {
  const path = resolvePackagePath(filename, src);
  if (path === undefined || !readFile) return path;
  const own = /\.[a-z]+$/.exec(filename)?.[0] ?? '.wxss';
  for (const candidate of [path, `${path}${own}`, `${path}.wxss`, `${path}.ttss`, `${path}.css`]) {
    if (readFile(candidate) !== undefined) return candidate;
  }
  return path;
}

function atRuleLocation(rule: AtRule): SourceLocation | undefined {
  const start = rule.source?.start;
  const end = rule.source?.end ?? start;
  if (!start || !end) return undefined;
  return {
    start: { offset: start.offset, line: start.line, column: start.column },
    end: { offset: end.offset, line: end.line, column: end.column },
  };
}
