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

/**
 * `npm start` in a child process on a fresh, isolated database of the engine: the demo
 * seeds and its merchant server starts exactly as for a person. Resolves when the banner
 * with the demo accounts is printed. With `demo: false` on a `reuse`d target it is a second
 * server process beside a running first one, as behind one address: the first's demo (and its
 * merchant server) serves both, so this one starts none and is up at its banner.
 */
export async function startPlatformProcess(
  engine: Engine,
  reuse?: TestTarget,
  options: { merchant?: 'plaza' | 'douyin'; demo?: boolean } = {},
): Promise<PlatformProcess> {
  const demo = options.demo ?? true;
  const target = reuse ?? (await createTestTarget(engine));
  const port = await freePort();
  const merchantPort = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', tsx, 'server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...target.env,
      PLAZA_PORT: String(port),
      PLAZA_DEMO: String(demo),
      // The demo's merchant server listens on loopback: its webhooks need this setting.
      PLAZA_WEBHOOK_ALLOW_LOOPBACK: 'true',
      PLAZA_DEMO_MERCHANT_PORT: String(merchantPort),
      PLAZA_DEMO_MERCHANT: options.merchant ?? 'plaza',
      // The kitchen is quick in a test, and workers look for callbacks to send often.
      PLAZA_DEMO_DELIVERY_MS: '300',
      PLAZA_JOB_POLL_MS: '100',
      PLAZA_LOG_LEVEL: 'warn',
    },
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
  const stop = async (options: { keepData?: boolean } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    if (!options.keepData) await target.drop();
  };

  const deadline = Date.now() + 150_000;
  const up = demo ? /Merchant server\s+http/ : /Health\s+http/;
  while (!up.test(output)) {
    if (child.exitCode !== null || /demo: could not be started/.test(output) || Date.now() > deadline) {
      await stop();
      throw new Error(`the platform did not come up with its demo:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const marker = await readDemoMarker(target.env.PLAZA_DATA_DIR ?? '');
  if (!marker) {
    await stop();
    throw new Error(`no demo marker in the data dir:\n${output}`);
  }
  return {
    base: `http://127.0.0.1:${port}`,
    merchantUrl: `http://127.0.0.1:${marker.merchantPort}`,
    marker,
    target,
    output: () => output,
    stop,
  };
}
