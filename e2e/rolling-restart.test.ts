import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTarget, type TestTarget, testEngines } from '../server/test/support/test-database.ts';
import { freePort } from './support/free-port.ts';
import { type ServerProcess, startServerProcess } from './support/platform-process.ts';
import { repoRoot } from './support/super-app-build.ts';

// Scale-out as docs/deploy.md describes it: two processes on one PostgreSQL behind nginx with
// the shipped config, and a rolling restart of both under a steady mixed load (authenticated
// reads and profile edits) that must not fail one request nor lose one edit.
const postgres = testEngines.includes('postgres');
// Debian puts it in /usr/sbin, which a non-login shell's PATH may lack.
const nginxBin = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

/** The upstream list nginx reads: every process, the ones being restarted marked down. */
function upstreamList(ports: number[], down: Set<number>): string {
  return ports.map((p) => `server 127.0.0.1:${p}${down.has(p) ? ' down' : ''};\n`).join('');
}

/**
 * The shipped `deploy/nginx/plaza.conf` in an nginx of its own under `dir`: only where it
 * listens and where its upstream list lives are changed, so the test runs the real config.
 */
function nginxConfig(dir: string, listen: number): string {
  const shipped = readFileSync(join(repoRoot, 'deploy/nginx/plaza.conf'), 'utf8');
  const site = shipped
    .replace('include /etc/nginx/plaza-upstream.conf;', `include ${join(dir, 'upstream.conf')};`)
    .replace('listen 80;', `listen 127.0.0.1:${listen};`);
  expect(site).toContain(join(dir, 'upstream.conf'));
  expect(site).toContain(`listen 127.0.0.1:${listen};`);
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    mkdirSync(join(dir, temp), { recursive: true });
  writeFileSync(join(dir, 'plaza.conf'), site);
  return `daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 512; }
http {
  log_format upstream '$status $request_method $upstream_addr';
  access_log ${join(dir, 'access.log')} upstream;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  include ${join(dir, 'plaza.conf')};
}
`;
}

