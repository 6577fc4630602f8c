import { describe, expect, it } from 'vitest';
import { logicHarness } from '../testing/logic-harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: component instances carry the program's own fields
type Any = any;

const page = { 'pages/index/index.js': 'Page({ data: { picked: 0 } });' };

async function launched(files: Record<string, string>) {
  const t = logicHarness({ ...page, ...files });
  await t.logic.launch();
  const pageId = t.of('page.create')[0]!.instanceId;
  let next = 1;
  const attach = (
    path: string,
    properties: Record<string, unknown> = {},
    extra: Record<string, unknown> = {},
  ) => {
    const instanceId = `c${next++}`;
    const ok = t.logic.receive({
      v: 1,
      type: 'component.attach',
      instanceId,
      ownerId: pageId,
      parentId: pageId,
      path,
      tag: path.split('/').pop(),
      properties,
      id: '',
      classes: [],
      dataset: {},
      ...extra,
    });
    expect(ok).toBe(true);
    return instanceId;
  };
  return { t, pageId, attach };
}

describe('component properties and observers', () => {
  it('coerces property values as the dialects do and runs observers', async () => {
    const { t, attach } = await launched({
      'components/card/card.js': `Component({
        properties: { count: Number, title: String, on: Boolean, list: { type: Array, value: [1] }, any: null,
          price: { type: Number, optionalTypes: [String], value: 1, observer(n, o) { this.seen = (this.seen || []).concat([[n, o]]); } } },
        data: { total: 0 },
        observers: { 'count, price': function (c, p) { this.setData({ total: c + Number(p) }); }, 'list[0]': function (x) { this.first = x; } },
      });`,
    });
    const id = attach('components/card/card', {
      count: '3',
      title: 42,
      on: 'yes',
      list: 'nope',
      price: '9.5',
    });
    const init = t.of('component.init')[0]!;
    expect(init.instanceId).toBe(id);
    expect(init.data).toMatchObject({
      count: 3,
      title: '42',
      on: true,
      list: [1],
      price: '9.5',
      total: 12.5,
    });
    t.logic.receive({ v: 1, type: 'component.props', instanceId: id, properties: { price: 2, count: 'x' } });
    await t.tick();
    expect(t.of('patch').at(-1)!.changes).toEqual({ price: 2, count: 0, total: 2 });
  });

  it('fires observers on sub-paths and ** wildcards', async () => {
    const { t, attach } = await launched({
      'components/form/form.js': `Component({
        data: { user: { name: 'a', tags: ['x'] }, hits: [] },
        observers: {
          'user.name': function (n) { this.data.hits.push('name:' + n); },
          'user.**': function (u) { this.data.hits.push('user:' + u.name); },
        },
        methods: { rename(n) { this.setData({ 'user.name': n }); }, retag() { this.setData({ 'user.tags[0]': 'y' }); } },
      });`,
    });
    attach('components/form/form');
    const { logic } = t;
    const card = () => findComponent(logic, 'components/form/form');
    card().rename('b');
    card().retag();
    expect(card().data.hits).toEqual(['name:b', 'user:b', 'user:b']);
  });
});

function findComponent(logic: ReturnType<typeof logicHarness>['logic'], path: string): Record<string, Any> {
  const page = logic.getCurrentPages()[0] as { selectAllComponents(s: string): Record<string, Any>[] };
  const found = page.selectAllComponents(path.split('/').pop()!);
  return found[0]!;
}

describe('behaviors', () => {
  it('deep-merges data, lets the component override methods, and calls every lifecycle in order', async () => {
    const { t, attach } = await launched({
      'behaviors/base.js': `module.exports = Behavior({
        data: { cfg: { a: 1, b: 1 }, from: 'base' },
        methods: { who() { return 'base'; }, only() { return 'base-only'; } },
        lifetimes: { attached() { this.order = (this.order || []).concat('base'); } },
      });`,
      'behaviors/extra.js': `module.exports = Behavior({ behaviors: [require('./base')], data: { from: 'extra' },
        attached() { this.order = (this.order || []).concat('extra'); } });`,
      'components/list/list.js': `Component({
        behaviors: [require('../../behaviors/extra'), require('../../behaviors/base')],
        data: { cfg: { b: 2 } },
        methods: { who() { return 'own'; } },
        lifetimes: { attached() { this.order = (this.order || []).concat('own'); } },
      });`,
    });
    attach('components/list/list');
    expect(t.of('component.init')[0]!.data).toEqual({ cfg: { a: 1, b: 2 }, from: 'extra' });
    const list = findComponent(t.logic, 'components/list/list');
    expect(list.who()).toBe('own');
    expect(list.only()).toBe('base-only');
    expect(list.order).toEqual(['base', 'extra', 'own']);
  });
});

