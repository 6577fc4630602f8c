import type { Root } from 'postcss';
import { codeFrame } from '../code-frame.ts';
import { CompilerError } from '../errors.ts';
import { extensionOf, stripExtension } from '../package-path.ts';
import { dialects } from '../project/dialect.ts';
import { loadProject, type Project } from '../project/load-project.ts';
import type { StyleScope } from '../render-runtime/class-scope.ts';
import { LogicBundle } from '../script/logic-bundle.ts';
import { unresolvedRequires } from '../script/require-check.ts';
import { type ScriptFacts, scanScript } from '../script/scan-usage.ts';
import { prepareScripts, transformScript } from '../script/transform-script.ts';
import { compileStyle } from '../style/compile.ts';
import { styleSource } from '../style/preprocess.ts';
import { componentStyleScope } from '../style/style-scope.ts';
import { compileTemplates } from './compile-templates.ts';
import type { ComponentManifest, Manifest } from './manifest.ts';
import { sha256 } from './read-package.ts';
import { printViewBundle, type ViewEntry } from './view-bundle.ts';
import { writePackage } from './write-package.ts';

export interface BuildOptions {
  /** Folder to write; `<outDir>.tgz` is written beside it. Without it nothing is written. */
  outDir?: string;
}

export interface BuildResult {
  /** Present when the build succeeded. */
  manifest: Manifest | undefined;
  errors: CompilerError[];
  warnings: CompilerError[];
  /** The package files by path, when the build succeeded. */
  files?: Map<string, Buffer | string>;
  archive?: string;
  /** The program's folder the messages' `file`s are relative to (`miniprogramRoot` applied). */
  root?: string;
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
    const loaded = loadProject(projectDir);
    project = loaded.project;
    errors.push(...loaded.errors);
    warnings.push(...loaded.warnings);
    if (!project) return finish(undefined, errors, warnings);
    const result = buildProject(project, errors, options);
    return finish(project, errors, warnings, result);
  } catch (error) {
    // A bug of the compiler, not of the program: still an error value, never a thrown stack.
    errors.push(
      new CompilerError('PLZ_PKG_INVALID', [`internal compiler error: ${(error as Error).message}`]),
    );
    return finish(project, errors, warnings);
  }
}

function finish(
  project: Project | undefined,
  errors: CompilerError[],
  warnings: CompilerError[],
  result?: { manifest: Manifest; files: Map<string, Buffer | string>; archive: string | undefined },
): BuildResult {
  for (const error of [...errors, ...warnings]) {
    if (project && error.file && error.loc && !error.frame) {
      const source = project.readText(error.file);
      if (source !== undefined) error.frame = codeFrame(source, error.loc);
    }
  }
  const root = project ? { root: project.root } : {};
  if (errors.length || !result) return { manifest: undefined, errors, warnings, ...root };
  return {
    ...root,
    manifest: result.manifest,
    errors,
    warnings,
    files: result.files,
    ...(result.archive ? { archive: result.archive } : {}),
  };
}

function buildProject(project: Project, errors: CompilerError[], options: BuildOptions) {
  const report = (error: CompilerError) => errors.push(error);
  const ext = dialects[project.dialect];

  // Scripts first: components' literal options decide their style scope and external classes.
  const logic = new LogicBundle(
    '/* Plaza logic bundle: every script of the program as a CommonJS module. */',
  );
  const apis = new Set<string>();
  const facts = new Map<string, ScriptFacts>();
  const fileSet = new Set(project.files);
  const scripts = project.files.filter((file) => /\.(js|ts)$/.test(file) && !file.endsWith('.d.ts'));
  prepareScripts(
    project.root,
    scripts.map((path) => ({ path, source: project.readText(path) ?? '' })),
  );
  for (const file of scripts) {
    const script = transformScript(project.readText(file) ?? '', file);
    errors.push(...script.errors);
    logic.add(script.code, file, script.map, script.bodyLine);
    const scanned = scanScript(script.commonjs, [ext.namespace]);
    errors.push(...unresolvedRequires(file, scanned.requires, script.map, (path) => fileSet.has(path)));
    for (const api of scanned.apis) apis.add(api);
    facts.set(stripExtension(file), scanned);
  }

  const components: Record<string, ComponentManifest> = {};
  const externalClasses: Record<string, string[]> = {};
  for (const unit of project.units.values()) {
    if (unit.kind !== 'component') continue;
    const scanned = facts.get(unit.path);
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

  const { templates, wxs, tags } = compileTemplates(project, externalClasses, report);

  const styleCache = new Map<string, Root | CompilerError>();
  // Less and Sass sources are compiled to CSS first; imports of plain stylesheets see them compiled too.
  const styleText = (file: string) => styleSource(file, { readFile: project.readText, onError: report });
  const style = (file: string | undefined, scope: StyleScope | undefined) =>
    file
      ? compileStyle(styleText(file) ?? '', {
          filename: file,
          readFile: styleText,
          cache: styleCache,
          onError: report,
          ...(scope ? { scope } : {}),
        }).css
      : undefined;

  const appStyle = project.styleExtensions.map((extension) => `app${extension}`).find((f) => fileSet.has(f));
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

  if (errors.length) return undefined;

  const files = new Map<string, Buffer | string>();
  files.set('logic.js', logic.text());
  files.set('view.js', printViewBundle(wxs, entries));
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
  const archive = options.outDir ? writePackage(options.outDir, files) : undefined;
  return { manifest, files, archive };
}
