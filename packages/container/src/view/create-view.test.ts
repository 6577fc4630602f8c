import { compileTemplate, componentStyleScope } from '@plaza/compiler';
import { ViewRegistry } from '@plaza/compiler/render-runtime';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { mountProgram } from './testing/mount-program.ts';

type Template = { wxml: string; usingComponents?: Record<string, string>; css?: string; component?: boolean };

/** Compiles templates in memory into the registry the view renders from. */
function modules(templates: Record<string, Template>): ViewRegistry {
  const registry = new ViewRegistry();
  for (const [id, t] of Object.entries(templates)) {
    const compiled = compileTemplate(t.wxml, {
      filename: `${id}.wxml`,
      usingComponents: t.usingComponents ?? {},
    });
    if (compiled.errors.length > 0) throw new Error(compiled.errors[0]!.message);
    const module = new Function(`return ${compiled.code}`)();
    registry.define(id, {
      ...module,
      usingComponents: t.usingComponents,
      css: t.css,
      ...(t.component ? { styleScope: componentStyleScope(id, {}).scope } : {}),
    });
  }
  return registry;
}

function page(
  files: Record<string, string>,
  templates: Record<string, Template>,
  entry = 'pages/index/index',
) {
  const window = new Window({ width: 375, height: 800 });
  const document = window.document as unknown as Document;
  const pages = Object.keys(files)
    .filter((f) => f.startsWith('pages/'))
    .map((f) => f.replace(/\.js$/, ''));
  const program = mountProgram({
    document,
    files,
    viewModules: modules(templates),
    manifest: { entryPage: entry, pages },
  });
  return { ...program, document, window };
}

const click = (el: Element | null) => (el as HTMLElement).click();

