/** A page route: package path without extension, and the query as the dialects pass it to onLoad. */
export interface PageRoute {
  path: string;
  query: Record<string, string>;
}

/**
 * Parses a navigation url: absolute (`/pages/a/a?x=1`) or relative to the current page
 * (`../b/b`, `detail?id=3`). Query values are passed through undecoded, as the dialects do.
 * @example parsePageUrl('../b/b?id=1', 'pages/a/a') // { path: 'pages/b/b', query: { id: '1' } }
 */
export function parsePageUrl(url: string, fromPath = ''): PageRoute {
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  const search = q < 0 ? '' : url.slice(q + 1);
  let path: string;
  if (rawPath.startsWith('/')) path = normalise('', rawPath);
  else {
    const dir = fromPath.includes('/') ? fromPath.slice(0, fromPath.lastIndexOf('/')) : '';
    path = normalise(dir, rawPath);
  }
  return { path: path.replace(/\.(js|ttml|wxml)$/, ''), query: parseQuery(search) };
}

export function parseQuery(search: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const pair of search.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (key !== '') query[key] = eq < 0 ? '' : pair.slice(eq + 1);
  }
  return query;
}

function normalise(base: string, relative: string): string {
  const parts = base === '' ? [] : base.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
