import { encode } from '@jridgewell/sourcemap-codec';
import { describe, expect, it } from 'vitest';
import { logicHarness } from '../testing/logic-harness.ts';
import { ErrorLocator } from './error-locator.ts';

const frame = (line: number, column = 5) => `Error: x\n    at onLoad (plaza-logic.js:${line}:${column})`;

describe('ErrorLocator', () => {
  it('counts from the first line of a module body, with and without the compiler’s inner wrapper', () => {
    const bare = '/* header */\n__plaza_define("a.js", function () {\nline1\nline2\n});';
    // Evaluated as a script (no header lines): bundle line 4 is the body's second line.
    expect(new ErrorLocator(bare, 0).locate(frame(4))).toEqual({ file: 'a.js', line: 2, column: 5 });
    const wrapped =
      '__plaza_define("b.js", function () {\n(function () {\nline1\nline2\nline3\n}).call(module.exports);\n});';
    expect(new ErrorLocator(wrapped, 0).locate(frame(5))).toEqual({ file: 'b.js', line: 3, column: 5 });
    // `new Function` puts two lines before the body.
    expect(new ErrorLocator(wrapped).locate(frame(7))).toEqual({ file: 'b.js', line: 3, column: 5 });
  });

  it('reads an inline source map when the bundle carries one, and falls back to the file otherwise', () => {
    const mappings = encode([
      [],
      [],
      [
        [0, 0, 9, 2],
        [12, 0, 9, 14],
      ],
      [[2, 1, 0, 0]],
    ]);
    const map = { version: 3, sources: ['pages/a/a.ts', 'utils/u.js'], names: [], mappings };
    const source = `x\ny\nz\nw\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${btoa(JSON.stringify(map))}\n`;
    const locator = new ErrorLocator(source, 0);
    expect(locator.locate(frame(3, 1))).toEqual({ file: 'pages/a/a.ts', line: 10, column: 3 });
    expect(locator.locate(frame(3, 20))).toEqual({ file: 'pages/a/a.ts', line: 10, column: 15 });
    expect(locator.locate(frame(4, 3))).toEqual({ file: 'utils/u.js', line: 1, column: 1 });
    expect(locator.locate(frame(1), 'app.js')).toEqual({ file: 'app.js' });
    expect(locator.locate('no frame here', 'app.js')).toEqual({ file: 'app.js' });
  });
});

describe('errors reported by the logic layer', () => {
  it('name the exact line of a throwing lifecycle in the module it is in', async () => {
    const t = logicHarness({
      'app.js': 'App({});',
      'pages/index/index.js':
        'var a = 1;\nPage({\n  onLoad() {\n    throw new Error("line four");\n  },\n});',
    });
    await t.logic.launch();
    expect(t.of('error')[0]).toMatchObject({
      source: 'lifecycle',
      message: 'line four',
      file: 'pages/index/index.js',
      line: 4,
    });
  });
});
