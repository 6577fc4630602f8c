import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * `BENCH_CPU_PROF=<dir>` runs every server process of a suite under `node --cpu-prof`,
 * writing one `.cpuprofile` per process into that directory when it stops (read them
 * with `node --import tsx bench/src/support/profile-summary.ts <file>`).
 */
function nodeArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx'] : ['--import', 'tsx'];
}

export interface RunningServer {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms`);
}

/** Starts the Plaza server in its own process on a fresh data dir (SQLite unless env says otherwise). */
export async function startPlaza(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const ownDir = !env.PLAZA_DATA_DIR;
  const dataDir = env.PLAZA_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'plaza-bench-'));
  const child = spawn(process.execPath, [...nodeArgs(), 'server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PLAZA_DATA_DIR: dataDir,
      PLAZA_PORT: String(port),
      PLAZA_LOG_LEVEL: 'warn',
      PLAZA_DEMO: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/readyz`, child);
  return {
    url,
    dataDir,
    child,
    // A data dir the caller passed in is the caller's to remove.
    stop: () => stopChild(child, () => ownDir && rmSync(dataDir, { recursive: true, force: true })),
  };
}

/** Runs a script of this folder (a baseline server) in its own process; it must print nothing and listen on PORT. */
export async function startScript(
  script: string,
  env: Record<string, string> = {},
  readyPath = '/',
): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...nodeArgs(), fileURLToPath(new URL(`../${script}`, import.meta.url))],
    {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}${readyPath}`, child);
  return { url, dataDir: '', child, stop: () => stopChild(child, () => {}) };
}

function stopChild(child: ChildProcess, cleanup: () => void): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      cleanup();
      resolve();
      return;
    }
    child.once('exit', () => {
      cleanup();
      resolve();
    });
    child.kill('SIGTERM');
  });
}
