import { describe, expect, it } from 'vitest';
import { type ModuleFactory, ModuleLoader } from './module-loader.ts';

function loaderWith(modules: Record<string, ModuleFactory>) {
  const loader = new ModuleLoader(() => ({}) as never);
  for (const [path, factory] of Object.entries(modules)) loader.define(path, factory);
  return loader;
}

describe('ModuleLoader', () => {
  it('resolves relative ids, optional .js and index files', () => {
    const loader = loaderWith({
      'utils/format.js': (_r, module) => {
        module.exports = (n: number) => `¥${n}`;
      },
      'lib/index.js': (_r, module) => {
        module.exports = { name: 'lib' };
      },
      'pages/a/a.js': (require, module) => {
        const format = require('../../utils/format') as (n: number) => string;
        const lib = require('/lib') as { name: string };
        module.exports = `${format(3)} ${lib.name}`;
      },
    });
    expect(loader.load('pages/a/a')).toBe('¥3 lib');
  });

  it('resolves as the platforms do: .json, a bare id relative first, then miniprogram_npm walking up', () => {
    const exportsOf =
      (value: unknown): ModuleFactory =>
      (_r, module) => {
        module.exports = value;
      };
    const loader = loaderWith({
      'pages/a/config.json': exportsOf({ json: true }),
      'pages/a/helper.js': exportsOf('relative helper'),
      'pages/miniprogram_npm/near/index.js': exportsOf('nearest npm'),
      'miniprogram_npm/near/index.js': exportsOf('root npm'),
      'miniprogram_npm/far/index.js': exportsOf('root npm only'),
      'miniprogram_npm/@scope/pkg/index.js': exportsOf('scoped'),
      'pages/a/a.js': (require, module) => {
        module.exports = [
          require('./config.json'),
          require('./config'),
          require('helper'),
          require('near'),
          require('far'),
          require('@scope/pkg'),
        ];
      },
    });
    expect(loader.load('pages/a/a')).toEqual([
      { json: true },
      { json: true },
      'relative helper',
      'nearest npm',
      'root npm only',
      'scoped',
    ]);
  });

  it('throws a coded error where a missing module is required, when it runs', () => {
    const loader = loaderWith({
      'pages/a/a.js': (require, module) => {
        module.exports = () => require('./gone');
      },
    });
    const later = loader.load('pages/a/a') as () => unknown;
    expect(later).toThrow(/module "\.\/gone" is not defined \(required from "pages\/a\/a\.js"\)/);
  });

  it('loads with require.async and require(id, done, fail), as for subpackages loaded later', async () => {
    const loader = loaderWith({
      'sub/util.js': (_r, module) => {
        module.exports = 'sub util';
      },
      'pages/a/a.js': (require, module) => {
        const withAsync = require as typeof require & { async(id: string): Promise<unknown> };
        const callback = require as unknown as (
          id: string,
          done: (v: unknown) => void,
          fail: (e: unknown) => void,
        ) => void;
        module.exports = Promise.all([
          withAsync.async('../../sub/util'),
          new Promise((done, fail) => callback('/sub/util', done, fail)),
          new Promise((done, fail) => callback('./gone', done, fail)).catch((error: Error) => error.message),
        ]);
      },
    });
    expect(await (loader.load('pages/a/a') as Promise<unknown>)).toEqual([
      'sub util',
      'sub util',
      'module "./gone" is not defined (required from "pages/a/a.js")',
    ]);
  });

  it('hands a cycle the partial exports, as CommonJS does', () => {
    const loader = loaderWith({
      'a.js': (require, _m, exports) => {
        (exports as Record<string, unknown>).early = 1;
        (exports as Record<string, unknown>).fromB = require('./b');
      },
      'b.js': (require, module) => {
        module.exports = { sawA: { ...(require('./a') as object) } };
      },
    });
    expect(loader.load('a')).toEqual({ early: 1, fromB: { sawA: { early: 1 } } });
  });

  it('names the requiring file when a module is missing', () => {
    const loader = loaderWith({ 'pages/a/a.js': (require) => require('./missing') });
    expect(() => loader.load('pages/a/a')).toThrow(
      'module "./missing" is not defined (required from "pages/a/a.js")',
    );
  });
});

describe('module globals', () => {
  it('start with the compiler scriptGlobals, in its order', async () => {
    const { scriptGlobals } = await import('@plaza/compiler');
    const { MODULE_GLOBALS } = await import('./module-loader.ts');
    expect(MODULE_GLOBALS.slice(0, scriptGlobals.length)).toEqual([...scriptGlobals]);
  });
});
