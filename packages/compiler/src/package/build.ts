import type { Root } from 'postcss';
import { codeFrame } from '../code-frame.ts';
import { CompilerError } from '../errors.ts';
import { extensionOf, stripExtension } from '../package-path.ts';
import { dialects } from '../project/dialect.ts';
import { loadProject, type Project } from '../project/load-project.ts';
import type { StyleScope } from '../render-runtime/class-scope.ts';
import { LogicBundle } from '../script/logic-bundle.ts';
import { unresolvedRequires } from '../script/require-check.ts';
import { scanScript } from '../script/scan-usage.ts';
import { startPreparingScripts, transformScript } from '../script/transform-script.ts';
import { compileStyleCached } from '../style/compile-cached.ts';
import { styleSource } from '../style/preprocess.ts';
import { componentStyleScope } from '../style/style-scope.ts';
import { staticChildren } from '../template/static-children.ts';
import { compileTemplates } from './compile-templates.ts';
import type { ComponentManifest, Manifest } from './manifest.ts';
import { isolateErrors } from './page-isolation.ts';
import { sha256 } from './read-package.ts';
import { printViewBundle, type ViewEntry, viewStatements } from './view-bundle.ts';
import { writePackage } from './write-package.ts';

export interface BuildOptions {
  /** Folder to write; `<outDir>.tgz` is written beside it. Without it nothing is written. */
  outDir?: string;
  /**
   * The built-in components the view renders (the container's registry): a tag that is none
   * of them and no custom component is reported with a warning where it is used.
   */
  builtinTags?: ReadonlySet<string>;
  /**
   * `package.json` (absolute path) → a folder whose `node_modules` holds its dependencies,
   * for a program whose author has not run `npm install` (see `plaza check`).
   */
  installedDependencies?: ReadonlyMap<string, string>;
}

export interface BuildResult {
  /** Present when nothing app-wide failed: pages with errors of their own are in `pageErrors`. */
  manifest: Manifest | undefined;
  /** Every error, app-wide or not; the archive is written only when there is none. */
  errors: CompilerError[];
  warnings: CompilerError[];
  /**
   * Page → the errors that stop it (a file it needs, a component or plugin it shows, its
   * missing template). The other pages build and run, as on the platforms.
   */
  pageErrors: Map<string, CompilerError[]>;
  /** The package files by path, when the build succeeded. */
  files?: Map<string, Buffer | string>;
  archive?: string;
  /** The program's folder the messages' `file`s are relative to (`miniprogramRoot` applied). */
  root?: string;
  /**
   * The bundles' pieces, when the build succeeded: `logic.js`'s modules by file and `view.js`'s
   * statements by what they define. `plaza dev` compares two builds' pieces to swap only what
   * changed into the running program.
   */
  parts?: BuildParts;
}

export interface BuildParts {
  /** Logic module code by file (`pages/a/a.js`, `utils/x.js`, `data.json`). */
  logic: Map<string, string>;
  /** `view.js` statements by `wxs:<path>` or template module id. */
  view: Map<string, string>;
}

/** Built-in structure tags: not components a platform has to provide. */
const structuralTags = new Set(['block', 'template', 'import', 'include', 'slot', 'wxs', 'sjs']);
const sourceExtensions = new Set([
  '.js',
  '.ts',
  '.wxml',
  '.ttml',
  '.wxss',
  '.ttss',
  '.wxs',
  '.sjs',
  '.less',
  '.scss',
  '.sass',
  '.json',
  '.md',
]);

/**
 * Builds a mini program folder into a package: `manifest.json`, `logic.js`,
 * `view.js`, the program's assets, and a `.tgz` of them. Every error of the
 * program is reported (with `file:line:col` and a code frame); none throws.
 *
 * @example
 * const { manifest, errors } = build('examples/takeout/miniprogram', { outDir: 'dist/takeout' });
 */
export function build(projectDir: string, options: BuildOptions = {}): BuildResult {
  let project: Project | undefined;
  const errors: CompilerError[] = [];
  const warnings: CompilerError[] = [];
  try {
    const loaded = loadProject(projectDir, options.installedDependencies);
    project = loaded.project;
    errors.push(...loaded.errors);
    warnings.push(...loaded.warnings);
    if (!project) return finish(undefined, errors, warnings, new Map());
    const result = buildProject(project, errors, warnings, options);
    return finish(project, errors, warnings, result.pageErrors, result.built);
  } catch (error) {
    // A bug of the compiler, not of the program: still an error value, never a thrown stack.
    errors.push(
      new CompilerError('PLZ_PKG_INVALID', [`internal compiler error: ${(error as Error).message}`]),
    );
    return finish(project, errors, warnings, new Map());
  }
}

