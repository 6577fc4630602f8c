import { BUILTIN_COMPONENT_TAGS } from '@plaza/compiler/render-runtime';
import { describe, expect, it } from 'vitest';
import { builtinComponentTags } from './index.ts';

describe('the built-in component tags', () => {
  it('the registry defines are the ones the compiler styles as built-ins', () => {
    expect([...builtinComponentTags()].sort()).toEqual([...BUILTIN_COMPONENT_TAGS].sort());
  });
});
