import { describe, expect, it } from 'vitest';
import { checkPackage } from './package-archive.ts';
import { defaultPackageLimits } from './package-limits.ts';
import { buildPackage, program } from './testing.ts';

// A program with a subpackage whose page carries a large script: its bytes must count
// against the subpackage, not the main package, although the bundles hold every script.
const withSubpackage = program({
  extra: {
    'app.json': JSON.stringify({
      pages: ['pages/index/index'],
      subpackages: [{ root: 'checkout', pages: ['pay/pay'] }],
    }),
    'checkout/pay/pay.json': '{}',
    'checkout/pay/pay.ttml': '<view>{{total}}</view>\n',
    'checkout/pay/pay.js': `Page({ data: { total: 0, padding: '${'p'.repeat(20_000)}' } });\n`,
  },
});

describe('package part sizes', () => {
  it('attributes a subpackage’s code to the subpackage and names it when it is too big', async () => {
    const archive = buildPackage(withSubpackage);
    const { sizes } = await checkPackage(archive, defaultPackageLimits);
    expect(sizes.subpackages['checkout/']).toBeGreaterThan(20_000);
    expect(sizes.main).toBeLessThan(10_000);
    expect(sizes.total).toBe(sizes.main + (sizes.subpackages['checkout/'] ?? 0));
    await expect(
      checkPackage(archive, { mainBytes: 10_000, subpackageBytes: 16_000, totalBytes: 100_000 }),
    ).rejects.toMatchObject({ code: 'VERSION_TOO_LARGE', details: { part: 'subpackage checkout/' } });
  });
});
