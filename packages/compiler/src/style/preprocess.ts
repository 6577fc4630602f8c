import { createRequire } from 'node:module';
import type LessStatic from 'less';
import type * as Sass from 'sass';
import { CompilerError, type ErrorHandler } from '../errors.ts';
import { extensionOf, resolvePackagePath } from '../package-path.ts';
import { type StyleLanguage, styleLanguageOf } from './style-languages.ts';

export interface PreprocessOptions {
  /** Package path of the stylesheet (`pages/index/index.less`): names it and resolves its imports. */
  filename: string;
  /** Reads a package file; `undefined` when it does not exist. Imports never leave the package. */
  readFile: (path: string) => string | undefined;
  onError: ErrorHandler;
}

// The compilers load on first use: most programs have no Less or Sass, and Dart Sass alone
// takes longer to load than a whole build of a small program.
const load = createRequire(import.meta.url);
let lessCompiler: typeof LessStatic | undefined;
let sassCompiler: typeof Sass | undefined;
const lessOf = () => (lessCompiler ??= load('less') as typeof LessStatic);
const sassOf = () => (sassCompiler ??= load('sass') as typeof Sass);

/**
 * The text of a program's stylesheet as the style compiler takes it: a `.less`, `.scss` or
 * `.sass` file compiled by the real Less or Dart Sass compiler (its imports read from the
 * package only), any other stylesheet as written. A preprocessor's error is reported at the
 * author's file, line and column; the stylesheet then contributes nothing.
 *
 * @example
 * styleSource('pages/a/a.less', { filename: 'pages/a/a.less', readFile, onError }) // '.a .b { color: red; }'
 */
export function styleSource(path: string, options: Omit<PreprocessOptions, 'filename'>): string | undefined {
  const source = options.readFile(path);
  const language = styleLanguageOf(path);
  if (source === undefined || !language) return source;
  return preprocessStyle(source, language, { ...options, filename: path });
}

export function preprocessStyle(source: string, language: StyleLanguage, options: PreprocessOptions): string {
  // A rebuild (plaza dev) reuses the CSS of a stylesheet whose text, and every file its
  // compile looked for (found or not), are as they were.
  const cached = compiledStyles.get(options.filename);
  if (
    cached?.source === source &&
    [...cached.reads].every(([path, text]) => options.readFile(path) === text)
  ) {
    for (const error of cached.errors) options.onError(error);
    return cached.css;
  }
  const reads = new Map<string, string | undefined>();
  const errors: CompilerError[] = [];
  const tracked: PreprocessOptions = {
    filename: options.filename,
    readFile: (path) => {
      const text = options.readFile(path);
      reads.set(path, text);
      return text;
    },
    onError: (error) => {
      errors.push(error);
      options.onError(error);
    },
  };
  const css = language === 'less' ? compileLess(source, tracked) : compileSass(source, language, tracked);
  compiledStyles.set(options.filename, { source, reads, css, errors });
  return css;
}

const compiledStyles = new Map<
  string,
  { source: string; reads: Map<string, string | undefined>; css: string; errors: CompilerError[] }
>();

function compileLess(source: string, options: PreprocessOptions): string {
  const less = lessOf();
  let css = '';
  // With synchronous imports (read from memory) Less renders before `render` returns.
  less.render(
    source,
    {
      filename: options.filename,
      syncImport: true,
      plugins: [
        { install: (_less, manager) => manager.addFileManager(packageFileManager(options.readFile)) },
      ],
    },
    (error, output) => {
      if (error) {
        const file = error.filename && error.filename !== 'input' ? error.filename : options.filename;
        const line = error.line ?? 1;
        const column = (error.column ?? 0) + 1;
        options.onError(styleError('PLZ_STYLE_LESS', error.message, file, line, column));
      } else css = output?.css ?? '';
    },
  );
  return css;
}

/** Less's file manager over the package: `@import "x"` tries `x`, then `x.less`, from the importing file. */
function packageFileManager(readFile: PreprocessOptions['readFile']): Less.FileManager {
  const less = lessOf();
  const manager = new (class extends less.FileManager {
    override supports() {
      return true;
    }
    override supportsSync() {
      return true;
    }
    override loadFileSync(filename: string, currentDirectory: string) {
      const base = resolvePackagePath(`${currentDirectory}_`, filename);
      const candidates = base === undefined ? [] : extensionOf(base) ? [base] : [`${base}.less`, base];
      for (const path of candidates) {
        const contents = readFile(path);
        if (contents !== undefined) return { contents, filename: path };
      }
      return { error: new Error(`'${filename}' does not resolve to a file of the program`) };
    }
    override loadFile(filename: string, currentDirectory: string) {
      const loaded = this.loadFileSync(filename, currentDirectory);
      return 'error' in loaded ? Promise.reject(loaded.error) : Promise.resolve(loaded);
    }
  })();
  return manager as unknown as Less.FileManager;
}

const SCHEME = 'plaza-package:';

function compileSass(source: string, language: 'scss' | 'sass', options: PreprocessOptions): string {
  const sass = sassOf();
  try {
    return sass.compileString(source, {
      syntax: language === 'sass' ? 'indented' : 'scss',
      url: new URL(`${SCHEME}/${options.filename}`),
      importers: [sassImporter(options.readFile)],
      style: 'expanded',
      // Deprecation notices are the author's to read in their own tools, not build output.
      logger: sass.Logger.silent,
    }).css;
  } catch (error) {
    if (!(error instanceof sass.Exception)) throw error;
    const span = error.span;
    const file = span.url?.protocol === SCHEME ? span.url.pathname.replace(/^\//, '') : options.filename;
    options.onError(
      styleError('PLZ_STYLE_SASS', error.sassMessage, file, span.start.line + 1, span.start.column + 1),
    );
    return '';
  }
}

/** Sass's importer over the package, resolving partials (`_x.scss`) and both syntaxes as Sass does. */
function sassImporter(readFile: PreprocessOptions['readFile']): Sass.Importer<'sync'> {
  return {
    canonicalize(url, context) {
      const from = context.containingUrl?.protocol === SCHEME ? context.containingUrl.pathname.slice(1) : '';
      const request = url.startsWith(SCHEME) ? `/${new URL(url).pathname.slice(1)}` : url;
      const base = resolvePackagePath(from || '_', request);
      if (base === undefined) return null;
      const slash = base.lastIndexOf('/');
      const dir = base.slice(0, slash + 1);
      const name = base.slice(slash + 1);
      const candidates = extensionOf(name)
        ? [base, `${dir}_${name}`]
        : ['.scss', '.sass', '.css'].flatMap((ext) => [`${base}${ext}`, `${dir}_${name}${ext}`]);
      const found = candidates.find((path) => readFile(path) !== undefined);
      return found === undefined ? null : new URL(`${SCHEME}/${found}`);
    },
    load(canonical) {
      const path = canonical.pathname.slice(1);
      const contents = readFile(path);
      if (contents === undefined) return null;
      const syntax = path.endsWith('.sass') ? 'indented' : path.endsWith('.scss') ? 'scss' : 'css';
      return { contents, syntax };
    },
  };
}

function styleError(
  code: 'PLZ_STYLE_LESS' | 'PLZ_STYLE_SASS',
  message: string,
  file: string,
  line: number,
  column: number,
): CompilerError {
  const position = { offset: 0, line, column };
  return new CompilerError(
    code,
    [message],
    { start: position, end: { ...position, column: column + 1 } },
    file,
  );
}
