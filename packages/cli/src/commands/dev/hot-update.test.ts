import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from '@plaza/compiler';
import { afterEach, describe, expect, it } from 'vitest';
import { type DevBuild, planHotUpdate } from './hot-update.ts';

const program: Record<string, string> = {
  'app.json': JSON.stringify({ pages: ['pages/a/a', 'pages/b/b'] }),
  'app.js': 'App({});',
  'app.wxss': '.page { padding: 8px; }',
  'pages/a/a.json': JSON.stringify({ usingComponents: { card: '/components/card/card' } }),
  'pages/a/a.wxml': '<view class="page"><card title="{{ title }}" /></view>',
  'pages/a/a.wxss': '.page { color: red; }',
  'pages/a/a.js': "const { twice } = require('../../utils/twice.js'); Page({ data: { title: twice('a') } });",
  'pages/b/b.wxml': '<wxs module="f" src="../../utils/f.wxs" /><view>{{ f.up(name) }}</view>',
  'pages/b/b.js': "Page({ data: { name: 'b' } });",
  'components/card/card.json': '{ "component": true }',
  'components/card/card.wxml': '<view>{{ title }}</view>',
  'components/card/card.js': 'Component({ properties: { title: String } });',
  'utils/twice.js': 'module.exports = { twice: (s) => s + s };',
  'utils/f.wxs': 'module.exports = { up: function (s) { return s.toUpperCase(); } };',
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function built(changes: Record<string, string | undefined> = {}): DevBuild {
  const dir = mkdtempSync(join(tmpdir(), 'plaza-hot-plan-'));
  dirs.push(dir);
  for (const [file, content] of Object.entries({ ...program, ...changes })) {
    if (content === undefined) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  const result = build(dir);
  expect(result.errors).toEqual([]);
  return { manifest: result.manifest!, parts: result.parts! };
}

describe('planHotUpdate', () => {
  const before = built();

  it('swaps a changed stylesheet or template alone, and nothing when nothing changed', () => {
    expect(planHotUpdate(before, built())).toEqual({ view: '', ids: [], logic: '', pages: [] });
    const style = planHotUpdate(before, built({ 'pages/a/a.wxss': '.page { color: blue; }' }));
    expect(style).toMatchObject({ ids: ['pages/a/a'], pages: [], logic: '' });
    expect(style!.view).toContain('color: blue');
    expect(planHotUpdate(before, built({ 'app.wxss': '.page { padding: 9px; }' }))?.ids).toEqual(['app']);
    const template = planHotUpdate(
      before,
      built({ 'components/card/card.wxml': '<text>{{ title }}!</text>' }),
    );
    expect(template?.ids).toEqual(['components/card/card']);
    const wxs = planHotUpdate(
      before,
      built({ 'utils/f.wxs': 'module.exports = { up: function (s) { return s; } };' }),
    );
    expect(wxs?.ids).toEqual(['wxs:utils/f.wxs']);
  });

  it("swaps a page's own script, which registers the page again", () => {
    const update = planHotUpdate(before, built({ 'pages/b/b.js': "Page({ data: { name: 'c' } });" }));
    expect(update).toMatchObject({ ids: [], pages: ['pages/b/b'] });
    expect(update!.logic).toContain('name: "c"');
  });

  it('starts again for the app script or config, a component or shared script, a page config, a file added', () => {
    const fromScratch: Record<string, string | undefined>[] = [
      { 'app.js': 'App({ globalData: {} });' },
      { 'app.json': JSON.stringify({ pages: ['pages/b/b', 'pages/a/a'] }) },
      { 'components/card/card.js': 'Component({ properties: { title: Number } });' },
      { 'utils/twice.js': 'module.exports = { twice: (s) => s };' },
      { 'pages/b/b.json': JSON.stringify({ navigationBarTitleText: 'B' }) },
      { 'utils/more.js': 'module.exports = 1;' },
    ];
    for (const changes of fromScratch)
      expect(planHotUpdate(before, built(changes)), JSON.stringify(changes)).toBeUndefined();
  });
});
