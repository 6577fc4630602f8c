import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { NPM_NAME } from '@plaza/compiler';

/** What `plaza check` installed for a program whose author had not run `npm install`. */
export interface DependencyInstall {
  /** Absolute path of the `package.json` whose dependencies were installed. */
  manifest: string;
  /** The folder whose `node_modules` now holds them (a cache shared by checks of the same list). */
  folder: string;
  /** The dependencies installed, as the `package.json` names them. */
  names: string[];
  /** Why the install failed, when it did: the requires of those packages then fail where they run. */
  failure?: string;
}

/**
 * The platforms build a program's npm packages from `node_modules` "after the author's own
 * `npm install`" (WeChat's "build npm"). A migration check runs on a clone where nobody has, so
 * it does that install itself, once per list of dependencies, into a cache outside the program:
 * `npm install --ignore-scripts` (no package's install script runs), production dependencies only.
 * The program's folder is never written to.
 */
export function installDependencies(manifest: string, cacheRoot = defaultCacheRoot()): DependencyInstall {
  const dependencies = declaredDependencies(manifest);
  const names = Object.keys(dependencies).sort();
  const key = createHash('sha256')
    .update(JSON.stringify(names.map((n) => [n, dependencies[n]])))
    .digest('hex');
  const folder = join(cacheRoot, key.slice(0, 16));
  const done = join(folder, '.installed');
  if (existsSync(done)) return { manifest, folder, names };
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'package.json'),
      `${JSON.stringify({ name: 'plaza-check-dependencies', private: true, dependencies }, null, 2)}\n`,
    );
    execFileSync(
      'npm',
      [
        'install',
        '--ignore-scripts',
        '--omit=dev',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--loglevel=error',
      ],
      { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 },
    );
    writeFileSync(done, '');
    return { manifest, folder, names };
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    return { manifest, folder, names, failure: stderr.split('\n').at(-1) || (error as Error).message };
  }
}

/** The `dependencies` of a `package.json` whose names and versions are plain strings (nothing else reaches npm). */
function declaredDependencies(manifest: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch {
    // The compiler reported the unreadable package.json already: nothing to install from it.
    return {};
  }
  const listed = (parsed as { dependencies?: unknown } | null)?.dependencies;
  const out: Record<string, string> = {};
  if (!listed || typeof listed !== 'object') return out;
  for (const [name, version] of Object.entries(listed)) {
    // A name npm would read as an option or a path, or a version naming a file or a git URL, is left out.
    if (NPM_NAME.test(name) && typeof version === 'string' && /^[\w.^~<>=*| -]*$/.test(version))
      out[name] = version;
  }
  return out;
}

function defaultCacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'plaza', 'npm');
}
