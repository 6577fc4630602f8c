import { describe, expect, it } from 'vitest';
import { compilerPlugins, styleExtensions, styleLanguageOf } from './style-languages.ts';

describe('useCompilerPlugins', () => {
  it('reads plugin names and { type } objects, and nothing else', () => {
    expect([...compilerPlugins({ useCompilerPlugins: ['typescript', 'less'] })]).toEqual([
      'typescript',
      'less',
    ]);
    expect([
      ...compilerPlugins({ useCompilerPlugins: [{ type: 'sass', option: { outputStyle: 'x' } }] }),
    ]).toEqual(['sass']);
    // Hostile or malformed settings turn nothing on and never throw.
    for (const setting of [
      undefined,
      null,
      5,
      'less',
      { useCompilerPlugins: 'less' },
      { useCompilerPlugins: [null, 7, {}, { type: 3 }, 'stylus', '__proto__', { type: 'constructor' }] },
    ]) {
      expect([...compilerPlugins(setting)]).toEqual([]);
    }
  });

  it('looks a preprocessed style up before the dialect’s own, only with its plugin on', () => {
    expect(styleExtensions('.wxss', new Set(['less', 'sass']))).toEqual(['.less', '.scss', '.sass', '.wxss']);
    expect(styleExtensions('.ttss', new Set(['typescript']))).toEqual(['.ttss']);
    expect(['a.less', 'a.scss', 'a.sass', 'a.wxss', 'less'].map(styleLanguageOf)).toEqual([
      'less',
      'scss',
      'sass',
      undefined,
      undefined,
    ]);
  });
});
