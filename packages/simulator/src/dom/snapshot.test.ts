import { parseHTML } from 'linkedom';
import { expect, it } from 'vitest';
import { snapshotOf } from './snapshot.ts';

it('prints a tree as sorted, indented markup with collapsed text', () => {
  const { document } = parseHTML(
    '<div id="r"><div data-plaza="view" class="card" id="c1">\n  <span data-plaza="text">  Beef\n noodles </span><img src="a.png" style="x"/></div></div>',
  );
  const text = snapshotOf(document.getElementById('r')!.firstChild!, {
    tagName: (el) => el.getAttribute('data-plaza') ?? el.tagName.toLowerCase(),
    attribute: (name, value) => (name === 'data-plaza' || name === 'style' ? undefined : value),
  });
  expect(text).toBe(
    ['<view class="card" id="c1">', '  <text>Beef noodles</text>', '  <img src="a.png" />', '</view>'].join(
      '\n',
    ),
  );
});
