import type { BuildParts, Manifest } from '@plaza/compiler';

/** One build as `plaza dev` remembers it, to compare the next one with. */
export interface DevBuild {
  manifest: Manifest;
  parts: BuildParts;
}

/**
 * What a running program takes in place, without starting again: the `view.js` statements
 * that changed (templates, their stylesheets, wxs modules), and the scripts of pages that
 * changed, which the program registers again (the page on screen loads again with its query,
 * as WeChat's devtools hot reload does).
 */
export interface HotUpdate {
  /** Statements to run in every page frame, redefining the modules named in `ids`. */
  view: string;
  /** Template module ids (`pages/a/a`, `components/x/x`, `app`) and `wxs:<path>`s redefined. */
  ids: string[];
  /** Module definitions for the logic layer, replacing the modules of `pages`' scripts. */
  logic: string;
  /** Pages whose script changed. */
  pages: string[];
}

/** Manifest fields that follow from the files' contents alone (hashes, sizes, what is used). */
const CONTENT_FIELDS = new Set(['files', 'sizes', 'size', 'usage']);

/**
 * Compares two builds of one program and says how the running program takes the new one:
 * `undefined` means from scratch (the app's own script, config or page list changed, a
 * component's or a shared module's script changed, a file appeared or went), otherwise the
 * update to swap in. Nothing changed gives an empty update.
 *
 * @example
 * const update = planHotUpdate(previous, next); // { view: '__plaza_view_define("pages/a/a", …)', ids: ['pages/a/a'], logic: '', pages: [] }
 */
export function planHotUpdate(previous: DevBuild, next: DevBuild): HotUpdate | undefined {
  if (shape(previous.manifest) !== shape(next.manifest)) return undefined;
  const pages = new Set(next.manifest.pages);
  const logic = changed(previous.parts.logic, next.parts.logic);
  if (logic === undefined) return undefined;
  const changedPages: string[] = [];
  for (const file of logic) {
    // Only a page's own script is swapped: any other module may be held by modules already run.
    const page = file.replace(/\.(js|ts)$/, '');
    if (page === file || !pages.has(page)) return undefined;
    changedPages.push(page);
  }
  const ids = changed(previous.parts.view, next.parts.view);
  if (ids === undefined) return undefined;
  return {
    view: ids.map((id) => next.parts.view.get(id)!).join('\n'),
    ids,
    logic: logic.map((file) => next.parts.logic.get(file)!).join('\n'),
    pages: changedPages,
  };
}

/** The manifest without the fields every content change moves. */
function shape(manifest: Manifest): string {
  return JSON.stringify(Object.entries(manifest).filter(([key]) => !CONTENT_FIELDS.has(key)));
}

/** Keys whose text changed; `undefined` when a key appeared or went. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] | undefined {
  if (before.size !== after.size) return undefined;
  const keys: string[] = [];
  for (const [key, text] of after) {
    const old = before.get(key);
    if (old === undefined) return undefined;
    if (old !== text) keys.push(key);
  }
  return keys;
}
