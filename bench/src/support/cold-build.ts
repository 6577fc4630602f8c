import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from './processes.ts';

const run = promisify(execFile);

/**
 * Builds a program in a fresh process, as `plaza build` does, and returns the build's own time
 * (module loading excluded). In one process a rebuild reuses what unchanged files compiled to,
 * so only a fresh process measures a build from scratch.
 */
export async function coldBuild(dir: string): Promise<number> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/src/build-once.ts', dir], {
    cwd: repoRoot,
    maxBuffer: 16 * 1024 * 1024,
  });
  const { ms, errors } = JSON.parse(stdout) as { ms: number; errors: string[] };
  if (errors.length) throw new Error(`build of ${dir} failed:\n${errors.join('\n')}`);
  return ms;
}
