import { describe, expect, it } from 'vitest';
import { domSelector } from './selector.ts';

const scopes = { prefixes: ['c1-'], hostClasses: [] };

describe('domSelector', () => {
  it('turns template tags into the built-in mark or a component host, and widens classes', () => {
    expect(domSelector('view.card > text', scopes)).toBe(
      ':is([data-plaza="view"],view[data-instance]):is(.card,.c1-card) > :is([data-plaza="text"],text[data-instance])',
    );
    expect(domSelector('dish-card .stepper__plus', { prefixes: [], hostClasses: [] })).toBe(
      ':is([data-plaza="dish-card"],dish-card[data-instance]) :is(.stepper__plus)',
    );
  });

  it('leaves ids, attributes, strings and nth arguments alone', () => {
    expect(domSelector('#dish-1[data-id="a.b view"]:nth-child(2n+1)', scopes)).toBe(
      '#dish-1[data-id="a.b view"]:nth-child(2n+1)',
    );
    expect(domSelector('.a:not(.b, view)', scopes)).toBe(
      ':is(.a,.c1-a):not(:is(.b,.c1-b), :is([data-plaza="view"],view[data-instance]))',
    );
  });
});
