/** One program file's definition inside a bundle (`logic.js`, `view.js`). */
export interface BundleModule {
  path: string;
  /** Character offsets of the definition in the bundle text. */
  start: number;
  end: number;
}

const definition = /^__plaza_(?:view_|wxs_)?define\((["'])(.*?)\1/gm;

/**
 * Splits a bundle into its files' definitions (`__plaza_define("pages/a.js", …)` and the
 * view's), so sizes and findings can be attributed to the file a developer wrote.
 *
 * @example
 * bundleModules(logic).find((m) => m.start <= offset && offset < m.end)?.path // 'pages/a.js'
 */
export function bundleModules(text: string): BundleModule[] {
  const starts = [...text.matchAll(definition)].map((m) => ({ at: m.index, path: m[2] ?? '' }));
  return starts.map((s, i) => ({ path: s.path, start: s.at, end: starts[i + 1]?.at ?? text.length }));
}
