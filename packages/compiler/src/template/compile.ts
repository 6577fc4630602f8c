import type { CompilerError, ErrorHandler } from '../errors.ts';
import { createLocator } from '../location.ts';
import { extensionOf, stripExtension } from '../package-path.ts';
import type { RootNode } from './ast.ts';
import { generateModule } from './codegen.ts';
import { parseTemplate } from './parser.ts';
import { type FileReference, transformTemplateAst, type WxsModuleReference } from './transform.ts';

export interface CompileTemplateOptions {
  /** Package-relative path with extension (`pages/index/index.wxml`); names the module and resolves `src`. */
  filename?: string;
  /** Defaults from the extension: `.ttml` is Douyin, anything else WeChat. */
  dialect?: 'tt' | 'wx';
  /** Custom component tags → component package paths, from `usingComponents`. */
  usingComponents?: Readonly<Record<string, string>>;
  /** Component package path → external class attribute names it declares. */
  externalClasses?: Readonly<Record<string, readonly string[]>>;
  /** Receives each error and warning (`severity`) as found; they are collected in `errors` and `warnings` too. */
  onError?: ErrorHandler;
  /** wxs/sjs module names the files that `<include>` this one declare: in scope here too. */
  inheritedWxs?: readonly string[];
  /** The built-in components the view renders; without it, unknown tags are not reported. */
  builtinTags?: ReadonlySet<string>;
}

export interface CompiledTemplate {
  /** A JS expression evaluating to the view module `{ render, templates, imports, wxs, wxsInline }`. */
  code: string;
  ast: RootNode;
  errors: CompilerError[];
  /** Quirks the platforms tolerate, each where it is. */
  warnings: CompilerError[];
  imports: FileReference[];
  includes: FileReference[];
  wxs: WxsModuleReference[];
  templates: string[];
  tags: string[];
}

/**
 * Compiles one .ttml/.wxml template: tokenize → parse → transform → codegen.
 * Errors never throw: each is reported and compilation goes on, so one run
 * shows them all.
 *
 * @example
 * const { code, errors } = compileTemplate('<view bindtap="go">{{ title }}</view>', { filename: 'pages/a/a.wxml' });
 */
export function compileTemplate(source: string, options: CompileTemplateOptions = {}): CompiledTemplate {
  const filename = options.filename ?? 'index.wxml';
  const dialect = options.dialect ?? (extensionOf(filename) === '.ttml' ? 'tt' : 'wx');
  const errors: CompilerError[] = [];
  const warnings: CompilerError[] = [];
  const onError: ErrorHandler = (error) => {
    error.file ??= filename;
    (error.severity === 'warning' ? warnings : errors).push(error);
    options.onError?.(error);
  };
  const ast = parseTemplate(source, onError);
  const result = transformTemplateAst(ast, {
    filename,
    moduleKind: dialect === 'tt' ? 'sjs' : 'wxs',
    usingComponents: options.usingComponents ?? {},
    externalClasses: options.externalClasses ?? {},
    onError,
    locate: createLocator(source),
    inheritedWxs: options.inheritedWxs ?? [],
    ...(options.builtinTags ? { builtinTags: options.builtinTags } : {}),
  });
  const wxsFiles: Record<string, string> = {};
  for (const module of result.wxs) {
    if (module.file?.path) wxsFiles[module.name] = module.file.path;
  }
  const code = generateModule(result, {
    moduleId: stripExtension(filename),
    imports: result.imports.flatMap((reference) => (reference.path ? [stripExtension(reference.path)] : [])),
    wxsFiles,
  });
  return {
    code,
    ast,
    errors,
    warnings,
    imports: result.imports,
    includes: result.includes,
    wxs: result.wxs,
    templates: [...result.templates.keys()],
    tags: [...result.tags].sort(),
  };
}
