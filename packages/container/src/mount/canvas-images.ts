import type { ViewCommand } from '@plaza/runtime';
import { packageFilePath } from '../shell/chrome-values.ts';

/** A path of the package (`./car.png`, `/images/a.png`), not a URL of any scheme. */
const isPackagePath = (src: string) => src !== '' && !/^([a-z][a-z\d+.-]*:|\/\/)/i.test(src);

/** `src` resolved against the page that names it; undefined when it leaves the package. */
export function resolveAgainstPage(pagePath: string, src: string): string | undefined {
  const out = src.startsWith('/') ? [] : pagePath.split('/').slice(0, -1);
  for (const segment of src.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(segment);
  }
  return packageFilePath(out.join('/'));
}

async function dataUrlOf(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`image not found (HTTP ${res.status})`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${res.headers.get('content-type') ?? 'image/png'};base64,${btoa(binary)}`;
}

/**
 * The package's own images a canvas draws, as data URLs: the page frame (an opaque origin)
 * could not read them from the package's server, and a URL would make them another origin's.
 * Paths are resolved against the page on top; a path that leaves the package fails.
 */
export async function withPackageImages(
  command: ViewCommand,
  pagePath: string,
  fileUrl: (path: string) => string | undefined,
): Promise<ViewCommand> {
  const load = async (src: string): Promise<string> => {
    if (!isPackagePath(src)) return src;
    const file = resolveAgainstPage(pagePath, src);
    const url = file && fileUrl(file);
    if (!url) throw new Error(`invalid image path "${src}"`);
    return dataUrlOf(url);
  };
  if (command.kind === 'image') return { ...command, src: await load(command.src) };
  if (command.kind !== 'canvas.draw') return command;
  const actions = await Promise.all(
    command.actions.map(async (action) => {
      if ('method' in action && action.method === 'drawImage' && typeof action.args[0] === 'string')
        return { ...action, args: [await load(action.args[0]), ...action.args.slice(1)] };
      if ('set' in action && typeof action.value === 'object' && 'pattern' in action.value)
        return { ...action, value: { ...action.value, pattern: await load(action.value.pattern) } };
      return action;
    }),
  );
  return { ...command, actions };
}
