import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow, BenchSuite } from '../suite.ts';
import { repoRoot, startPlaza } from '../support/processes.ts';

/**
 * From `plaza upload` of the takeout example to its automated checks finished: the CLI
 * and the server each in their own process, the checks run by the server's own workers
 * (build check, every page in the simulator, scopes and domains). Target: under 10 s.
 */
const password = 'correct horse battery';

async function call(server: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${server}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the bench reads what the route answers
  return (await res.json().catch(() => undefined)) as any;
}

function plaza(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'packages/cli/bin/plaza.js'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`plaza ${args[0]} exited ${code}`)),
    );
  });
}

export const suite: BenchSuite = {
  name: 'versions',
  async run(): Promise<BenchRow[]> {
    const server = await startPlaza({ PLAZA_JOB_POLL_MS: '100' });
    const configHome = mkdtempSync(join(tmpdir(), 'plaza-bench-config-'));
    try {
      const email = `bench.${process.pid}@example.com`;
      await call(server.url, 'POST', '/api/accounts', { email, name: 'Bench', password });
      const session = await call(server.url, 'POST', '/api/sessions', { email, password });
      const org = await call(server.url, 'POST', '/api/orgs', { name: 'Bench' }, session.token);
      const app = await call(
        server.url,
        'POST',
        `/api/orgs/${org.org.id}/apps`,
        { name: 'Takeout', category: 'food_delivery', request_domains: ['https://takeout.example.com'] },
        session.token,
      );
      const appid = app.app.appid as string;
      const env = { XDG_CONFIG_HOME: configHome };
      await plaza(['login', '--server', server.url, '--email', email, '--password', password], env);

      const started = performance.now();
      const out = await plaza(
        ['upload', 'examples/takeout', '--version', '1.0.0', '--desc', 'bench', '--appid', appid, '--submit'],
        env,
      );
      const uploadedMs = performance.now() - started;
      const id = /as version (ver_\w+)/.exec(out)?.[1];
      if (!id) throw new Error(`no version id in: ${out}`);
      let status = 'pending';
      while (status === 'pending' && performance.now() - started < 60_000) {
        await new Promise((r) => setTimeout(r, 50));
        const read = await call(
          server.url,
          'GET',
          `/api/apps/${appid}/versions/${id}`,
          undefined,
          session.token,
        );
        status = read.version.checks?.status ?? 'pending';
      }
      const totalMs = performance.now() - started;
      return [
        { name: 'plaza upload takeout (build + upload + submit)', value: Math.round(uploadedMs), unit: 'ms' },
        {
          name: 'plaza upload takeout → checks finished',
          value: Math.round(totalMs),
          unit: 'ms',
          target: '< 10000 ms',
          pass: status === 'passed' && totalMs < 10_000,
          note: `checks ${status}`,
        },
      ];
    } finally {
      rmSync(configHome, { recursive: true, force: true });
      await server.stop();
    }
  },
};
