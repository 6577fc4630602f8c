import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const builtPage = join(repoRoot, 'web/dist/index.html');
// What the built super app is made of: its own code and the container it bundles.
const sources = [
  'web/src',
  'web/index.html',
  'web/console',
  'web/operator',
  'packages/container/src',
  'packages/runtime/src',
  'packages/compiler/src',
];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function builtAndFresh(): boolean {
  if (!existsSync(builtPage)) return false;
  const built = statSync(builtPage).mtimeMs;
  return Math.max(...sources.map((s) => newestChange(join(repoRoot, s)))) <= built;
}

const buildLock = join(repoRoot, 'web/.dist-build-lock');
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Builds `web/dist` as `npm start`'s prestart does, when it is missing or older than its
 * sources. Test files run in parallel and a build empties `web/dist` first: one file builds
 * (the lock is a directory, made atomically) while the others wait for it, so none serves a
 * half-written build.
 */
export function ensureSuperAppBuilt(): void {
  for (;;) {
    if (builtAndFresh()) return;
    try {
      mkdirSync(buildLock);
    } catch {
      // A lock left by a run that was killed mid-build (a build takes seconds, not minutes).
      const since = statSync(buildLock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 5 * 60_000) rmSync(buildLock, { recursive: true, force: true });
      Atomics.wait(pause, 0, 0, 200);
      continue;
    }
    try {
      if (builtAndFresh()) return;
      // The test runner sets NODE_ENV=test, which would give React's development build.
      execFileSync('npm', ['run', 'build', '-w', '@plaza/web'], {
        cwd: repoRoot,
        stdio: 'pipe',
        env: { ...process.env, NODE_ENV: 'production' },
      });
      return;
    } finally {
      rmSync(buildLock, { recursive: true, force: true });
    }
  }
}
