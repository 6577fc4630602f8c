/**
 * Package paths: `/`-separated, relative to the mini program's root, with no
 * leading slash (`pages/index/index`). `src` values in templates, styles and
 * `usingComponents` are resolved against the file that names them.
 */

/** Resolves `src` (relative, or absolute from the package root) against file `from`; `undefined` if it escapes the root. */
export function resolvePackagePath(from: string, src: string): string | undefined {
  const base = src.startsWith('/') ? [] : from.split('/').slice(0, -1);
  const out = [...base];
  for (const segment of src.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else {
      out.push(segment);
    }
  }
  return out.join('/');
}

/** `pages/index/index.wxml` → `pages/index/index`. */
export function stripExtension(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 0 && dot > 0 ? path.slice(0, dot) : path;
}

/** `.wxml` of `pages/a.wxml`, `''` when there is none. */
export function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot) : '';
}
