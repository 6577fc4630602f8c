import { CliError } from '../../errors.ts';

/** The page `plaza dev` opens first, and the query its `onLoad` receives. */
export interface LaunchPath {
  path: string;
  query: Record<string, string>;
}

/**
 * Reads `--path pages/detail/detail?id=7` the way a platform's launch path is written: a page
 * path (a leading `/` is allowed) and an optional query, decoded as a URL's.
 *
 * @example
 * parseLaunchPath('pages/detail/detail?id=7&from=share') // { path: 'pages/detail/detail', query: { id: '7', from: 'share' } }
 */
export function parseLaunchPath(text: string): LaunchPath {
  const at = text.indexOf('?');
  const path = (at === -1 ? text : text.slice(0, at)).replace(/^\/+/, '');
  // A page path is package-relative: no scheme, no parent segments, no empty segments.
  if (!path || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.split('/').some((s) => s === '' || s === '..'))
    throw new CliError('CLI_BAD_LAUNCH_PATH', text);
  const query: Record<string, string> = {};
  if (at !== -1) for (const [key, value] of new URLSearchParams(text.slice(at + 1))) query[key] = value;
  return { path, query };
}
