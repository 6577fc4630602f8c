import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * For tests: writes small programs under `work`, each in a folder of its own, with one
 * page `pages/index/index` (its `js`, and `wxml` or `ttml`) and any other files, and returns the folder.
 * `pages/next/next` joins app.json's pages when its script is given.
 */
export function programFolders(work: () => string) {
  let programs = 0;
  return async (
    page: { js: string; wxml?: string; ttml?: string },
    files: Record<string, string> = {},
  ): Promise<string> => {
    const dir = join(work(), `p${++programs}`);
    const all: Record<string, string> = {
      'app.json': JSON.stringify({
        pages: ['pages/index/index', ...(files['pages/next/next.js'] ? ['pages/next/next'] : [])],
      }),
      'app.js': 'App({});',
      'pages/index/index.js': page.js,
      ...(page.ttml === undefined
        ? { 'pages/index/index.wxml': page.wxml ?? '<view />' }
        : { 'pages/index/index.ttml': page.ttml }),
      ...files,
    };
    for (const [file, content] of Object.entries(all)) {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), content);
    }
    return dir;
  };
}
