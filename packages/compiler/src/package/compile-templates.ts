import { parse as parseScript } from 'acorn';
import { CompilerError } from '../errors.ts';
import { createLocator } from '../location.ts';
import { extensionOf, resolvePackagePath, stripExtension } from '../package-path.ts';
import { dialects } from '../project/dialect.ts';
import type { Project } from '../project/load-project.ts';
import type { CompiledTemplate } from '../template/compile.ts';
import { compileTemplateCached } from '../template/compile-cached.ts';

export interface TemplateModules {
  /** Template file → its compiled module, for pages, components and every file they import or include. */
  templates: Map<string, CompiledTemplate>;
  /** wxs/sjs file → source, including files reached through `require`. */
  wxs: Map<string, string>;
  /** Every tag used in any template. */
  tags: Set<string>;
}

/**
 * Compiles every template reachable from the pages and components, follows
 * `<import>`/`<include>` (each file compiled once), reports references that do
 * not resolve and cycles, and gathers the wxs/sjs modules with their requires.
 */
export function compileTemplates(
  project: Project,
  externalClasses: Record<string, string[]>,
  report: (error: CompilerError) => void,
  builtinTags?: ReadonlySet<string>,
): TemplateModules {
  const ext = dialects[project.dialect];
  const templates = new Map<string, CompiledTemplate>();
  const wxs = new Map<string, string>();
  const tags = new Set<string>();
  const using = new Map<string, Record<string, string>>();
  const compileFile = (
    file: string,
    usingComponents: Record<string, string>,
    inheritedWxs: string[] = [],
  ) => {
    const source = project.readText(file) ?? '';
    const compiled = compileTemplateCached(source, {
      filename: file,
      dialect: project.dialect,
      usingComponents,
      externalClasses,
      inheritedWxs,
      ...(builtinTags ? { builtinTags } : {}),
    });
    templates.set(file, compiled);
    for (const reference of [...compiled.imports, ...compiled.includes]) {
      const target = reference.path && resolveTemplateFile(project, reference.path, ext.template);
      reference.path = target;
      if (target && !templates.has(target)) {
        using.set(target, usingComponents);
        compileFile(target, usingComponents);
      }
    }
  };
  for (const unit of project.units.values()) {
    if (unit.template && !templates.has(unit.template)) compileFile(unit.template, unit.usingComponents);
  }
  // An included file sees the wxs modules of every file including it, as the platforms inline it.
  const inherited = inheritedWxs(templates);
  for (const [file, names] of inherited) compileFile(file, using.get(file) ?? {}, [...names]);

  for (const [file, compiled] of templates) {
    for (const problem of [...compiled.errors, ...compiled.warnings]) report(problem);
    for (const tag of compiled.tags) tags.add(tag);
    for (const reference of [...compiled.imports, ...compiled.includes]) {
      if (reference.path) continue;
      const kind = compiled.imports.includes(reference) ? '<import src>' : '<include src>';
      report(new CompilerError('PLZ_PROJ_IMPORT_UNRESOLVED', [kind, reference.src], reference.loc, file));
    }
    for (const module of compiled.wxs) {
      if (module.file) {
        const target = module.file.path && resolveModuleFile(project, module.file.path, ext.module);
        if (!target) {
          report(
            new CompilerError(
              'PLZ_PROJ_IMPORT_UNRESOLVED',
              [`<${ext.moduleTag} src>`, module.file.src],
              module.file.loc,
              file,
            ),
          );
          continue;
        }
        module.file.path = target;
        addWxs(target, project, wxs, report);
      } else if (module.code !== undefined) {
        checkWxsSyntax(module.code, file, module.loc.start.line, report);
      }
    }
  }
  reportCycles(templates, report);
  return { templates, wxs, tags };
}

/**
 * A template named by `<import>`/`<include>`: as written, else with the dialect's extension,
 * else with the other dialect's. Ports between the dialects keep the other one's names: a
 * Douyin program may hold `.wxml` files, or name its `.ttml` file `x.wxml`, and the reverse.
 */
function resolveTemplateFile(project: Project, path: string, extension: string): string | undefined {
  return firstFile(project, path, extension, ['.wxml', '.ttml']);
}

