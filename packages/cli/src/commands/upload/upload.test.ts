import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlatform, loadConfig, type Platform } from '@plaza/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../../io.ts';
import { credentialsPath, login, readCredentials } from '../login/index.ts';
import { upload } from './index.ts';

// End to end: plaza login and plaza upload of the takeout example against a real server
// on a loopback port, then the automated checks of the submitted version.
const repo = join(import.meta.dirname, '../../../../..');
const password = 'correct horse battery';

function captureIo(): CommandIo & { out: string; err: string } {
  const io = {
    cwd: repo,
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

describe('plaza login and plaza upload', () => {
  let platform: Platform;
  let server: string;
  let dataDir: string;
  let configHome: string;
  let appid: string;
  let secret: string;
  const email = `cli.${process.pid}@example.com`;

  async function call(method: string, path: string, body?: unknown, token?: string) {
    const res = await fetch(`${server}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the test reads what the route answers
    return { status: res.status, json: (await res.json().catch(() => undefined)) as any };
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'plaza-cli-upload-'));
    configHome = mkdtempSync(join(tmpdir(), 'plaza-cli-config-'));
    const config = loadConfig({
      PLAZA_DATA_DIR: dataDir,
      PLAZA_PORT: '0',
      PLAZA_LOG_LEVEL: 'silent',
      PLAZA_DEMO: 'false',
      PLAZA_WORKERS: 'false',
    });
    platform = await createPlatform({ config });
    server = await platform.listen();
    await call('POST', '/api/accounts', { email, name: 'CLI', password });
    const session = await call('POST', '/api/sessions', { email, password });
    const org = await call('POST', '/api/orgs', { name: 'Noodles' }, session.json.token);
    const app = await call(
      'POST',
      `/api/orgs/${org.json.org.id}/apps`,
      { name: 'Takeout', category: 'food_delivery', request_domains: ['https://takeout.example.com'] },
      session.json.token,
    );
    appid = app.json.app.appid;
    secret = app.json.secret;
  });
  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(configHome, { recursive: true, force: true });
  });

  it('logs in, keeping the session in a 0600 credentials file', async () => {
    const env = { XDG_CONFIG_HOME: configHome };
    const io = captureIo();
    expect(await login({ server: `${server}/`, email, password, env }, io)).toBe(0);
    const path = credentialsPath(env);
    expect(path).toBe(join(configHome, 'plaza', 'credentials.json'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const saved = await readCredentials(path);
    expect(saved.current).toBe(server);
    expect(saved.servers[server]?.token).toBeTruthy();
    await expect(login({ server, email, password: 'wrong password!', env }, captureIo())).rejects.toThrow(
      /login failed/,
    );
  });

  it('uploads the takeout example with a progress bar, submits it, and its checks pass', async () => {
    const env = { XDG_CONFIG_HOME: configHome };
    const io = captureIo();
    const code = await upload(
      'examples/takeout',
      { version: '1.0.0', desc: 'First release', appid, submit: true, env, terminal: false },
      io,
    );
    expect(io.err).toMatch(/Uploading \[#{30}\] 100%/);
    expect(code).toBe(0);
    const id = /as version (ver_\w+)/.exec(io.out)?.[1];
    expect(id).toBeTruthy();
    expect(io.out).toContain('Submitted for review');

    await platform.jobs.workers.runDue();
    const token = (await readCredentials(credentialsPath(env))).servers[server]?.token;
    const read = await call('GET', `/api/apps/${appid}/versions/${id}`, undefined, token);
    expect(read.json.version.status).toBe('in_review');
    expect(read.json.version.checks.report.pages.map((p: { path: string }) => p.path)).toEqual([
      'pages/shop/shop',
      'pages/orders/orders',
      'pages/confirm/confirm',
      'pages/result/result',
    ]);
    expect(
      read.json.version.checks.report.pages.filter((p: { errors: unknown[] }) => p.errors.length),
    ).toEqual([]);
    expect(read.json.version.checks.status).toBe('passed');
  });

  it('uploads from CI with the app credentials, and says what went wrong on a refusal', async () => {
    const env = { XDG_CONFIG_HOME: configHome, PLAZA_APPID: appid, PLAZA_APP_SECRET: secret };
    const io = captureIo();
    expect(await upload('examples/takeout', { version: '1.0.1', server, env, terminal: false }, io)).toBe(0);
    expect(io.out).toContain('Next: submit it for review');
    await expect(
      upload('examples/takeout', { version: '0.9.0', server, env, terminal: false }, captureIo()),
    ).rejects.toThrow(/VERSION_NOT_NEWER/);
  });
});
