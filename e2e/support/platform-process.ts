import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Engine } from '../../server/src/db/database.ts';
import { type DemoMarker, readDemoMarker } from '../../server/src/demo/index.ts';
import { createTestTarget, type TestTarget } from '../../server/test/support/test-database.ts';
import { freePort } from './free-port.ts';
import { repoRoot } from './super-app-build.ts';

export interface PlatformProcess {
  base: string;
  merchantUrl: string;
  marker: DemoMarker;
  /** The database and data dir, for a second start on the same data. */
  target: TestTarget;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, as a person's Ctrl-C; the data is dropped unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

const tsx = import.meta.resolve('tsx');

/** One `npm start` process: its address, what it printed, and SIGTERM as a person's Ctrl-C. */
export interface ServerProcess {
  base: string;
  port: number;
  output(): string;
  /** SIGTERM; resolves once the process drained and exited. */
  stop(): Promise<void>;
}

/**
 * `server/src/main.ts` in a child process with the target's database and data dir and the
 * given settings; resolves once it printed `ready`. Fails with what it printed if it exits or
 * takes longer than `timeoutMs`.
 */
export async function startServerProcess(
  target: TestTarget,
  settings: Record<string, string>,
  ready: RegExp,
  options: { port?: number; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ['--import', tsx, 'server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...target.env, PLAZA_PORT: String(port), PLAZA_LOG_LEVEL: 'warn', ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  const deadline = Date.now() + (options.timeoutMs ?? 150_000);
  while (!ready.test(output)) {
    if (child.exitCode !== null || /demo: could not be started/.test(output) || Date.now() > deadline) {
      await stop();
      throw new Error(`the platform did not come up:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base: `http://127.0.0.1:${port}`, port, output: () => output, stop };
}

/**
 * `npm start` in a child process on a fresh, isolated database of the engine: the demo
 * seeds and its merchant server starts exactly as for a person. Resolves when the banner
 * with the demo accounts is printed.
 */
export async function startPlatformProcess(
  engine: Engine,
  reuse?: TestTarget,
  options: { merchant?: 'plaza' | 'douyin'; joinDemo?: boolean } = {},
): Promise<PlatformProcess> {
  // Joining, the process is one more server of a demo a first process seeded: it serves the
  // same platform and starts no merchant server of its own.
  const join = options.joinDemo ?? false;
  const target = reuse ?? (await createTestTarget(engine));
  let server: ServerProcess;
  try {
    server = await startServerProcess(
      target,
      {
        PLAZA_DEMO: 'true',
        PLAZA_DEMO_JOIN: String(join),
        // The demo's merchant server listens on loopback: its webhooks need this setting.
        PLAZA_WEBHOOK_ALLOW_LOOPBACK: 'true',
        PLAZA_DEMO_MERCHANT_PORT: String(await freePort()),
        PLAZA_DEMO_MERCHANT: options.merchant ?? 'plaza',
        // The kitchen is quick in a test, and workers look for callbacks to send often.
        PLAZA_DEMO_DELIVERY_MS: '300',
        PLAZA_JOB_POLL_MS: '100',
      },
      join ? /Demo \(joined/ : /Merchant server\s+http/,
    );
  } catch (error) {
    if (!reuse) await target.drop();
    throw error;
  }
  const stop = async (options: { keepData?: boolean } = {}) => {
    await server.stop();
    if (!options.keepData) await target.drop();
  };
  const marker = await readDemoMarker(target.env.PLAZA_DATA_DIR ?? '');
  if (!marker) {
    await stop();
    throw new Error(`no demo marker in the data dir:\n${server.output()}`);
  }
  return {
    base: server.base,
    merchantUrl: `http://127.0.0.1:${marker.merchantPort}`,
    marker,
    target,
    output: server.output,
    stop,
  };
}
