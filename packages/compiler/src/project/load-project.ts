import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { CompilerError } from '../errors.ts';
import type { SourceLocation } from '../location.ts';
import { compilerPlugins, styleExtensions } from '../style/style-languages.ts';
import {
  type AppConfig,
  appConfigSchema,
  type ComponentConfig,
  componentConfigSchema,
  type PackIgnore,
  projectConfigSchema,
} from './config-schema.ts';
import { type Dialect, detectDialect, dialects } from './dialect.ts';
import { readJsonFile } from './json-file.ts';
import { listFiles } from './list-files.ts';
import { mountedFiles, npmMounts } from './npm-packages.ts';
import { resolveComponentPath } from './resolve-component.ts';

/** A page or a custom component: the files that make it, and the components it uses. */
export interface ProjectUnit {
  kind: 'page' | 'component';
  /** Package path without extension (`pages/index/index`). */
  path: string;
  template: string | undefined;
  style: string | undefined;
  script: string | undefined;
  configFile: string | undefined;
  config: ComponentConfig;
  /** Tag → component package path: the app's global components merged with the unit's own. */
  usingComponents: Record<string, string>;
}

export interface Subpackage {
  root: string;
  name?: string;
  /** Full package paths of the subpackage's pages. */
  pages: string[];
  independent?: boolean;
}

export interface Project {
  /** Absolute path of the program root (the folder holding `app.json`). */
  root: string;
  dialect: Dialect;
  appConfig: AppConfig;
  /** Every page, main package first, as full package paths. */
  pages: string[];
  entryPage: string;
  subpackages: Subpackage[];
  units: Map<string, ProjectUnit>;
  /** Every file of the program, as package paths. */
  files: string[];
  /** Stylesheet extensions, first match wins: `.less`/`.scss`/`.sass` when `useCompilerPlugins` asks, then the dialect's. */
  styleExtensions: string[];
  /** Text of a package file, read once; `undefined` when it does not exist. */
  readText(path: string): string | undefined;
  /** Bytes of a package file (assets such as images). */
  readBinary(path: string): Buffer;
  errors: CompilerError[];
  warnings: CompilerError[];
  /** Pages app.json lists whose template does not exist: each fails alone. */
  missingPages: Map<string, CompilerError>;
  /** Component tag → why it cannot render (unresolved in app.json, a plugin): pages using it fail. */
  tagErrors: Map<string, CompilerError>;
}

/**
 * Loads a mini program folder: finds its root (`project.config.json`'s
 * `miniprogramRoot`), validates `app.json`, detects the dialect, and resolves
 * every page and component. Problems are collected, never thrown; the result
 * is `undefined` only when there is no usable `app.json`.
 *
 * @example
 * const { project, errors } = loadProject('examples/takeout');
 */
