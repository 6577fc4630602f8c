import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const builtPage = join(repoRoot, 'web/dist/index.html');
// What the built super app is made of: its own code and the container it bundles.
const sources = [
  'web/src',
  'web/index.html',
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

/** Builds `web/dist` as `npm start`'s prestart does, when it is missing or older than its sources. */
export function ensureSuperAppBuilt(): void {
  if (existsSync(builtPage)) {
    const built = statSync(builtPage).mtimeMs;
    const changed = Math.max(...sources.map((s) => newestChange(join(repoRoot, s))));
    if (changed <= built) return;
  }
  // The test runner sets NODE_ENV=test, which would give React's development build.
  execFileSync('npm', ['run', 'build', '-w', '@plaza/web'], {
    cwd: repoRoot,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
