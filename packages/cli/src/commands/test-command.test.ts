import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/plaza.js', import.meta.url));
const run = promisify(execFile);
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'plaza-test-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** The real binary, as a developer's shell runs it: exit code and output. */
async function plaza(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: work });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

it("runs a program's own tests against the simulator and fails when they fail", async () => {
  expect((await plaza('create', 'app', '--dialect', 'tt')).code).toBe(0);
  const passing = await plaza('test', 'app');
  expect(passing.out).toMatch(/2 passed/);
  expect(passing.code).toBe(0);

  // A regression in the page: the counter now counts by two.
  const page = join(work, 'app/pages/index/index.js');
  await writeFile(page, (await readFile(page, 'utf8')).replace('this.data.count + 1', 'this.data.count + 2'));
  const failing = await plaza('test', 'app');
  expect(failing.code).not.toBe(0);
  expect(failing.out).toMatch(/1 failed/);

  expect((await plaza('test', '.')).out).toContain('No tests found');
}, 60_000);
