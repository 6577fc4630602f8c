import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { listFiles } from './list-files.ts';

/**
 * Folders of npm packages that appear inside the program as `miniprogram_npm/<name>/`, the way
 * WeChat's "build npm" and its extended libraries place them: package path → absolute folder.
 */
export type NpmMounts = Map<string, string>;

/**
 * A package name npm accepts: no segment is `.` or `..` or starts with a dot, so a name never
 * points outside `node_modules` (a plain package is mounted as a whole folder).
 */
export const NPM_NAME = /^(@[a-z0-9~-][\w.~-]*\/)?[a-z0-9~-][\w.~-]*$/i;

/** A dependency of a `package.json` that is neither installed nor committed under `miniprogram_npm`. */
export interface MissingDependency {
  name: string;
  /** Absolute path of the `package.json` that lists it. */
  manifest: string;
}

/** A `package.json` whose packages go to the `miniprogram_npm` folder inside `dist`. */
interface NpmRelation {
  /** Absolute path of the `package.json`. */
  manifest: string;
  /** Package path of the folder that receives `miniprogram_npm/` (`''` for the root). */
  dist: string;
}

/**
 * What `plaza build` adds under `miniprogram_npm/` (a folder the author committed wins):
 * - each dependency of a `package.json`, as WeChat's "build npm" does after the author's own
 *   `npm install`: the `miniprogram` folder its package declares, else (a plain JavaScript
 *   package) the package itself, entered by its `index.js`. The
 *   `package.json` files are those `project.config.json` lists in
 *   `setting.packNpmRelationList` (each with the folder receiving `miniprogram_npm`), else
 *   the one beside the program or in its project folder;
 * - `useExtendedLib: { weui: true }`: WeUI's components, from the `weui-miniprogram` package.
 */
export function npmMounts(
  root: string,
  projectDir: string,
  appConfig: Readonly<Record<string, unknown>>,
  committed: ReadonlySet<string>,
  /** `package.json` → the folder whose `node_modules` holds its install, when not beside it. */
  installedDependencies: ReadonlyMap<string, string> = new Map(),
): { mounts: NpmMounts; missing: MissingDependency[] } {
  const mounts: NpmMounts = new Map();
  const missing: MissingDependency[] = [];
  const mount = (at: string, folder: string) => {
    if (!committed.has(at) && !mounts.has(at) && existsSync(folder)) mounts.set(at, folder);
  };
  for (const { manifest: file, dist } of npmRelations(root, projectDir)) {
    const dependencies = readJson(file)?.dependencies;
    if (!dependencies || typeof dependencies !== 'object') continue;
    for (const name of Object.keys(dependencies)) {
      if (!NPM_NAME.test(name)) continue;
      const at = `${dist ? `${dist}/` : ''}miniprogram_npm/${name}`;
      const installed = join(installedDependencies.get(file) ?? dirname(file), 'node_modules', name);
      const own = readJson(join(installed, 'package.json'));
      if (!own) {
        if (!committed.has(at)) missing.push({ name, manifest: file });
        continue;
      }
      const folder = typeof own.miniprogram === 'string' ? own.miniprogram : '';
      if (!folder.includes('..')) mount(at, join(installed, folder));
    }
  }
  const extended = appConfig.useExtendedLib as Record<string, unknown> | undefined;
  if (extended?.weui) {
    const weui = weuiFolder();
    if (weui) mount('miniprogram_npm/weui-miniprogram', weui);
  }
  return { mounts, missing };
}

function npmRelations(root: string, projectDir: string): NpmRelation[] {
  const project = projectFolder(root, projectDir);
  const setting = readJson(join(project, 'project.config.json'))?.setting as
    | Record<string, unknown>
    | undefined;
  const listed = Array.isArray(setting?.packNpmRelationList)
    ? (setting.packNpmRelationList as unknown[])
    : [];
  const relations = listed.flatMap((entry) => {
    const { packageJsonPath, miniprogramNpmDistDir } = (entry ?? {}) as Record<string, unknown>;
    if (typeof packageJsonPath !== 'string' || typeof miniprogramNpmDistDir !== 'string') return [];
    const dist = relative(root, resolve(project, miniprogramNpmDistDir)).split(sep).join('/');
    // A folder outside the program is not part of the package.
    if (dist.startsWith('..') || isAbsolute(dist)) return [];
    return [{ manifest: resolve(project, packageJsonPath), dist }];
  });
  if (relations.length) return relations;
  return [...new Set([root, project])].map((dir) => ({ manifest: join(dir, 'package.json'), dist: '' }));
}

/**
 * The folder of the `project.config.json` that names this program: the one given, or, when
 * the program's own folder was given, the nearest parent whose `miniprogramRoot` is it.
 */
function projectFolder(root: string, projectDir: string): string {
  if (existsSync(join(projectDir, 'project.config.json'))) return projectDir;
  let dir = dirname(root);
  for (let up = 0; up < 3 && dir !== dirname(dir); up++, dir = dirname(dir)) {
    const nested = readJson(join(dir, 'project.config.json'))?.miniprogramRoot;
    if (typeof nested === 'string' && resolve(dir, nested) === resolve(root)) return dir;
  }
  return projectDir;
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
