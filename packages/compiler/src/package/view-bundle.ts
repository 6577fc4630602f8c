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
export function printViewBundle(wxs: Map<string, string>, entries: ViewEntry[]): string {
  const out: string[] = ['/* Plaza view bundle: templates, wxs modules and styles. */'];
  for (const [path, source] of wxs)
    out.push(`__plaza_wxs_define(${JSON.stringify(path)}, ${wxsFactory(source)});`);
  for (const entry of entries) {
    const extra: string[] = [];
    if (entry.css !== undefined) extra.push(`css: ${JSON.stringify(entry.css)}`);
    if (entry.usingComponents) extra.push(`usingComponents: ${JSON.stringify(entry.usingComponents)}`);
    if (entry.styleScope) extra.push(`styleScope: ${JSON.stringify(entry.styleScope)}`);
    const fields = `{${extra.join(', ')}}`;
    const module = entry.code ? `Object.assign(${entry.code}, ${fields})` : fields;
    out.push(`__plaza_view_define(${JSON.stringify(entry.id)}, ${module});`);
  }
  return `${out.join('\n')}\n`;
}
