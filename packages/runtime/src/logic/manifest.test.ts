import { describe, expect, it } from 'vitest';
import { declaredPages } from './manifest.ts';

describe('declaredPages', () => {
  it('takes subpackage pages as the full paths the compiler writes, without doubling the root', () => {
    const pages = declaredPages({
      dialect: 'tt',
      entryPage: 'pages/index/index',
      pages: ['pages/index/index'],
      subpackages: [
        { root: 'shop', pages: ['shop/pages/menu/menu'] },
        { root: 'user/', pages: ['pages/me/me'] },
      ],
    });
    expect([...pages]).toEqual(['pages/index/index', 'shop/pages/menu/menu', 'user/pages/me/me']);
  });
});
