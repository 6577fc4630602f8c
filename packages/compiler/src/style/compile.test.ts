import { describe, expect, it } from 'vitest';
import { scopeClassList } from '../render-runtime/class-scope.ts';
import { compileStyle } from './compile.ts';
import { componentStyleScope } from './style-scope.ts';

const scope = { prefix: 'c1-', keepGlobal: false, hostClass: 'c1' };

describe('rpx', () => {
  it('becomes a multiple of --plaza-rpx, leaving urls and strings alone', () => {
    const { css } = compileStyle(
      '.a { margin: 0 20rpx -1.5rpx; background: url(a10rpx.png); content: "2rpx" }',
    );
    expect(css).toBe(
      '.a { margin: 0 calc(20 * var(--plaza-rpx)) calc(-1.5 * var(--plaza-rpx)); background: url(a10rpx.png); content: "2rpx" }',
    );
  });
});

describe('@import', () => {
  const files: Record<string, string> = {
    'styles/a.wxss': '@import "./b.wxss";\n.a { width: 2rpx }',
    'styles/b.wxss': '.b { color: red }',
    'styles/loop1.wxss': '@import "loop2.wxss";',
    'styles/loop2.wxss': '@import "/styles/loop1.wxss";',
  };
  const readFile = (path: string) => files[path];

  it('inlines relative and absolute imports, recursively', () => {
    const { css, imports, errors } = compileStyle('@import "/styles/a.wxss";\n.page {}', {
      filename: 'app.wxss',
      readFile,
    });
    expect(errors).toEqual([]);
    expect(imports).toEqual(['styles/a.wxss', 'styles/b.wxss']);
    expect(css).toContain('.b { color: red }');
    expect(css).toContain('.a { width: calc(2 * var(--plaza-rpx)) }');
  });

  it('reports a cycle and an unresolved import with their line', () => {
    const cycle = compileStyle('@import "./styles/loop1.wxss";', { filename: 'app.wxss', readFile });
    expect(cycle.errors.map((error) => error.code)).toEqual(['PLZ_STYLE_IMPORT_CYCLE']);
    expect(cycle.errors[0]!.message).toContain('styles/loop1.wxss → styles/loop2.wxss → styles/loop1.wxss');
    const missing = compileStyle('.a{}\n@import "./nope.wxss";', { filename: 'app.wxss', readFile });
    expect(missing.errors.map((error) => [error.code, error.loc?.start.line])).toEqual([
      ['PLZ_STYLE_IMPORT_UNRESOLVED', 2],
    ]);
  });

  it('reports a syntax error with its position', () => {
    const { errors } = compileStyle('.a {\n  color: red;\n', { filename: 'x.wxss' });
    expect(errors.map((error) => [error.code, error.loc?.start.line])).toEqual([['PLZ_STYLE_SYNTAX', 1]]);
  });
});

describe('built-in tag selectors', () => {
  it('become the attribute the view marks built-ins with, and page the page root', () => {
    const { css } = compileStyle(
      'page { background: #f5f5f5 }\n.list view > text, button:not(.a), scroll-view::after {}\nli:nth-child(odd), my-card view, .view, #text, [data-x="view"] {}',
    );
    expect(css).toBe(
      'plaza-page { background: #f5f5f5 }\n.list [data-plaza="view"] > [data-plaza="text"], [data-plaza="button"]:not(.a), [data-plaza="scroll-view"]::after {}\nli:nth-child(odd), my-card [data-plaza="view"], .view, #text, [data-x="view"] {}',
    );
  });

  it('reach only inside the component that declares them, which cannot style its page', () => {
    const { css } = compileStyle('view { color: red }\n.card text, :host image {}\npage {}', { scope });
    expect(css).toBe(
      '.c1 [data-plaza="view"] { color: red }\n.c1-card [data-plaza="text"], .c1 [data-plaza="image"] {}\npage {}',
    );
  });
});

describe('safe areas', () => {
  it('read the variables the container sets in each frame, falling back to env()', () => {
    const { css } = compileStyle(
      '.bar { padding-bottom: env(safe-area-inset-bottom); margin: constant(safe-area-inset-top) 0 calc(10rpx + env(safe-area-inset-left, 4px)) }',
    );
    expect(css).toBe(
      '.bar { padding-bottom: var(--plaza-safe-area-inset-bottom, env(safe-area-inset-bottom)); margin: var(--plaza-safe-area-inset-top, env(safe-area-inset-top)) 0 calc(calc(10 * var(--plaza-rpx)) + var(--plaza-safe-area-inset-left, env(safe-area-inset-left, 4px))) }',
    );
  });
});

describe('component isolation', () => {
  it('prefixes class selectors, :host, and leaves keyframes and attribute selectors', () => {
    const source =
      '.a .b:hover, view.c > .d, [class="x.y"] {}\n:host { display: block }\n:host(.on) .e {}\n@keyframes spin { from { opacity: 0 } }';
    const { css } = compileStyle(source, { scope });
    expect(css).toBe(
      '.c1-a .c1-b:hover, [data-plaza="view"].c1-c > .c1-d, [class="x.y"] {}\n.c1 { display: block }\n.c1.c1-on .c1-e {}\n@keyframes spin { from { opacity: 0 } }',
    );
  });

  it('rewrites class attributes the same way, with external classes and shared names', () => {
    expect(scopeClassList('a  b', scope, {})).toBe('c1-a c1-b');
    expect(scopeClassList('a ext', scope, { ext: 'p-red big' })).toBe('c1-a p-red big');
    expect(scopeClassList('a', { ...scope, keepGlobal: true }, {})).toBe('c1-a a');
    expect(scopeClassList(undefined, scope, {})).toBe('');
  });

  it('maps styleIsolation and addGlobalClass to a scope', () => {
    expect(componentStyleScope('c/x', {})).toMatchObject({
      isolation: 'isolated',
      scope: { keepGlobal: false },
    });
    expect(componentStyleScope('c/x', { addGlobalClass: true })).toMatchObject({
      isolation: 'apply-shared',
      scope: { keepGlobal: true },
    });
    expect(componentStyleScope('c/x', { styleIsolation: 'shared' })).toMatchObject({
      scopedCss: false,
      scope: { keepGlobal: true },
    });
    expect(componentStyleScope('c/x', {}).scope.prefix).not.toBe(componentStyleScope('c/y', {}).scope.prefix);
  });
});
