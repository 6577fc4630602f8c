import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../io.ts';
import { main } from '../main.ts';

// npm itself is stood in for by a script on PATH that installs two packages the way npm lays
// them out (one with a `miniprogram` folder, one plain) and logs how it was called: the test
// is about what `plaza check` asks of npm and what it does with the result, not the registry.
const FAKE_NPM = `#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
fs.appendFileSync(process.env.FAKE_NPM_LOG, process.cwd() + ' ' + process.argv.slice(2).join(' ') + '\\n');
const deps = JSON.parse(fs.readFileSync('package.json', 'utf8')).dependencies;
const put = (file, text) => { fs.mkdirSync(path.dirname(file), { recursive: true }); fs.writeFileSync(file, text); };
if (deps['store-lib']) {
  put('node_modules/store-lib/package.json', JSON.stringify({ name: 'store-lib', miniprogram: 'dist' }));
  put('node_modules/store-lib/dist/index.js', 'global.stores = (global.stores || 0) + 1; module.exports = { value: 42 };');
}
if (deps['plain-lib']) {
  put('node_modules/plain-lib/package.json', JSON.stringify({ name: 'plain-lib', main: 'index.js' }));
  put('node_modules/plain-lib/index.js', 'module.exports = (s) => s.toUpperCase();');
}
`;

let work: string;
let log: string;
const saved = { PATH: process.env.PATH, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'plaza-npm-'));
  const bin = join(work, 'bin');
  await mkdir(bin);
  await writeFile(join(bin, 'npm'), FAKE_NPM);
  await chmod(join(bin, 'npm'), 0o755);
  log = join(work, 'npm.log');
  process.env.FAKE_NPM_LOG = log;
  process.env.PATH = `${bin}:${process.env.PATH}`;
  process.env.XDG_CACHE_HOME = join(work, 'cache');
});
afterAll(async () => {
  process.env.PATH = saved.PATH;
  if (saved.XDG_CACHE_HOME === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = saved.XDG_CACHE_HOME;
  delete process.env.FAKE_NPM_LOG;
  await rm(work, { recursive: true, force: true });
});

async function plaza(...args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const io: CommandIo = { cwd: work, stdout: (t) => out.push(t), stderr: () => {} };
  const code = await main(args, io);
  return { code, out: out.join('') };
}

async function program(dir: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    const path = join(work, dir, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
}

describe('plaza check, a program whose author has not run npm install', () => {
  it('installs the package.json dependencies itself, scripts off, into a cache, and says so', async () => {
    await program('uninstalled', {
      'package.json': JSON.stringify({
        dependencies: {
          'store-lib': '^1.0.0',
          'plain-lib': '1.0.0',
          'from-git': 'git+https://example.com/x.git',
        },
      }),
      'app.json': '{ "pages": ["pages/index/index"] }',
      'app.js': "require('store-lib'); App({});",
      'pages/index/index.js': `const store = require('store-lib');
        const shout = require('plain-lib');
        // The logic layer's global: one object all modules share.
        if (store.value !== 42 || shout('a') !== 'A' || global.stores !== 1) throw new Error('not installed');
        Page({ data: { word: shout('ok') } });`,
      'pages/index/index.wxml': '<view>{{word}}</view>',
    });
    const first = await plaza('check', 'uninstalled', '--json');
    const report = JSON.parse(first.out);
    expect(report.pages).toMatchObject([{ path: 'pages/index/index', rendered: true, errors: [] }]);
    expect(first.code).toBe(0);
    expect(report.installed).toEqual([
      {
        packageJson: 'package.json',
        // A git URL is not the registry's: left for the author's own install.
        dependencies: ['plain-lib', 'store-lib'],
        folder: expect.stringContaining(join(work, 'cache', 'plaza', 'npm')),
      },
    ]);
    const calls = (await readFile(log, 'utf8')).trim().split('\n');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain('install --ignore-scripts --omit=dev');
    // The program's folder is not written to.
    expect(existsSync(join(work, 'uninstalled', 'node_modules'))).toBe(false);

    // The same list again comes from the cache, and the text report says what was installed.
    const second = await plaza('check', 'uninstalled');
    expect(second.out).toContain(
      "package.json's dependencies (plain-lib, store-lib) were not installed: installed them with npm install --ignore-scripts",
    );
    expect((await readFile(log, 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('installs nothing when the dependencies are installed or committed under miniprogram_npm', async () => {
    await program('committed', {
      'package.json': JSON.stringify({ dependencies: { 'store-lib': '^1.0.0' } }),
      'miniprogram_npm/store-lib/index.js': 'module.exports = { value: 42 };',
      'app.json': '{ "pages": ["pages/index/index"] }',
      'app.js': 'App({});',
      'pages/index/index.js': "if (require('store-lib').value !== 42) throw new Error('x'); Page({});",
      'pages/index/index.wxml': '<view>ok</view>',
    });
    const before = (await readFile(log, 'utf8')).split('\n').length;
    const { code, out } = await plaza('check', 'committed', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).installed).toEqual([]);
    expect((await readFile(log, 'utf8')).split('\n').length).toBe(before);
  });
});
