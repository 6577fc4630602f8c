import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../package/build.ts';

const scratch = mkdtempSync(join(tmpdir(), 'plaza-batch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A program with enough scripts that they compile in a worker thread while the templates compile. */
function program(name: string, pages: number, script: (i: number) => string): string {
  const root = join(scratch, name);
  const paths = Array.from({ length: pages }, (_, i) => `pages/p${i}/p${i}`);
  const files: Record<string, string> = {
    'app.json': JSON.stringify({ pages: paths }),
    'app.js': 'App({});',
  };
  for (const [i, path] of paths.entries()) {
    files[`${path}.wxml`] = `<view>{{ n }}</view>`;
    files[`${i % 2 ? `${path}.ts` : `${path}.js`}`] = script(i);
  }
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  return root;
}

describe('a large program’s scripts, compiled alongside its templates', () => {
  it('gives every module, TypeScript included, as a build of few scripts would', () => {
    const result = build(
      program(
        'many',
        240,
        (i) => `const n${i % 2 ? ': number' : ''} = ${i};\nexport const page = ${i};\nPage({ data: { n } });`,
      ),
    );
    expect(result.errors).toEqual([]);
    const logic = String(result.files?.get('logic.js'));
    for (const i of [0, 1, 120, 239]) expect(logic).toContain(`__plaza_define("pages/p${i}/p${i}.js"`);
    expect(logic).toContain('const n = 239;');
    expect(logic).not.toContain(': number');
  });

  it('reports a script that does not parse at its line, and builds the others', () => {
    const result = build(
      program('broken', 220, (i) =>
        i === 7 ? 'Page({ data: {\n  n: ,\n} });' : `Page({ data: { n: ${i} } });`,
      ),
    );
    expect(result.errors.map((e) => [e.code, e.file, e.loc?.start.line])).toEqual([
      ['PLZ_SCRIPT_SYNTAX', 'pages/p7/p7.ts', 2],
    ]);
    const logic = String(result.files?.get('logic.js'));
    expect(logic).toContain('n: 8');
    expect(logic).toContain('throw new SyntaxError("pages/p7/p7.ts:2:');
  });
});
