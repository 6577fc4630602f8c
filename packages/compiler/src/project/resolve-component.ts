import { resolvePackagePath } from '../package-path.ts';

/**
 * Resolves a `usingComponents` value named in file `from` to a component's
 * package path: absolute from the root (`/components/card/card`), relative
 * (`../card/card`), bare (`card/card`: relative first, then from the root,
 * then from the nearest `miniprogram_npm` up to the root's), and the index form (`/components/card` →
 * `components/card/index`). `undefined` when nothing matches.
 */
export function resolveComponentPath(
  from: string,
  value: string,
  hasTemplate: (path: string) => boolean,
): string | undefined {
  const candidates: (string | undefined)[] = [];
  if (value.startsWith('/') || value.startsWith('./') || value.startsWith('../')) {
    candidates.push(resolvePackagePath(from, value));
  } else {
    candidates.push(resolvePackagePath(from, value), resolvePackagePath('', value));
    // Then `miniprogram_npm` of each folder from the declaring file's up to the root, as WeChat looks.
    const folders = from.split('/').slice(0, -1);
    for (let n = folders.length; n >= 0; n--) {
      const base = folders.slice(0, n).join('/');
      candidates.push(resolvePackagePath('', `${base ? `${base}/` : ''}miniprogram_npm/${value}`));
    }
  }
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const path = candidate.replace(/\.(wxml|ttml|js|ts|json)$/, '');
    if (hasTemplate(path)) return path;
    if (hasTemplate(`${path}/index`)) return `${path}/index`;
  }
  return undefined;
}
