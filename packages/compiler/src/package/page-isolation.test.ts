import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadViewBundle } from '../render-runtime/index.ts';
import { printNodes } from '../template/render-for-test.ts';
import { programFolder } from '../testing/program-folder.ts';
import { build } from './build.ts';

const folder = programFolder('plaza-isolation-');
afterAll(() => folder.remove());

const twoPages = {
  'app.json': '{ "pages": ["pages/good/good", "pages/bad/bad"] }',
  'app.js': 'App({});',
  'pages/good/good.wxml': '<view>good</view>',
  'pages/good/good.js': 'Page({});',
  'pages/bad/bad.js': 'Page({});',
};

const codesOf = (errors: { code: string }[] | undefined) => errors?.map((error) => error.code);

describe('each page stands or falls on its own', () => {
  it('fails only the page whose template has an error; the other builds', () => {
    const result = build(
      folder.write('template-error', { ...twoPages, 'pages/bad/bad.wxml': '<view>{{ a + }}</view>' }),
    );
    expect(result.manifest?.pages).toEqual(['pages/good/good', 'pages/bad/bad']);
    expect([...result.pageErrors.keys()]).toEqual(['pages/bad/bad']);
    expect(codesOf(result.pageErrors.get('pages/bad/bad'))).toEqual(['PLZ_EXPR_SYNTAX']);
    expect(codesOf(result.errors)).toEqual(['PLZ_EXPR_SYNTAX']);
    const registry = loadViewBundle(String(result.files!.get('view.js')));
    expect(printNodes(registry.render('pages/good/good', {}))).toBe('<view>good</view>');
  });

  it('fails the pages that include a file that does not exist, where they include it', () => {
    const result = build(
      folder.write('include', {
        ...twoPages,
        'pages/bad/bad.wxml': '<view>\n  <include src="./gone.wxml"/>\n</view>',
      }),
    );
    const [error] = result.pageErrors.get('pages/bad/bad') ?? [];
    expect([error?.code, error?.file, error?.loc?.start.line]).toEqual([
      'PLZ_PROJ_IMPORT_UNRESOLVED',
      'pages/bad/bad.wxml',
      2,
    ]);
    expect(result.pageErrors.has('pages/good/good')).toBe(false);
  });

  it('fails a page listed without a template, at its line of app.json', () => {
    const result = build(folder.write('missing', twoPages));
    expect(result.manifest?.pages).toEqual(['pages/good/good']);
    const [error] = result.pageErrors.get('pages/bad/bad') ?? [];
    expect([error?.code, error?.file, error?.loc?.start.line]).toEqual([
      'PLZ_PROJ_PAGE_MISSING',
      'app.json',
      1,
    ]);
  });

  it('fails the pages of a broken component, not the others', () => {
    const result = build(
      folder.write('component', {
        ...twoPages,
        'pages/bad/bad.wxml': '<card/>',
        'pages/bad/bad.json': '{ "usingComponents": { "card": "/components/card/card" } }',
        'components/card/card.wxml': '<view>{{ ) }}</view>',
        'components/card/card.js': 'Component({});',
      }),
    );
    expect([...result.pageErrors.keys()]).toEqual(['pages/bad/bad']);
  });

  it('fails, among the pages app.json gives a component that does not resolve, only those showing it', () => {
    const result = build(
      folder.write('global-component', {
        ...twoPages,
        'app.json':
          '{ "pages": ["pages/good/good", "pages/bad/bad"], "usingComponents": { "gone": "/no/such" } }',
        'pages/bad/bad.wxml': '<gone/>',
      }),
    );
    expect([...result.pageErrors.keys()]).toEqual(['pages/bad/bad']);
    expect(codesOf(result.pageErrors.get('pages/bad/bad'))).toEqual(['PLZ_PROJ_COMPONENT_UNRESOLVED']);
  });

  it('fails the pages showing a plugin component with a coded error', () => {
    const result = build(
      folder.write('plugin', {
        ...twoPages,
        'pages/bad/bad.wxml': '<map-picker/>',
        'pages/bad/bad.json': '{ "usingComponents": { "map-picker": "plugin://chooseLocation/picker" } }',
      }),
    );
    expect(result.manifest).toBeDefined();
    expect(codesOf(result.pageErrors.get('pages/bad/bad'))).toEqual(['PLZ_PROJ_PLUGIN']);
    expect(result.pageErrors.has('pages/good/good')).toBe(false);
  });

  it('stops the whole app on an app-wide error', () => {
    const result = build(
      folder.write('app-wide', {
        ...twoPages,
        'pages/bad/bad.wxml': '<view/>',
        'app.wxss': '.a { color: red',
      }),
    );
    expect(result.manifest).toBeUndefined();
    expect(codesOf(result.errors)).toEqual(['PLZ_STYLE_SYNTAX']);
  });

  it('lets a script that does not parse fail where it is required, not the build', () => {
    const result = build(
      folder.write('script', {
        ...twoPages,
        'pages/bad/bad.wxml': '<view/>',
        'pages/bad/bad.js': 'Page({,});',
      }),
    );
    expect(codesOf(result.pageErrors.get('pages/bad/bad'))).toEqual(['PLZ_SCRIPT_SYNTAX']);
    expect(String(result.files!.get('logic.js'))).toContain(
      'throw new SyntaxError("pages/bad/bad.js:1:7: Invalid script:',
    );
  });
});

