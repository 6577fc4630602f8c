import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { listFiles } from './list-files.ts';

/**
 * Folders of npm packages that appear inside the program as `miniprogram_npm/<name>/`, the way
 * WeChat's "build npm" and its extended libraries place them: package path → absolute folder.
 */
export type NpmMounts = Map<string, string>;

/** A dependency of a `package.json` that is neither installed nor committed under `miniprogram_npm`. */
export interface MissingDependency {
  name: string;
  /** Absolute path of the `package.json` that lists it. */
  manifest: string;
}

/**
 * What `plaza build` adds under `miniprogram_npm/` (a folder the author committed wins):
 * - each dependency of `package.json` (beside the program or its project folder) whose
 *   installed package declares a `miniprogram` folder, as WeChat's "build npm" does after the
 *   author's own `npm install`;
 * - `useExtendedLib: { weui: true }`: WeUI's components, from the `weui-miniprogram` package.
 */
export function npmMounts(
  root: string,
  projectDir: string,
  appConfig: Readonly<Record<string, unknown>>,
  committed: ReadonlySet<string>,
): { mounts: NpmMounts; missing: MissingDependency[] } {
  const mounts: NpmMounts = new Map();
  const missing: MissingDependency[] = [];
  const mount = (name: string, folder: string) => {
    const at = `miniprogram_npm/${name}`;
    if (!committed.has(at) && !mounts.has(at) && existsSync(folder)) mounts.set(at, folder);
  };
  for (const dir of new Set([root, projectDir])) {
    const manifest = readJson(join(dir, 'package.json'));
    const dependencies = manifest?.dependencies;
    if (!dependencies || typeof dependencies !== 'object') continue;
    for (const name of Object.keys(dependencies)) {
      if (!/^(@[\w.-]+\/)?[\w.-]+$/.test(name)) continue;
      const installed = join(dir, 'node_modules', name);
      const own = readJson(join(installed, 'package.json'));
      if (!own && !committed.has(`miniprogram_npm/${name}`))
        missing.push({ name, manifest: join(dir, 'package.json') });
      const folder = typeof own?.miniprogram === 'string' ? own.miniprogram : undefined;
      if (folder && !folder.includes('..')) mount(name, join(installed, folder));
    }
  }
  const extended = appConfig.useExtendedLib as Record<string, unknown> | undefined;
  if (extended?.weui) {
    const weui = weuiFolder();
    if (weui) mount('weui-miniprogram', weui);
  }
  return { mounts, missing };
}

/** Every file of the mounted packages, as package paths → absolute paths. */
export function mountedFiles(mounts: NpmMounts): Map<string, string> {
  const files = new Map<string, string>();
  for (const [at, folder] of mounts) {
    for (const file of listFiles(folder)) files.set(`${at}/${file}`, join(folder, file));
  }
  return files;
}

function weuiFolder(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve('weui-miniprogram/package.json');
    const folder = join(dirname(manifest), 'miniprogram_dist');
    return statSync(folder).isDirectory() ? folder : undefined;
  } catch {
    // Not installed: the pages using WeUI then fail on their unresolved components.
    return undefined;
  }
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    // No package.json here, or not one we can read: nothing to mount from it.
    return undefined;
  }
}
