import { describe, expect, it } from 'vitest';
import { authoredClasses, scopedSelector } from './scoped-selector.ts';

describe('scoped selectors', () => {
  it('widens class selectors to every component prefix, leaving attributes and strings alone', () => {
    expect(scopedSelector('#dish-1 .stepper__plus', ['ca-', 'cb-'])).toBe(
      '#dish-1 :is(.stepper__plus,.ca-stepper__plus,.cb-stepper__plus)',
    );
    expect(scopedSelector('.a.b[data-x=".c"]', ['p-'])).toBe(':is(.a,.p-a):is(.b,.p-b)[data-x=".c"]');
    expect(scopedSelector('.a', [])).toBe('.a');
  });

  it('reads class lists back as the author wrote them', () => {
    expect(authoredClasses('ca-frame frame ca-frame--dark host1', ['ca-'], ['host1'])).toBe(
      'frame frame--dark',
    );
  });
});