describe('project loading as the platforms resolve it', () => {
  it('bundles .json files as modules and warns of a require that does not resolve', () => {
    const result = build(
      folder.write('json', {
        ...twoPages,
        'pages/bad/bad.wxml': '<view/>',
        'pages/bad/bad.js':
          "const c = require('./config.json'); const d = require('./data'); Page({ data: c });",
        'pages/bad/config.json': '{ "a": 1 }',
        'pages/bad/data.json': '[1]',
      }),
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const logic = String(result.files!.get('logic.js'));
    expect(logic).toContain('__plaza_define("pages/bad/config.json"');
    expect(logic).toContain('module.exports = {"a":1};');
  });

  it('imports a stylesheet named without its extension', () => {
    const result = build(
      folder.write('style-import', {
        ...twoPages,
        'pages/bad/bad.wxml': '<view/>',
        'pages/bad/bad.wxss': '@import "/styles/base";\n@import "../../styles/other";',
        'styles/base.wxss': '.base { color: red }',
        'styles/other.wxss': '.other { color: blue }',
      }),
    );
    expect(result.errors).toEqual([]);
    const view = String(result.files!.get('view.js'));
    expect(view).toContain('.base');
    expect(view).toContain('.other');
  });

  it('reads .wxml, .wxss and .wxs files in a Douyin program, and a .ttml named as .wxml', () => {
    const result = build(
      folder.write('tt-port', {
        'app.json': '{ "pages": ["pages/a/a", "pages/b/b"] }',
        'app.js': 'App({});',
        'pages/a/a.ttml':
          '<import src="../t/t.wxml"/><template is="t"/><sjs module="m" src="./m.wxs"/>{{ m.x }}',
        'pages/a/a.js': 'Page({});',
        'pages/a/m.wxs': 'module.exports = { x: "wxs" };',
        'pages/t/t.ttml': '<template name="t"><text>t</text></template>',
        'pages/a/a.ttss': '.a { color: red }',
        'app.wxss': '.app { color: green }',
        'pages/t/t.ttss': '.t { color: red }',
        'common.ttss': '.c { color: red }',
        'pages/b/b.wxml': '<view class="b">b</view>',
        'pages/b/b.wxss': '.b { color: blue }',
        'pages/b/b.js': 'Page({});',
      }),
    );
    expect(result.errors.map(String)).toEqual([]);
    expect(result.manifest?.dialect).toBe('tt');
    const registry = loadViewBundle(String(result.files!.get('view.js')));
    expect(printNodes(registry.render('pages/a/a', {}))).toBe('<text>t</text>wxs');
    expect(printNodes(registry.render('pages/b/b', {}))).toBe('<view class="b">b</view>');
    expect(String(result.files!.get('view.js'))).toContain('.b { color: blue }');
    expect(String(result.files!.get('view.js'))).toContain('.app { color: green }');
  });

  it('gives an included file the wxs modules of the file including it', () => {
    const result = build(
      folder.write('wxs-include', {
        ...twoPages,
        'pages/bad/bad.wxml':
          '<wxs module="fmt">module.exports = { up: function (s) { return s.toUpperCase(); } };</wxs>\n<include src="./part.wxml"/>',
        'pages/bad/part.wxml': '<text>{{ fmt.up(name) }}</text><include src="./deeper.wxml"/>',
        'pages/bad/deeper.wxml': '<text>{{ fmt.up("deep") }}</text>',
      }),
    );
    expect(result.errors.map(String)).toEqual([]);
    const registry = loadViewBundle(String(result.files!.get('view.js')));
    expect(printNodes(registry.render('pages/bad/bad', { name: 'li' }))).toBe(
      '<text>LI</text><text>DEEP</text>',
    );
  });
});

describe('npm packages and extended libraries', () => {
  const page = {
    'app.js': 'App({});',
    'pages/index/index.js': 'Page({});',
  };

  it('serves useExtendedLib weui from the weui-miniprogram package', () => {
    const result = build(
      folder.write('weui', {
        ...page,
        'app.json': '{ "pages": ["pages/index/index"], "useExtendedLib": { "weui": true } }',
        'pages/index/index.json': '{ "usingComponents": { "mp-cell": "weui-miniprogram/cell/cell" } }',
        'pages/index/index.wxml': '<mp-cell title="t"/>',
      }),
    );
    expect(result.errors.map(String)).toEqual([]);
    expect(result.manifest?.components['miniprogram_npm/weui-miniprogram/cell/cell']).toBeDefined();
  });

  it('builds package.json dependencies, by their miniprogram folder or, plain, by the package itself, as "build npm" does', () => {
    const root = folder.write('npm', {
      ...page,
      'app.json': '{ "pages": ["pages/index/index"] }',
      // `..` is no package name: nothing outside node_modules is mounted for it.
      'package.json': '{ "dependencies": { "ui-kit": "^1.0.0", "plain": "^1.0.0", "..": "1.0.0" } }',
      'node_modules/ui-kit/package.json': '{ "name": "ui-kit", "miniprogram": "dist" }',
      'node_modules/ui-kit/dist/button/index.wxml': '<view class="btn"><slot/></view>',
      'node_modules/ui-kit/dist/button/index.js': 'Component({});',
      'node_modules/ui-kit/dist/button/index.json': '{ "component": true }',
      'node_modules/ui-kit/dist/index.js': 'module.exports = { kit: true };',
      'node_modules/plain/package.json': '{ "name": "plain" }',
      'node_modules/plain/index.js': 'module.exports = 1;',
      'pages/index/index.json': '{ "usingComponents": { "kit-button": "ui-kit/button/index" } }',
      'pages/index/index.wxml': '<kit-button>go</kit-button>',
    });
    const result = build(root);
    expect(result.errors.map(String)).toEqual([]);
    expect(result.manifest?.components['miniprogram_npm/ui-kit/button/index']).toBeDefined();
    expect(String(result.files!.get('logic.js'))).toContain(
      '__plaza_define("miniprogram_npm/ui-kit/index.js"',
    );
    expect(String(result.files!.get('logic.js'))).toContain(
      '__plaza_define("miniprogram_npm/plain/index.js"',
    );
    expect(String(result.files!.get('logic.js'))).not.toContain('miniprogram_npm/..');
  });

  it('follows packNpmRelationList from the project folder, given the project or the program folder', () => {
    const project = folder.write('npm-relations', {
      'project.config.json': JSON.stringify({
        miniprogramRoot: 'miniprogram/',
        setting: {
          packNpmManually: true,
          packNpmRelationList: [
            { packageJsonPath: './package.json', miniprogramNpmDistDir: './miniprogram/' },
          ],
        },
      }),
      'package.json': '{ "dependencies": { "state-kit": "^4.0.0" } }',
      'node_modules/state-kit/package.json': '{ "name": "state-kit", "miniprogram": "miniprogram_dist" }',
      'node_modules/state-kit/miniprogram_dist/index.js': 'exports.observable = (o) => o;',
      'miniprogram/app.json': '{ "pages": ["pages/index/index"] }',
      'miniprogram/app.js': 'App({});',
      'miniprogram/store/index.js': "module.exports = require('state-kit').observable({ n: 1 });",
      'miniprogram/pages/index/index.js': "require('../../store/index'); Page({});",
      'miniprogram/pages/index/index.wxml': '<view/>',
    });
    for (const given of [project, join(project, 'miniprogram')]) {
      const result = build(given);
      expect(result.warnings.map(String)).toEqual([]);
      expect(String(result.files!.get('logic.js'))).toContain(
        '__plaza_define("miniprogram_npm/state-kit/index.js"',
      );
    }
  });

  it('warns of a dependency that is not installed, at its line of package.json', () => {
    const result = build(
      folder.write('npm-missing', {
        ...page,
        'app.json': '{ "pages": ["pages/index/index"] }',
        'package.json': '{\n  "dependencies": {\n    "state-kit": "^4.0.0"\n  }\n}',
        'pages/index/index.wxml': '<view/>',
      }),
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.code, w.file, w.loc?.start.line])).toEqual([
      ['PLZ_PROJ_NPM_NOT_INSTALLED', 'package.json', 3],
    ]);
  });

  it('prefers a committed miniprogram_npm folder to the installed package', () => {
    const root = folder.write('npm-committed', {
      ...page,
      'app.json': '{ "pages": ["pages/index/index"] }',
      'package.json': '{ "dependencies": { "ui-kit": "^1.0.0" } }',
      'node_modules/ui-kit/package.json': '{ "name": "ui-kit", "miniprogram": "dist" }',
      'node_modules/ui-kit/dist/index.js': 'module.exports = "installed";',
      'miniprogram_npm/ui-kit/index.js': 'module.exports = "committed";',
      'pages/index/index.wxml': '<view/>',
    });
    const logic = String(build(root).files!.get('logic.js'));
    expect(logic).toContain('"committed"');
    expect(logic).not.toContain('"installed"');
  });
});
