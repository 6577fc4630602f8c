import { compileTemplate, dialects, type Project, resolvePackagePath } from '@plaza/compiler';

/** What one page brings in: its files, the tags its templates use, the API members its scripts name. */
export interface PageReach {
  files: Set<string>;
  tags: Set<string>;
  apis: Set<string>;
}

/**
 * Follows each page of a loaded program to everything it uses: its template and those it
 * imports or includes, its script and what that requires, its style, its json, and the same for
 * every custom component it renders (transitively). `app.*` files belong to every page. Lets the
 * migration report say how many pages an unsupported API or component touches, and which page
 * a build message concerns.
 *
 * @example
 * pageReach(project).get('pages/index/index')?.tags.has('map') // true when that page shows a map
 */
export function pageReach(project: Project): Map<string, PageReach> {
  const ext = dialects[project.dialect];
  const files = new Set(project.files);
  const templateCache = new Map<string, { tags: string[]; references: string[] }>();
  const template = (file: string) => {
    let compiled = templateCache.get(file);
    if (!compiled) {
      const result = compileTemplate(project.readText(file) ?? '', {
        filename: file,
        dialect: project.dialect,
      });
      const references = [...result.imports, ...result.includes, ...result.wxs.flatMap((m) => m.file ?? [])]
        .flatMap((reference) => (reference.path ? [reference.path] : []))
        .map((path) => (/\.[a-z]+$/.test(path) ? path : `${path}${ext.template}`));
      compiled = { tags: result.tags, references };
      templateCache.set(file, compiled);
    }
    return compiled;
  };
  const scriptOf = (request: string, from: string): string | undefined => {
    const base = resolvePackagePath(from, request);
    if (base === undefined) return undefined;
    const stem = base.replace(/\.(js|ts)$/, '');
    return [base, `${stem}.js`, `${stem}.ts`, `${base}/index.js`, `${base}/index.ts`].find((f) =>
      files.has(f),
    );
  };

  const appFiles = [...files].filter((file) => /^app\.[a-z]+$/.test(file));
  const reaches = new Map<string, PageReach>();
  for (const page of project.pages) {
    const reach: PageReach = { files: new Set(), tags: new Set(), apis: new Set() };
    const pending = [...appFiles];
    const units = [page];
    const seenUnits = new Set<string>();
    while (units.length) {
      const path = units.pop()!;
      const unit = project.units.get(path);
      if (!unit || seenUnits.has(path)) continue;
      seenUnits.add(path);
      for (const file of [unit.template, unit.script, unit.style, unit.configFile])
        if (file) pending.push(file);
      const templateTags = new Set<string>();
      const templates = unit.template ? [unit.template] : [];
      const seenTemplates = new Set<string>();
      while (templates.length) {
        const file = templates.pop()!;
        if (seenTemplates.has(file) || !files.has(file)) continue;
        seenTemplates.add(file);
        pending.push(file);
        const compiled = template(file);
        for (const tag of compiled.tags) templateTags.add(tag);
        templates.push(...compiled.references.filter((ref) => ref.endsWith(ext.template)));
        pending.push(...compiled.references.filter((ref) => !ref.endsWith(ext.template)));
      }
      for (const tag of templateTags) {
        const component = unit.usingComponents[tag];
        if (component) units.push(component);
        else reach.tags.add(tag);
      }
    }
    while (pending.length) {
      const file = pending.pop()!;
      if (reach.files.has(file) || !files.has(file)) continue;
      reach.files.add(file);
      if (!/\.(js|ts)$/.test(file)) continue;
      const source = project.readText(file) ?? '';
      for (const match of source.matchAll(apiPattern(ext.namespace))) reach.apis.add(match[1]!);
      for (const match of source.matchAll(
        /\brequire\(\s*["'`]([^"'`\n]+)["'`]\s*\)|\bfrom\s+["']([^"'\n]+)["']/g,
      )) {
        const script = scriptOf(match[1] ?? match[2]!, file);
        if (script) pending.push(script);
      }
    }
    reaches.set(page, reach);
  }
  return reaches;
}

const patterns = new Map<string, RegExp>();
function apiPattern(namespace: string): RegExp {
  let pattern = patterns.get(namespace);
  if (!pattern) {
    pattern = new RegExp(`\\b${namespace}\\s*\\.\\s*([A-Za-z_$][\\w$]*)`, 'g');
    patterns.set(namespace, pattern);
  }
  return pattern;
}