/** A wxs/sjs file as `<wxs src>` names it, either dialect's extension accepted. */
function resolveModuleFile(project: Project, path: string, extension: string): string | undefined {
  return firstFile(project, path, extension, ['.wxs', '.sjs']);
}

function firstFile(
  project: Project,
  path: string,
  extension: string,
  pair: readonly [string, string],
): string | undefined {
  const written = extensionOf(path);
  const base = pair.includes(written) ? stripExtension(path) : path;
  const candidates =
    written && !pair.includes(written) ? [path] : [path, base + extension, ...pair.map((e) => base + e)];
  return candidates.find((candidate) => project.readText(candidate) !== undefined);
}

/** Included file → wxs names it inherits from its includers, transitively. */
function inheritedWxs(templates: Map<string, CompiledTemplate>): Map<string, Set<string>> {
  const inherited = new Map<string, Set<string>>();
  let changed = true;
  // A fixpoint over the include graph; each round only grows the sets, so it ends.
  while (changed) {
    changed = false;
    for (const [file, compiled] of templates) {
      const names = [...compiled.wxs.map((module) => module.name), ...(inherited.get(file) ?? [])];
      if (!names.length) continue;
      for (const reference of compiled.includes) {
        if (!reference.path || reference.path === file) continue;
        const set = inherited.get(reference.path) ?? new Set<string>();
        for (const name of names) {
          if (!set.has(name)) {
            set.add(name);
            changed = true;
          }
        }
        inherited.set(reference.path, set);
      }
    }
  }
  return inherited;
}

function addWxs(
  file: string,
  project: Project,
  wxs: Map<string, string>,
  report: (error: CompilerError) => void,
) {
  if (wxs.has(file)) return;
  const source = project.readText(file) ?? '';
  wxs.set(file, source);
  checkWxsSyntax(source, file, 1, report);
  for (const match of source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
    const resolved = resolvePackagePath(file, match[1]!);
    const target = resolved && (extensionOf(resolved) ? resolved : resolved + extensionOf(file));
    if (!target || project.readText(target) === undefined) {
      const locate = createLocator(source);
      const at = match.index ?? 0;
      report(
        new CompilerError(
          'PLZ_SCRIPT_REQUIRE_UNRESOLVED',
          [match[1]!],
          { start: locate(at), end: locate(at + match[0].length) },
          file,
        ),
      );
      continue;
    }
    addWxs(target, project, wxs, report);
  }
}

/**
 * wxs/sjs run in the view in strict mode: a syntax error (a sloppy-only construct included)
 * must fail the build, not the page.
 */
function checkWxsSyntax(
  source: string,
  file: string,
  firstLine: number,
  report: (error: CompilerError) => void,
) {
  const strict = "'use strict';";
  try {
    parseScript(strict + source, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
      locations: true,
    });
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const line = (loc?.line ?? 1) + firstLine - 1;
    const column = (loc?.column ?? 0) + 1 - (loc?.line === 1 ? strict.length : 0);
    const position = { offset: 0, line, column };
    const message = String((error as Error).message).replace(/\s*\(\d+:\d+\)$/, '');
    report(
      new CompilerError(
        'PLZ_SCRIPT_SYNTAX',
        [message],
        { start: position, end: { ...position, column: column + 1 } },
        file,
      ),
    );
  }
}

/** `<import>`/`<include>` cycles: reported once per cycle, at the reference that closes it. */
function reportCycles(templates: Map<string, CompiledTemplate>, report: (error: CompilerError) => void) {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'visiting');
    stack.push(file);
    const compiled = templates.get(file);
    for (const reference of [...(compiled?.imports ?? []), ...(compiled?.includes ?? [])]) {
      const target = reference.path;
      if (!target || !templates.has(target)) continue;
      if (state.get(target) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(target)), target];
        const kind = compiled!.imports.includes(reference) ? 'import' : 'include';
        report(new CompilerError('PLZ_PROJ_CIRCULAR_IMPORT', [kind, cycle.join(' → ')], reference.loc, file));
      } else if (!state.has(target)) {
        visit(target);
      }
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of templates.keys()) if (!state.has(file)) visit(file);
}

/** Module id of a template file: its path without extension. */
export const templateModuleId = stripExtension;
