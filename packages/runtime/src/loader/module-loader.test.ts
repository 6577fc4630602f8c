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
