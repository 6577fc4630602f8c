import { describe, expect, it } from 'vitest';
import { BUILTIN_TAGS, rewriteTagSelectors } from './builtin-selector.ts';

const pageSheet = (selector: string) => rewriteTagSelectors(selector, { page: true });

describe('type selectors of tags the view renders inert', () => {
  it('name the wx- element a live HTML tag becomes', () => {
    expect(pageSheet('a')).toBe('wx-a');
    expect(pageSheet('.list > a:hover, img')).toBe('.list > wx-a:hover, wx-img');
    expect(pageSheet('meta, link, svg, iframe, object')).toBe(
      'wx-meta, wx-link, wx-svg, wx-iframe, wx-object',
    );
    expect(pageSheet(':not(a) A')).toBe(':not(wx-a) wx-a');
  });

  it('keep plain HTML, custom components and what is not a tag as written', () => {
    expect(pageSheet('span, h2 em, my-card, li:nth-child(odd)')).toBe(
      'span, h2 em, my-card, li:nth-child(odd)',
    );
    expect(pageSheet('.a, #img, [data-x="a"], a.img')).toBe('.a, #img, [data-x="a"], wx-a.img');
  });
});

describe('built-in component selectors', () => {
  it('cover every built-in, the host-drawn ones included', () => {
    for (const tag of ['page-meta', 'navigation-bar', 'loading', 'toast', 'modal', 'action-sheet']) {
      expect(BUILTIN_TAGS.has(tag)).toBe(true);
      expect(pageSheet(`${tag} .x`)).toBe(`[data-plaza="${tag}"] .x`);
    }
    expect(pageSheet('action-sheet-item, action-sheet-cancel')).toBe(
      '[data-plaza="action-sheet-item"], [data-plaza="action-sheet-cancel"]',
    );
  });
});