function finish(
  project: Project | undefined,
  errors: CompilerError[],
  warnings: CompilerError[],
  pageErrors: Map<string, CompilerError[]>,
  result?: {
    manifest: Manifest;
    files: Map<string, Buffer | string>;
    archive: string | undefined;
    parts: BuildParts;
  },
): BuildResult {
  for (const error of [...errors, ...warnings]) {
    if (project && error.file && error.loc && !error.frame) {
      const source = project.readText(error.file);
      if (source !== undefined) error.frame = codeFrame(source, error.loc);
    }
  }
  const root = project ? { root: project.root } : {};
  if (!result) return { manifest: undefined, errors, warnings, pageErrors, ...root };
  return {
    ...root,
    manifest: result.manifest,
    errors,
    warnings,
    pageErrors,
    files: result.files,
    parts: result.parts,
    ...(result.archive ? { archive: result.archive } : {}),
  };
}

function buildProject(
  project: Project,
  errors: CompilerError[],
  warnings: CompilerError[],
  options: BuildOptions,
) {
  const report = (error: CompilerError) => (error.severity === 'warning' ? warnings : errors).push(error);
  const ext = dialects[project.dialect];

  const logic = new LogicBundle(
    '/* Plaza logic bundle: every script of the program as a CommonJS module. */',
  );
  const logicModules = new Map<string, string>();
  const addModule = (code: string, file: string, map: string | undefined, bodyLine: number) => {
    logic.add(code, file, map, bodyLine);
    logicModules.set(file, code);
  };
  const apis = new Set<string>();
  const fileSet = new Set(project.files);
  const scripts = project.files.filter((file) => /\.(js|ts)$/.test(file) && !file.endsWith('.d.ts'));
  // The scripts compile in esbuild while the templates and styles compile here.
  const batch = startPreparingScripts(
    project.root,
    scripts.map((path) => ({ path, source: project.readText(path) ?? '' })),
  );
  const scan = (file: string) =>
    scanScript(transformScript(project.readText(file) ?? '', file).commonjs, [ext.namespace]);

  // Components' literal options decide their style scope and external classes, which the
  // templates need: their scripts are read first (the last script of a path names it).
  const componentScripts = new Map(scripts.map((file) => [stripExtension(file), file]));
  const components: Record<string, ComponentManifest> = {};
  const externalClasses: Record<string, string[]> = {};
  for (const unit of project.units.values()) {
    if (unit.kind !== 'component') continue;
    const file = componentScripts.get(unit.path);
    const scanned = file === undefined ? undefined : scan(file);
    const styleOptions = {
      ...(scanned?.options ?? {}),
      ...(unit.config.styleIsolation ? { styleIsolation: unit.config.styleIsolation } : {}),
      ...(unit.config.addGlobalClass ? { addGlobalClass: true } : {}),
    };
    const { scope, isolation } = componentStyleScope(unit.path, styleOptions);
    externalClasses[unit.path] = scanned?.externalClasses ?? [];
    components[unit.path] = {
      usingComponents: unit.usingComponents,
      options: styleOptions,
      externalClasses: externalClasses[unit.path]!,
      styleIsolation: isolation,
      styleScope: scope,
    };
  }

  // Reported after the scripts' messages, in the order a build has always given them.
  const later: CompilerError[] = [];
  const reportLater = (error: CompilerError) => later.push(error);
  const { templates, wxs, tags } = compileTemplates(
    project,
    externalClasses,
    reportLater,
    options.builtinTags,
  );

  const styleCache = new Map<string, Root | CompilerError>();
  // Less and Sass sources are compiled to CSS first; imports of plain stylesheets see them compiled too.
  const styleText = (file: string) => styleSource(file, { readFile: project.readText, onError: reportLater });
  const styleImports = new Map<string, string[]>();
  const style = (file: string | undefined, scope: StyleScope | undefined) => {
    if (!file) return undefined;
    const compiled = compileStyleCached(styleText(file) ?? '', {
      filename: file,
      readFile: styleText,
      cache: styleCache,
      onError: reportLater,
      ...(scope ? { scope } : {}),
    });
    styleImports.set(file, compiled.imports);
    return compiled.css;
  };

  // A port between the dialects may keep the other one's app stylesheet.
  const appStyle = [
    ...project.styleExtensions.map((extension) => `app${extension}`),
    'app.wxss',
    'app.ttss',
  ].find((file) => fileSet.has(file));
  const entries: ViewEntry[] = [{ id: 'app', css: style(appStyle, undefined) ?? '' }];
  const unitsByTemplate = new Map([...project.units.values()].map((unit) => [unit.template, unit]));
  for (const [file, compiled] of templates) {
    const unit = unitsByTemplate.get(file);
    const component = unit?.kind === 'component' ? components[unit.path] : undefined;
    const scopedCss = component && component.styleIsolation !== 'shared' ? component.styleScope : undefined;
    entries.push({
      id: stripExtension(file),
      code: compiled.code,
      ...(unit ? { css: style(unit.style, scopedCss) ?? '', usingComponents: unit.usingComponents } : {}),
      ...(component ? { styleScope: component.styleScope } : {}),
    });
  }

  batch.finish();
  for (const file of scripts) {
    const script = transformScript(project.readText(file) ?? '', file);
    for (const error of script.errors) report(error);
    // A script that does not parse fails where it is required, as on the platforms.
    addModule(
      script.errors.length ? failingModule(file, script.errors[0]!) : script.code,
      file,
      script.map,
      script.bodyLine,
    );
    const scanned = scanScript(script.commonjs, [ext.namespace]);
    // A script with a syntax error is reported as such already.
    if (scanned.unreadable !== undefined && script.errors.length === 0)
      report(new CompilerError('PLZ_SCRIPT_USAGE_UNKNOWN', [scanned.unreadable], undefined, file));
    for (const warning of unresolvedRequires(file, scanned.requires, script.map, (path) => fileSet.has(path)))
      report(warning);
    for (const api of scanned.apis) apis.add(api);
  }

  // JSON files are modules too: `require('./data.json')` works on the platforms.
  for (const file of project.files) {
    if (file.endsWith('.json') && file !== 'project.config.json')
      addModule(jsonModule(file, project.readText(file) ?? ''), file, undefined, 0);
  }
  for (const error of later) report(error);

  const isolated = isolateErrors(
    project,
    errors,
    templates,
    styleImports,
    project.tagErrors,
    project.missingPages,
  );
  if (isolated.app.length) return { pageErrors: isolated.pages, built: undefined };

  const files = new Map<string, Buffer | string>();
  files.set('logic.js', logic.text());
  const viewParts = viewStatements(wxs, entries);
  files.set('view.js', printViewBundle(viewParts));
  for (const file of project.files) {
    if (sourceExtensions.has(extensionOf(file)) || file === 'project.config.json') continue;
    files.set(file, project.readBinary(file));
  }
  const customTags = new Set(
    [...project.units.values()].flatMap((unit) => Object.keys(unit.usingComponents)),
  );
  const hashes: Record<string, string> = {};
  const sizes: Record<string, number> = {};
  for (const [path, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    hashes[path] = sha256(content);
    sizes[path] = Buffer.byteLength(content);
  }
  const manifest: Manifest = {
    format: 1,
    dialect: project.dialect,
    appConfig: project.appConfig,
    entryPage: project.entryPage,
    pages: project.pages,
    subpackages: project.subpackages,
    components,
    staticChildren: Object.fromEntries(
      [...project.units.values()].flatMap((unit) => {
        const ast = unit.template ? templates.get(unit.template)?.ast : undefined;
        const children = ast ? staticChildren(ast, unit.usingComponents) : [];
        return children.length ? [[unit.path, children]] : [];
      }),
    ),
    pageConfigs: Object.fromEntries(
      project.pages.map((page) => [page, (project.units.get(page)?.config ?? {}) as Record<string, unknown>]),
    ),
    files: hashes,
    sizes,
    size: Object.values(sizes).reduce((sum, size) => sum + size, 0),
    usage: {
      apis: [...apis].sort(),
      components: [...tags].filter((tag) => !structuralTags.has(tag) && !customTags.has(tag)).sort(),
    },
  };
  files.set('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  const archive = options.outDir && !errors.length ? writePackage(options.outDir, files) : undefined;
  const parts = { logic: logicModules, view: viewParts };
  return { pageErrors: isolated.pages, built: { manifest, files, archive, parts } };
}

/** A module that throws its file's first syntax error when required. */
function failingModule(file: string, error: CompilerError): string {
  const message = `${file}:${error.loc?.start.line ?? 1}:${error.loc?.start.column ?? 1}: ${error.message} [${error.code}]`;
  return `__plaza_define(${JSON.stringify(file.replace(/\.ts$/, '.js'))}, function () {\n  throw new SyntaxError(${JSON.stringify(message)});\n});\n`;
}

/** A `.json` file as a CommonJS module; one that does not parse throws when required. */
function jsonModule(file: string, text: string): string {
  let body: string;
  try {
    body = `module.exports = ${JSON.stringify(JSON.parse(text))};`;
  } catch (error) {
    body = `throw new SyntaxError(${JSON.stringify(`${file}: ${(error as Error).message}`)});`;
  }
  return `__plaza_define(${JSON.stringify(file)}, function (require, module) {\n  ${body}\n});\n`;
}
