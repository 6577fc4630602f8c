import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ABSENT_MEMBERS, IMPLEMENTED_MEMBERS } from '@plaza/runtime';
import { logicHarness } from '@plaza/runtime/testing';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ttMembers, wxMembers } from './declared-members.ts';
import { generatedFiles } from './generated-files.ts';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

function testFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') found.push(...testFiles(path));
    else if (entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

/** Members named as `wx.<name>` or `tt.<name>` in the titles of `it`/`test` calls of these files. */
function membersNamedByTests(dirs: string[]): Set<string> {
  const named = new Set<string>();
  for (const file of dirs.flatMap(testFiles)) {
    const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        (node.expression.text === 'it' || node.expression.text === 'test')
      ) {
        const title = node.arguments[0];
        if (title && (ts.isStringLiteral(title) || ts.isNoSubstitutionTemplateLiteral(title)))
          for (const match of title.text.matchAll(/\b(?:wx|tt)\.([A-Za-z0-9]+)/g)) named.add(match[1]!);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return named;
}

/**
 * Members Plaza ran before the matrix existed, proved by older tests whose titles do not name
 * them yet. Debt to pay by retitling those tests: the list may only shrink, and nothing new joins it.
 */
const NAMED_BY_OLDER_TESTS = new Set([
  'request',
  'showModal',
  'showActionSheet',
  'startPullDownRefresh',
  'stopPullDownRefresh',
  'navigateTo',
  'redirectTo',
  'navigateBack',
  'switchTab',
  'reLaunch',
  'login',
  'checkSession',
  'getUserProfile',
  'getUserInfo',
  'pay',
  'requestPayment',
  'requestSubscribeMessage',
  'getLocation',
  'makePhoneCall',
  'setClipboardData',
  'getClipboardData',
]);

describe('the compatibility matrix', () => {
  it('docs/api-matrix.md and the runtime table of declared members are what the generator writes (npm run api-matrix)', async () => {
    for (const [path, text] of Object.entries(await generatedFiles())) {
      expect(readFileSync(join(root, path), 'utf8'), `${path} is stale: run npm run api-matrix`).toBe(text);
    }
  });

  it('reads every member of interface Wx and of tt from the typings, each with how it is called', () => {
    const wx = wxMembers();
    const tt = ttMembers();
    expect(wx.length).toBeGreaterThan(380);
    expect(tt.length).toBeGreaterThan(150);
    expect(wx.find((m) => m.name === 'getBluetoothAdapterState')?.kind).toBe('async');
    expect(wx.find((m) => m.name === 'getStorageSync')?.kind).toBe('sync');
    expect(wx.find((m) => m.name === 'onNetworkStatusChange')?.kind).toBe('listen');
    expect(tt.find((m) => m.name === 'showDouyinOpenAuth')?.kind).toBe('async');
    // The runtime's table of stand-ins holds exactly the members the registry does not implement.
    for (const m of [...wx, ...tt])
      expect(
        Object.hasOwn(ABSENT_MEMBERS, m.name) !== Object.hasOwn(IMPLEMENTED_MEMBERS, m.name),
        m.name,
      ).toBe(true);
  });

  it('gives a running program every member of wx and tt: implemented, or standing in for it', async () => {
    const names = (members: Array<{ name: string }>) => JSON.stringify(members.map((m) => m.name));
    const t = logicHarness({
      'app.js': `App({ onLaunch() {
        var absent = function (api, names) { return names.filter(function (n) { return api[n] === undefined; }); };
        this.absent = { wx: absent(wx, ${names(wxMembers())}), tt: absent(tt, ${names(ttMembers())}) };
      } });`,
      'pages/index/index.js': 'Page({});',
    });
    await t.logic.launch();
    expect((t.logic.getApp() as { absent: unknown }).absent).toEqual({ wx: [], tt: [] });
  });

  // A claim needs a test that names the member: `browser` a Chromium test of the container,
  // `headless` a test of the runtime or the simulator, `host` a test of either.
  it('claims browser only for members a container test names, headless only for members a runtime or simulator test names', () => {
    const browserTests = membersNamedByTests(['packages/container/src']);
    const headlessTests = membersNamedByTests(['packages/runtime/src', 'packages/simulator/src']);
    const unproved: string[] = [];
    const registry: Record<string, readonly string[]> = IMPLEMENTED_MEMBERS;
    for (const [name, where] of Object.entries(registry)) {
      if (NAMED_BY_OLDER_TESTS.has(name)) continue;
      if (where.includes('browser') && !browserTests.has(name)) unproved.push(`${name}: browser`);
      if (where.includes('headless') && !headlessTests.has(name)) unproved.push(`${name}: headless`);
      if (where.includes('host') && !browserTests.has(name) && !headlessTests.has(name))
        unproved.push(`${name}: host`);
    }
    expect(unproved).toEqual([]);
    expect([...NAMED_BY_OLDER_TESTS].filter((name) => !registry[name]).length).toBe(0);
    expect(NAMED_BY_OLDER_TESTS.size).toBeLessThanOrEqual(21);
  });
});