describe('view and logic together', () => {
  it('renders a page, runs a tap handler and patches the DOM, calling the setData callback after render', async () => {
    const p = page(
      {
        'pages/index/index.js': `Page({ data: { count: 0, done: [] },
          add(e) { this.setData({ count: this.data.count + e.currentTarget.dataset.step }, () => { this.data.done.push(document_text()); }); } });
          function document_text() { return 'rendered'; }`,
      },
      {
        'pages/index/index': {
          wxml: '<view id="counter" data-step="{{2}}" bindtap="add">count: {{ count }}</view>',
        },
      },
    );
    await p.logic.launch();
    await p.settle();
    const counter = p.root.querySelector('#counter')!;
    expect(counter.textContent).toBe('count: 0');
    const textNode = counter.firstChild;
    click(counter);
    await p.settle();
    expect(counter.textContent).toBe('count: 2');
    // The text node was updated in place, not replaced.
    expect(counter.firstChild).toBe(textNode);
    expect((p.logic.getCurrentPages()[0] as { data: { done: string[] } }).data.done).toEqual(['rendered']);
  });

  it('keeps DOM nodes of a keyed list when it is reordered', async () => {
    const p = page(
      {
        'pages/index/index.js': `Page({ data: { list: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] },
          reverse() { this.setData({ list: this.data.list.slice().reverse() }); } });`,
      },
      {
        'pages/index/index': {
          wxml: '<view id="go" bindtap="reverse"/><view wx:for="{{list}}" wx:key="id" class="row">{{item.id}}</view>',
        },
      },
    );
    await p.logic.launch();
    await p.settle();
    const before = [...p.root.querySelectorAll('.row')];
    expect(before.map((n) => n.textContent)).toEqual(['a', 'b', 'c']);
    click(p.root.querySelector('#go'));
    await p.settle();
    const after = [...p.root.querySelectorAll('.row')];
    expect(after.map((n) => n.textContent)).toEqual(['c', 'b', 'a']);
    expect(after[0]).toBe(before[2]);
    expect(after[2]).toBe(before[0]);
  });

  it('patches a one-row setData in that row only, and whole-list changes by walking the list', async () => {
    const p = page(
      {
        'pages/index/index.js': `Page({ data: { rows: [{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }] },
          rename(e) { this.setData({ ['rows[' + e.currentTarget.dataset.i + '].name']: 'x' + e.currentTarget.dataset.i }); },
          drop() { this.setData({ rows: this.data.rows.slice(1) }); } });`,
      },
      {
        'pages/index/index': {
          wxml: '<view wx:for="{{rows}}" wx:key="id" class="row" data-i="{{index}}" bindtap="rename">{{item.name}}</view>',
        },
      },
    );
    await p.logic.launch();
    await p.settle();
    const pageId = p.root.querySelector('plaza-page')!.getAttribute('data-instance')!;
    const tree = p.view.instance(pageId)!.tree;
    const rows = () => [...p.root.querySelectorAll('.row')];
    const before = rows();
    click(before[1]!);
    await p.settle();
    // The page's rendered nodes are the same array: no other row was matched or moved.
    expect(p.view.instance(pageId)!.tree).toBe(tree);
    expect(rows().map((n) => n.textContent)).toEqual(['a', 'x1', 'c']);
    expect(rows()).toEqual(before);
    click(rows()[2]!);
    click(rows()[0]!);
    await p.settle();
    expect(rows().map((n) => n.textContent)).toEqual(['x0', 'x1', 'x2']);
    (p.logic.getCurrentPages()[0] as { drop(): void }).drop();
    await p.settle();
    expect(rows().map((n) => n.textContent)).toEqual(['x1', 'x2']);
    expect(rows()[0]).toBe(before[1]);
  });

  it('runs capture, bubble, catch and mut-bind in the dialects order', async () => {
    const p = page(
      {
        'pages/index/index.js': `var calls = []; Page({ data: {}, calls() { return calls; },
          outerCapture() { calls.push('outer-capture'); }, outerBubble() { calls.push('outer-bubble'); },
          midBubble() { calls.push('mid-mut'); }, innerMut() { calls.push('inner-mut'); }, inner() { calls.push('inner'); },
          stop() { calls.push('stop'); }, never() { calls.push('never'); } });`,
      },
      {
        'pages/index/index': {
          wxml: `<view capture-bind:tap="outerCapture" bindtap="outerBubble">
            <view mut-bind:tap="midBubble">
              <view id="inner" mut-bind:tap="innerMut" bindtap="inner"/>
            </view>
            <view catchtap="never"><view id="stopper" catchtap="stop"/></view>
          </view>`,
        },
      },
    );
    await p.logic.launch();
    await p.settle();
    const calls = (p.logic.getCurrentPages()[0] as { calls(): string[] }).calls();
    click(p.root.querySelector('#inner'));
    await p.settle();
    expect(calls.splice(0)).toEqual(['outer-capture', 'inner-mut', 'inner', 'outer-bubble']);
    click(p.root.querySelector('#stopper'));
    await p.settle();
    expect(calls).toEqual(['outer-capture', 'stop']);
  });

  it('attaches components with properties, projects slots and routes triggerEvent', async () => {
    const p = page(
      {
        'pages/index/index.js': `Page({ data: { title: 'Dish', picked: [] },
          onPick(e) { this.data.picked.push([e.detail.id, e.target.id, e.currentTarget.id]); },
          onOuter(e) { this.data.picked.push(['outer', e.detail.id]); },
          rename() { this.setData({ title: 'Noodles' }); } });`,
        'components/card/card.js': `Component({ options: { multipleSlots: true }, properties: { title: String, price: { type: Number, value: 1 } },
          methods: { pick() { this.triggerEvent('pick', { id: this.data.title }, { bubbles: true }); } } });`,
      },
      {
        'pages/index/index': {
          usingComponents: { card: 'components/card/card' },
          wxml: `<view id="wrap" bind:pick="onOuter"><card id="c1" title="{{title}}" price="3" bind:pick="onPick">
            <text class="body">inside</text><text slot="footer" class="foot">foot</text></card></view>
            <view id="rename" bindtap="rename"/>`,
        },
        'components/card/card': {
          component: true,
          css: '.name { color: red; }',
          wxml: `<view class="name" bindtap="pick">{{title}} ¥{{price}}</view><slot/><view class="footer"><slot name="footer"/></view>`,
        },
      },
    );
    await p.logic.launch();
    await p.settle();
    const host = p.root.querySelector('card')!;
    expect(host.textContent).toContain('Dish ¥3');
    const scope = componentStyleScope('components/card/card', {}).scope;
    expect(host.querySelector(`.${scope.prefix}name`)).not.toBeNull();
    expect(host.className).toContain(scope.hostClass);
    expect(host.querySelector(`.${scope.prefix}footer .foot`)?.textContent).toBe('foot');
    expect(host.querySelector('.body')?.textContent).toBe('inside');
    click(host.querySelector(`.${scope.prefix}name`));
    await p.settle();
    const picked = (p.logic.getCurrentPages()[0] as { data: { picked: unknown[] } }).data.picked;
    // Bubbling but not composed: it reaches the host's binding, and the wrapper in the same template.
    expect(picked).toEqual([
      ['Dish', 'c1', 'c1'],
      ['outer', 'Dish'],
    ]);
    click(p.root.querySelector('#rename'));
    await p.settle();
    expect(host.textContent).toContain('Noodles ¥3');
    expect(
      p.document.head.querySelector('style[data-plaza-style="components/card/card"]')?.textContent,
    ).toContain('color: red');
  });

  it('opens the customer-service chat from a contact button, with the page it is on as the card', async () => {
    const p = page(
      { 'pages/index/index.js': 'Page({});' },
      {
        'pages/index/index': {
          wxml:
            '<button id="help" open-type="contact" send-message-title="My order">Help</button>' +
            '<button id="plain" open-type="contact" show-message-card="{{false}}">Plain</button>',
        },
      },
    );
    await p.logic.launch({ path: 'pages/index/index', query: { orderId: 'A-1' } });
    await p.settle();
    click(p.root.querySelector('#help'));
    click(p.root.querySelector('#plain'));
    await p.settle();
    const chats = p.host.calls.filter((c) => c.method === 'openCustomerServiceChat').map((c) => c.args[0]);
    expect(chats).toEqual([
      { path: 'pages/index/index?orderId=A-1', title: 'My order', showCard: true },
      { path: 'pages/index/index?orderId=A-1', title: '', showCard: false },
    ]);
  });

  it('writes model: bindings back into the owner data', async () => {
    const p = page(
      { 'pages/index/index.js': `Page({ data: { form: { name: 'a' } } });` },
      {
        'pages/index/index': {
          wxml: '<input model:value="{{form.name}}"/><text id="echo">{{form.name}}</text>',
        },
      },
    );
    await p.logic.launch();
    await p.settle();
    const input = p.root.querySelector('input') as HTMLInputElement;
    expect(input.value).toBe('a');
    input.value = 'typed';
    input.dispatchEvent(new (p.window.Event as unknown as typeof Event)('input'));
    await p.settle();
    expect((p.logic.getCurrentPages()[0] as { data: { form: { name: string } } }).data.form.name).toBe(
      'typed',
    );
    expect(p.root.querySelector('#echo')!.textContent).toBe('typed');
  });

  it('answers selector queries from the logic', async () => {
    const p = page(
      { 'pages/index/index.js': `Page({ data: {} });` },
      { 'pages/index/index': { wxml: '<view id="box" class="box" data-kind="x"/>' } },
    );
    await p.logic.launch();
    await p.settle();
    const api = p.logic.api as {
      createSelectorQuery(): { select(s: string): { boundingClientRect(): { exec(): Promise<unknown[]> } } };
    };
    const resultPromise = api.createSelectorQuery().select('.box').boundingClientRect().exec();
    await p.settle();
    const [rect] = (await resultPromise) as [Record<string, unknown>];
    expect(rect).toMatchObject({ id: 'box', dataset: { kind: 'x' } });
    expect(typeof rect.width).toBe('number');
  });

  it('drops malformed messages', () => {
    const p = page({ 'pages/index/index.js': 'Page({});' }, { 'pages/index/index': { wxml: '<view/>' } });
    expect(p.view.receive({ v: 1, type: 'patch', instanceId: 'p1' })).toBe(false);
    expect(p.view.receive({ v: 1, type: 'what' })).toBe(false);
  });
});

describe('page styles', () => {
  it('applies only the visible page stylesheet and sets --plaza-rpx', async () => {
    const p = page(
      {
        'pages/index/index.js': `Page({ go() { wx.navigateTo({ url: '/pages/two/two' }); } });`,
        'pages/two/two.js': 'Page({});',
      },
      {
        'pages/index/index': { wxml: '<view id="go" bindtap="go"/>', css: '.a { color: red; }' },
        'pages/two/two': { wxml: '<view class="two"/>', css: '.a { color: blue; }' },
      },
    );
    await p.logic.launch();
    await p.settle();
    expect((p.root as HTMLElement).style.getPropertyValue('--plaza-rpx')).toBe(`${375 / 750}px`);
    click(p.root.querySelector('#go'));
    await p.settle();
    const style = (id: string) => p.document.head.querySelector(`style[data-plaza-style="${id}"]`)!;
    expect(style('pages/index/index').getAttribute('media')).toBe('not all');
    expect(style('pages/two/two').hasAttribute('media')).toBe(false);
    const pages = [...p.root.querySelectorAll('plaza-page')];
    expect(pages.map((el) => el.hasAttribute('hidden'))).toEqual([true, false]);
  });
});
