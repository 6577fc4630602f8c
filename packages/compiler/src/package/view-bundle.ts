import type { StyleScope } from '../render-runtime/class-scope.ts';
import { wxsFactory } from '../template/codegen.ts';

export interface ViewEntry {
  id: string;
  /** The compiled template module expression; absent for the app's stylesheet entry. */
  code?: string;
  css?: string;
  usingComponents?: Record<string, string>;
  styleScope?: StyleScope;
}

/**
 * Prints `view.js`: one `__plaza_wxs_define(path, factory)` per wxs/sjs file,
 * then one `__plaza_view_define(id, module)` per template file (plus `app`
 * carrying the global stylesheet).
 */
export function printViewBundle(statements: Map<string, string>): string {
  const out = ['/* Plaza view bundle: templates, wxs modules and styles. */', ...statements.values()];
  return `${out.join('\n')}\n`;
}

/**
 * The statements of `view.js`, each by what it defines (`wxs:<path>` for a wxs/sjs file, the
 * module id for a template): `plaza dev` sends a running program only the ones that changed.
 */
export function viewStatements(wxs: Map<string, string>, entries: ViewEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, source] of wxs)
    out.set(`wxs:${path}`, `__plaza_wxs_define(${JSON.stringify(path)}, ${wxsFactory(source)});`);
  for (const entry of entries) {
    const extra: string[] = [];
    if (entry.css !== undefined) extra.push(`css: ${JSON.stringify(entry.css)}`);
    if (entry.usingComponents) extra.push(`usingComponents: ${JSON.stringify(entry.usingComponents)}`);
    if (entry.styleScope) extra.push(`styleScope: ${JSON.stringify(entry.styleScope)}`);
    const fields = `{${extra.join(', ')}}`;
    const module = entry.code ? `Object.assign(${entry.code}, ${fields})` : fields;
    out.set(entry.id, `__plaza_view_define(${JSON.stringify(entry.id)}, ${module});`);
  }
  return out;
}
