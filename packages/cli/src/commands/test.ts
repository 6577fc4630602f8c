import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../errors.ts';
import type { CommandIo } from '../io.ts';

const config = fileURLToPath(new URL('../test-runner/vitest.config.ts', import.meta.url));

/**
 * `plaza test [dir]`: runs the program's `tests/**\/*.test.ts` with Vitest in a child
 * process (so it never shares state with a runner that called us) and returns its exit code.
 */
export async function test(dir: string, io: CommandIo): Promise<number> {
  const root = resolve(io.cwd, dir);
  const tests = await readdir(join(root, 'tests'), { recursive: true }).catch(() => [] as string[]);
  if (!tests.some((f) => f.endsWith('.test.ts'))) throw new CliError('CLI_NO_TESTS', dir);
  const vitest = join(createRequire(import.meta.url).resolve('vitest/package.json'), '..', 'vitest.mjs');
  return await new Promise<number>((done, fail) => {
    const child = spawn(process.execPath, [vitest, 'run', '--config', config, '--root', root], {
      cwd: root,
      env: { ...process.env, PLAZA_TEST_ROOT: root },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => io.stdout(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => io.stderr(chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done(code ?? 1));
  });
}