export function loadProject(
  projectDir: string,
  installedDependencies: ReadonlyMap<string, string> = new Map(),
): {
  project: Project | undefined;
  errors: CompilerError[];
  warnings: CompilerError[];
} {
  const errors: CompilerError[] = [];
  const warnings: CompilerError[] = [];
  const report = (error: CompilerError) => errors.push(error);
  let root = projectDir;
  let ignore: PackIgnore = [];
  let plugins = compilerPlugins(undefined);
  const configDir = projectConfigDir(projectDir);
  if (configDir !== undefined) {
    const text = readFileSync(join(configDir, 'project.config.json'), 'utf8');
    const config = readJsonFile(
      text,
      'project.config.json',
      projectConfigSchema,
      'PLZ_PROJ_JSON_SYNTAX',
      report,
    );
    plugins = compilerPlugins(config.value?.setting);
    const sources = config.value?.srcMiniprogramRoot;
    const srcRoot = typeof sources === 'string' ? sources : undefined;
    // With compiler plugins the sources (.ts, .less) live in srcMiniprogramRoot; Plaza compiles them itself.
    const roots = [...(plugins.size ? [srcRoot] : []), config.value?.miniprogramRoot, srcRoot];
    const nested = roots.find((dir) => dir && existsSync(join(configDir, dir, 'app.json')));
    if (nested && configDir === projectDir) root = join(projectDir, nested);
    ignore = config.value?.packOptions?.ignore ?? [];
  }
  if (!existsSync(join(root, 'app.json'))) {
    errors.push(new CompilerError('PLZ_PROJ_APP_JSON_MISSING', [root]));
    return { project: undefined, errors, warnings };
  }
  const files = listFiles(root, ignore);
  const texts = new Map<string, string | undefined>();
  const mounted = new Map<string, string>();
  const absolute = (path: string) => mounted.get(path) ?? join(root, path);
  let fileSet = new Set(files);
  const readText = (path: string) => {
    if (!texts.has(path))
      texts.set(path, fileSet.has(path) ? readFileSync(absolute(path), 'utf8') : undefined);
    return texts.get(path);
  };
  const appJson = readJsonFile(
    readText('app.json')!,
    'app.json',
    appConfigSchema,
    'PLZ_PROJ_APP_JSON_INVALID',
    report,
  );
  if (!appJson.value) return { project: undefined, errors, warnings };
  const appConfig = appJson.value;
  // Package folders committed under any `miniprogram_npm/` (`a/miniprogram_npm/@scope/name`).
  const committed = new Set(
    files.flatMap((file) => {
      const match = /^(.*?miniprogram_npm\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
      return match ? [match[1]!] : [];
    }),
  );
  const npm = npmMounts(root, projectDir, appConfig, committed, installedDependencies);
  for (const [path, file] of mountedFiles(npm.mounts)) {
    mounted.set(path, file);
    files.push(path);
  }
  for (const { name, manifest } of npm.missing) {
    // Only the author's `npm install` can bring it; the requires of it fail where they run.
    const file = relative(root, manifest).split(sep).join('/');
    // Read for positions only: `npmMounts` parsed this file already, so it reports nothing.
    const json = readJsonFile(
      readFileSync(manifest, 'utf8'),
      file,
      z.unknown(),
      'PLZ_PROJ_JSON_SYNTAX',
      () => {},
    );
    warnings.push(
      new CompilerError('PLZ_PROJ_NPM_NOT_INSTALLED', [name], json.locate(['dependencies', name]), file),
    );
  }
  fileSet = new Set(files);
  const dialect = detectDialect(files);
  if (!dialect) {
    errors.push(new CompilerError('PLZ_PROJ_DIALECT_UNKNOWN', [], undefined, 'app.json'));
    return { project: undefined, errors, warnings };
  }
  const ext = dialects[dialect];
  // A program of one dialect may hold templates of the other (ports between the two do).
  const templateExtensions = [ext.template, dialect === 'tt' ? '.wxml' : '.ttml'];
  const hasTemplate = (path: string) => templateExtensions.some((extension) => fileSet.has(path + extension));
  const missingPages = new Map<string, CompilerError>();
  const tagErrors = new Map<string, CompilerError>();
  const stylesheets = styleExtensions(ext.style, plugins);
  const firstExisting = (path: string, extensions: string[]) =>
    extensions.map((extension) => path + extension).find((file) => fileSet.has(file));

  const units = new Map<string, ProjectUnit>();
  const globalComponents = resolveUsingComponents(
    appConfig.usingComponents ?? {},
    'app.json',
    (key) => appJson.locate(['usingComponents', key]),
    hasTemplate,
    (tag, error) => {
      // An app-wide component that does not resolve stops only the pages showing it.
      errors.push(error);
      tagErrors.set(tag, error);
    },
    tagErrors,
  );
  const pending: { path: string; kind: ProjectUnit['kind'] }[] = [];
  const addUnit = (path: string, kind: ProjectUnit['kind']) => {
    if (units.has(path)) return;
    const configFile = firstExisting(path, ['.json']);
    let config: ComponentConfig = {};
    let locate: (path: readonly PropertyKey[]) => SourceLocation | undefined = () => undefined;
    if (configFile) {
      const json = readJsonFile(
        readText(configFile)!,
        configFile,
        componentConfigSchema,
        'PLZ_PROJ_COMPONENT_JSON_INVALID',
        report,
      );
      config = json.value ?? {};
      locate = json.locate;
    }
    const own = resolveUsingComponents(
      config.usingComponents ?? {},
      configFile ?? `${path}.json`,
      (key) => locate(['usingComponents', key]),
      hasTemplate,
      (_, error) => report(error),
      tagErrors,
    );
    const unit: ProjectUnit = {
      kind,
      path,
      template: firstExisting(path, templateExtensions),
      style: firstExisting(path, [...stylesheets, dialect === 'tt' ? '.wxss' : '.ttss']),
      script: firstExisting(path, ['.js', '.ts']),
      configFile,
      config,
      usingComponents: { ...globalComponents, ...own },
    };
    units.set(path, unit);
    for (const component of Object.values(own)) pending.push({ path: component, kind: 'component' });
  };

  const pages: string[] = [];
  const checkPage = (page: string, where: readonly PropertyKey[]) => {
    const path = page.replace(/^\//, '');
    if (!hasTemplate(path)) {
      const error = new CompilerError(
        'PLZ_PROJ_PAGE_MISSING',
        [page, path + ext.template],
        appJson.locate(where),
        'app.json',
      );
      errors.push(error);
      missingPages.set(path, error);
      return;
    }
    pages.push(path);
    addUnit(path, 'page');
  };
  appConfig.pages.forEach((page, i) => {
    checkPage(page, ['pages', i]);
  });
  const subpackageKey = appConfig.subpackages ? 'subpackages' : 'subPackages';
  const subpackages: Subpackage[] = (appConfig.subpackages ?? appConfig.subPackages ?? []).map((sub, s) => {
    const base = sub.root.replace(/^\/|\/$/g, '');
    const full = sub.pages.map((page, i) => {
      checkPage(`${base}/${page.replace(/^\//, '')}`, [subpackageKey, s, 'pages', i]);
      return `${base}/${page.replace(/^\//, '')}`;
    });
    return {
      root: base,
      pages: full,
      ...(sub.name ? { name: sub.name } : {}),
      ...(sub.independent ? { independent: true } : {}),
    };
  });
  for (const path of Object.values(globalComponents)) pending.push({ path, kind: 'component' });
  while (pending.length) {
    const next = pending.shift()!;
    addUnit(next.path, next.kind);
  }
  const entry = (appConfig.entryPagePath ?? appConfig.pages[0] ?? '').replace(/^\//, '');
  return {
    project: {
      root,
      dialect,
      appConfig,
      pages,
      entryPage: pages.includes(entry) ? entry : (pages[0] ?? entry),
      subpackages,
      units,
      files,
      styleExtensions: stylesheets,
      readText,
      readBinary: (path) => readAsset(absolute(path)),
      errors,
      warnings,
      missingPages,
      tagErrors,
    },
    errors,
    warnings,
  };
}

/**
 * The folder whose `project.config.json` describes `projectDir`: its own, or, when the program
 * folder itself is given (`<project>/miniprogram`), the project's one level up that names it as
 * its `miniprogramRoot` or `srcMiniprogramRoot`, so its compiler plugins still apply.
 */
function projectConfigDir(projectDir: string): string | undefined {
  if (existsSync(join(projectDir, 'project.config.json'))) return projectDir;
  const parent = dirname(projectDir);
  const file = join(parent, 'project.config.json');
  if (parent === projectDir || !existsSync(file)) return undefined;
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // not this program's to report: it was not asked to load that project
  }
  const { miniprogramRoot, srcMiniprogramRoot } = (config ?? {}) as Record<string, unknown>;
  const names = [miniprogramRoot, srcMiniprogramRoot].filter((v): v is string => typeof v === 'string');
  return names.some((name) => resolve(parent, name) === resolve(projectDir)) ? parent : undefined;
}

function resolveUsingComponents(
  using: Record<string, string>,
  file: string,
  locate: (key: string) => SourceLocation | undefined,
  hasTemplate: (path: string) => boolean,
  unresolved: (tag: string, error: CompilerError) => void,
  tagErrors: Map<string, CompilerError>,
): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [tag, value] of Object.entries(using)) {
    if (/^[a-z]+:\/\//.test(value)) {
      // Plugins (`plugin://…`) come from the platform's marketplace: the pages showing one fail.
      tagErrors.set(tag, new CompilerError('PLZ_PROJ_PLUGIN', [value], locate(tag), file));
      continue;
    }
    const path = resolveComponentPath(file, value, hasTemplate);
    if (path) resolved[tag] = path;
    else unresolved(tag, new CompilerError('PLZ_PROJ_COMPONENT_UNRESOLVED', [tag, value], locate(tag), file));
  }
  return resolved;
}

/** Assets as last read, by file: a rebuild reads again only what changed on disk since. */
const assets = new Map<string, { stamp: string; content: Buffer }>();

function readAsset(file: string): Buffer {
  const { mtimeMs, ctimeMs, size, ino } = statSync(file);
  const stamp = `${mtimeMs}:${ctimeMs}:${size}:${ino}`;
  const known = assets.get(file);
  if (known?.stamp === stamp) return known.content;
  const content = readFileSync(file);
  assets.set(file, { stamp, content });
  return content;
}