describe.skipIf(!postgres)('two processes behind nginx on PostgreSQL', () => {
  let target: TestTarget;
  let dir: string;
  let nginx: ChildProcess;
  let conf: string;
  let base: string;
  const ports: number[] = [];
  const processes = new Map<number, ServerProcess>();
  const plain = { PLAZA_DEMO: 'false', PLAZA_TRUST_PROXY: 'loopback', PLAZA_JOB_POLL_MS: '100' };

  async function reload(down: Set<number>) {
    writeFileSync(join(dir, 'upstream.conf'), upstreamList(ports, down));
    execFileSync(nginxBin, ['-p', dir, '-c', conf, '-s', 'reload']);
    // The reload is done when the workers of the old configuration have finished their
    // requests and gone; until then one of them may still pick the process being taken out.
    const master = readFileSync(join(dir, 'nginx.pid'), 'utf8').trim();
    const workers = () => execFileSync('ps', ['--ppid', master, '-o', 'args=']).toString();
    for (;;) {
      const now = workers();
      if (!now.includes('shutting down') && now.includes('worker process')) {
        // A new worker exists only once the master read the new file.
        const log = readFileSync(join(dir, 'error.log'), 'utf8');
        if (!/\[emerg\]/.test(log)) return;
        throw new Error(`nginx refused the configuration:\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    try {
      execFileSync(nginxBin, ['-v'], { stdio: 'pipe' });
    } catch {
      throw new Error('nginx is not installed: `apt-get install nginx` (.ci/run does it)');
    }
    target = await createTestTarget('postgres');
    dir = mkdtempSync(join(tmpdir(), 'plaza-nginx-'));
    ports.push(await freePort(), await freePort());
    // One after the other: the first applies the migrations, the second finds them done.
    for (const port of ports)
      processes.set(port, await startServerProcess(target, plain, /Health\s+http/, { port }));
    const listen = await freePort();
    conf = join(dir, 'nginx.conf');
    writeFileSync(join(dir, 'upstream.conf'), upstreamList(ports, new Set()));
    writeFileSync(conf, nginxConfig(dir, listen));
    nginx = spawn(nginxBin, ['-p', dir, '-c', conf], { stdio: 'ignore' });
    base = `http://127.0.0.1:${listen}`;
    for (;;) {
      const up = await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (nginx.exitCode !== null) throw new Error(readFileSync(join(dir, 'error.log'), 'utf8'));
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 180_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      nginx.kill('SIGQUIT');
      await once(nginx, 'exit');
    }
    await Promise.all([...processes.values()].map((p) => p.stop()));
    await target?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('restarts every process in turn under load with no failed request and no lost edit', async () => {
    // A connection per request: a reload closes the old workers' idle keep-alive connections,
    // and a request racing that close is one a browser sends again on a new connection; this
    // client never reuses one, so every failure it sees is the deployment's.
    const call = (method: string, path: string, token?: string, body?: unknown) =>
      new Promise<{ status: number; json: Record<string, any> }>((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const req = request(`${base}${path}`, {
          method,
          agent: false,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          },
        });
        req.on('response', async (res) => {
          const text = Buffer.concat(await res.toArray()).toString();
          resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined });
        });
        req.on('error', reject);
        req.end(payload);
      });
    const email = 'ops@example.com';
    expect(
      (
        await call('POST', '/api/accounts', undefined, {
          email,
          name: 'Ops',
          password: 'correct horse battery',
        })
      ).status,
    ).toBe(201);
    const session = await call('POST', '/api/sessions', undefined, {
      email,
      password: 'correct horse battery',
    });
    const token = session.json.token as string;
    const org = await call('POST', '/api/orgs', token, { name: 'Noodle Co' });
    expect(org.status).toBe(201);
    const categories = await call('GET', '/api/app-categories', token);
    const category = categories.json.categories[0].id as string;
    const app = await call('POST', `/api/orgs/${org.json.org.id}/apps`, token, { name: 'Noodles', category });
    expect(app.status).toBe(201);
    const appid = app.json.app.appid as string;

    // Four clients, each reading the app and editing its description in turn, until told to stop.
    const failures: string[] = [];
    let done = 0;
    let edits = 0;
    let running = true;
    const client = async (n: number) => {
      for (let i = 0; running; i++) {
        const read = await call('GET', `/api/apps/${appid}`, token).catch((e: Error) => ({
          status: 0,
          json: { e: e.message },
        }));
        if (read.status !== 200) failures.push(`GET ${read.status} ${JSON.stringify(read.json)}`);
        const edit = await call('PATCH', `/api/apps/${appid}`, token, {
          description: `client ${n} edit ${i}`,
        }).catch((e: Error) => ({ status: 0, json: { e: e.message } }));
        if (edit.status === 200) edits++;
        else failures.push(`PATCH ${edit.status} ${JSON.stringify(edit.json)}`);
        done += 2;
      }
    };
    const load = [0, 1, 2, 3].map(client);
    /** Lets the load run for `count` more requests. */
    const more = async (count: number) => {
      const until = done + count;
      while (done < until && failures.length === 0) await new Promise((r) => setTimeout(r, 20));
    };

    await more(40);
    for (const port of ports) {
      await reload(new Set([port]));
      await more(20);
      // SIGTERM drains what the process still has, then a new one starts on the same port.
      await processes.get(port)?.stop();
      processes.set(port, await startServerProcess(target, plain, /Health\s+http/, { port }));
      await reload(new Set());
      await more(40);
    }
    running = false;
    await Promise.all(load);

    expect(failures).toEqual([]);
    expect(edits).toBeGreaterThan(0);
    // Every edit answered 200 is in the app's audit log once: none lost, none applied twice.
    let total = 0;
    let before = '';
    for (;;) {
      const page = await call('GET', `/api/apps/${appid}/audit?limit=200${before}`, token);
      const entries = page.json.entries as Array<{ id: string; action: string }>;
      total += entries.filter((e) => e.action === 'app.updated').length;
      if (entries.length < 200) break;
      before = `&before=${encodeURIComponent(entries[entries.length - 1]?.id ?? '')}`;
    }
    expect(total).toBe(edits);
    // Both restarted processes answered requests after their restart.
    const served = readFileSync(join(dir, 'access.log'), 'utf8').trim().split('\n').slice(-40);
    for (const port of ports) expect(served.some((line) => line.endsWith(`127.0.0.1:${port}`))).toBe(true);
  }, 240_000);
});
