import type { CompilerError } from '../errors.ts';
import type { Project } from '../project/load-project.ts';
import type { CompiledTemplate } from '../template/compile.ts';

/** What one page is made of: every file it needs and every tag its templates use. */
interface PageParts {
  files: Set<string>;
  tags: Set<string>;
}

/** Errors sorted by who they stop: the whole app, some pages, or nothing that runs. */
export interface IsolatedErrors {
  /** Errors no page can run without fixing: app.json, app.js, app.wxss, unknown place. */
  app: CompilerError[];
  /** Page → the errors that stop it (its own files, its components', the templates it includes). */
  pages: Map<string, CompilerError[]>;
}

/**
 * Attributes each build error to the pages it stops, so one broken page does not stop the
 * others, as on the platforms. An error in a file no page uses stops nothing (it is still
 * reported). `tagErrors` are errors about a component tag (an unresolved global component, a
 * plugin): they stop the pages whose templates use the tag.
 */
export function isolateErrors(
  project: Project,
  errors: readonly CompilerError[],
  templates: ReadonlyMap<string, CompiledTemplate>,
  styleImports: ReadonlyMap<string, readonly string[]>,
  tagErrors: ReadonlyMap<string, CompilerError>,
  missingPages: ReadonlyMap<string, CompilerError>,
): IsolatedErrors {
  const app: CompilerError[] = [];
  const pages = new Map<string, CompilerError[]>();
  const add = (page: string, error: CompilerError) => {
    const list = pages.get(page) ?? [];
    if (!list.includes(error)) list.push(error);
    pages.set(page, list);
  };
  for (const [page, error] of missingPages) add(page, error);
  // Most builds have nothing to attribute: no need to walk every page's parts then.
  if (!errors.length && !tagErrors.size) return { app, pages };
  const parts = new Map(project.pages.map((page) => [page, partsOf(project, page, templates, styleImports)]));
  for (const error of errors) {
    if ([...missingPages.values()].includes(error) || [...tagErrors.values()].includes(error)) continue;
    if (isAppWide(error.file)) {
      app.push(error);
      continue;
    }
    for (const [page, part] of parts) if (part.files.has(error.file!)) add(page, error);
  }
  for (const [tag, error] of tagErrors) {
    for (const [page, part] of parts) if (part.tags.has(tag)) add(page, error);
  }
  return { app, pages };
}

function isAppWide(file: string | undefined): boolean {
  return file === undefined || /^app\.[a-z]+$/.test(file) || file === 'project.config.json';
}

function partsOf(
  project: Project,
  page: string,
  templates: ReadonlyMap<string, CompiledTemplate>,
  styleImports: ReadonlyMap<string, readonly string[]>,
): PageParts {
  const files = new Set<string>();
  const tags = new Set<string>();
  const units = new Set<string>();
  const addTemplate = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const compiled = templates.get(file);
    if (!compiled) return;
    for (const tag of compiled.tags) tags.add(tag);
    for (const module of compiled.wxs) if (module.file?.path) files.add(module.file.path);
    for (const reference of [...compiled.imports, ...compiled.includes])
      if (reference.path) addTemplate(reference.path);
  };
  const addUnit = (path: string) => {
    if (units.has(path)) return;
    units.add(path);
    const unit = project.units.get(path);
    if (!unit) return;
    for (const file of [unit.script, unit.configFile ?? `${path}.json`]) if (file) files.add(file);
    if (unit.style) {
      files.add(unit.style);
      for (const imported of styleImports.get(unit.style) ?? []) files.add(imported);
    }
    if (unit.template) addTemplate(unit.template);
    // A component counts only where a template of the page uses its tag (app.json declares
    // many that a page never shows).
    for (const [tag, component] of Object.entries(unit.usingComponents))
      if (tags.has(tag)) addUnit(component);
  };
  addUnit(page);
  return { files, tags };
}