describe('behavior definitionFilter', () => {
  it("runs a used behavior's filter on the component definition before it is used", async () => {
    const { t, attach } = await launched({
      'behaviors/b3.js': `module.exports = Behavior({
        definitionFilter(defFields) { defFields.data.from = 'behavior'; } });`,
      'components/c3/c3.js': `Component({ data: { from: 'component' }, behaviors: [require('../../behaviors/b3')],
        ready() { this.seen = this.data.from; } });`,
    });
    attach('components/c3/c3');
    expect(t.of('component.init')[0]!.data).toEqual({ from: 'behavior' });
  });

  it('passes the filters of the behaviors a behavior uses as definitionFilterArr, run only when called', async () => {
    const { t, attach } = await launched({
      'behaviors/b1.js': `module.exports = Behavior({
        definitionFilter(defFields) {
          defFields.data = Object.assign({}, defFields.data, { from: 'behavior1' });
          defFields.methods = Object.assign({}, defFields.methods, { marked() { return true; } });
        } });`,
      'behaviors/plain.js': 'module.exports = Behavior({ data: { plain: true } });',
      'behaviors/b2.js': `module.exports = Behavior({ behaviors: [require('./b1'), require('./plain')],
        definitionFilter(defFields, arr) { defFields.data.arrShape = arr.map((f) => (f === null ? 'null' : typeof f)); } });`,
      'behaviors/b3.js': `module.exports = Behavior({ behaviors: [require('./b1')],
        definitionFilter(defFields, definitionFilterArr) { definitionFilterArr[0](defFields); } });`,
      'components/keeps/keeps.js': `Component({ data: { from: 'component' }, behaviors: [require('../../behaviors/b2')] });`,
      'components/takes/takes.js': `Component({ data: { from: 'component' }, behaviors: [require('../../behaviors/b3')] });`,
    });
    attach('components/keeps/keeps');
    attach('components/takes/takes');
    const [keeps, takes] = t.of('component.init');
    // b1's filter reached keeps only through b2's own definition (its method), not keeps' data.
    expect(keeps!.data).toEqual({ from: 'component', plain: true, arrShape: ['function', 'null'] });
    expect(findComponent(t.logic, 'components/keeps/keeps').marked()).toBe(true);
    // b3 called it on takes' definition.
    expect(takes!.data).toEqual({ from: 'behavior1' });
  });

  it('lets a filter turn a computed section into observers and methods, as computed behaviors do', async () => {
    const { t, attach } = await launched({
      'behaviors/computed.js': `module.exports = Behavior({
        lifetimes: { attached() { this.initComputed(); } },
        definitionFilter(defFields) {
          const computed = defFields.computed || {};
          const run = function () {
            const next = {};
            for (const name of Object.keys(computed)) next[name] = computed[name].call(this, this.data);
            this.setData(next);
          };
          defFields.observers = Object.assign(defFields.observers || {}, { '**': run });
          defFields.methods = Object.assign(defFields.methods || {}, { initComputed: run });
        } });`,
      'components/sum/sum.js': `Component({ behaviors: [require('../../behaviors/computed')],
        data: { a: 1, b: 2 }, computed: { total(d) { return d.a + d.b; } },
        methods: { bump() { this.setData({ a: 10 }); } } });`,
    });
    attach('components/sum/sum');
    const sum = findComponent(t.logic, 'components/sum/sum');
    expect(sum.data.total).toBe(3);
    sum.bump();
    expect(sum.data.total).toBe(12);
  });
});

describe('instance methods', () => {
  it('this.createIntersectionObserver gives a component and a page the observer wx.createIntersectionObserver does', async () => {
    const { t, attach } = await launched({
      'components/lazy/lazy.js': `Component({ lifetimes: { attached() {
        var o = this.createIntersectionObserver({ thresholds: [0, 1] });
        this.kinds = [typeof o.relativeToViewport, typeof o.observe, typeof o.disconnect];
        o.relativeToViewport({ bottom: 100 }).observe('.item', function () {});
        o.disconnect();
      } } });`,
    });
    attach('components/lazy/lazy');
    expect(t.of('error')).toEqual([]);
    expect(findComponent(t.logic, 'components/lazy/lazy').kinds).toEqual([
      'function',
      'function',
      'function',
    ]);
    const page = t.logic.getCurrentPages()[0] as {
      createIntersectionObserver(o: unknown): { observe: unknown };
    };
    expect(typeof page.createIntersectionObserver({}).observe).toBe('function');
  });
});

describe('relations', () => {
  it('links parent and child both ways and unlinks on detach', async () => {
    const { t, attach } = await launched({
      'components/group/group.js': `Component({ relations: { './item': { type: 'child',
        linked(c) { this.items = (this.items || []).concat(c.is); }, unlinked() { this.gone = true; } } } });`,
      'components/group/item.js': `Component({ relations: { './group': { type: 'parent', linked(p) { this.group = p.is; } } } });`,
    });
    const group = attach('components/group/group');
    const item = attach('components/group/item', {}, { parentId: group });
    const g = findComponent(t.logic, 'components/group/group');
    expect(g.items).toEqual(['components/group/item']);
    expect(g.getRelationNodes('./item')).toHaveLength(1);
    t.logic.receive({ v: 1, type: 'component.detach', instanceId: item });
    expect(g.gone).toBe(true);
    expect(g.getRelationNodes('./item')).toHaveLength(0);
  });
});

describe('events and triggerEvent', () => {
  it('calls the handler named by the view and forwards triggerEvent to the view', async () => {
    const { t, attach } = await launched({
      'components/btn/btn.js': `Component({ methods: { onTap(e) { this.triggerEvent('pick', { id: e.currentTarget.dataset.id }, { bubbles: true }); } } });`,
    });
    const id = attach('components/btn/btn');
    const event = {
      type: 'tap',
      timeStamp: 1,
      target: { id: '', dataset: { id: 7 } },
      currentTarget: { id: '', dataset: { id: 7 } },
      detail: {},
    };
    t.logic.receive({ v: 1, type: 'event', instanceId: id, handler: 'onTap', event });
    expect(t.of('component.trigger')[0]).toMatchObject({
      instanceId: id,
      name: 'pick',
      detail: { id: 7 },
      options: { bubbles: true, composed: false },
    });
    t.logic.receive({ v: 1, type: 'event', instanceId: id, handler: 'nothing', event });
    expect(t.of('log').at(-1)!.message).toContain('has no method "nothing"');
  });
});
