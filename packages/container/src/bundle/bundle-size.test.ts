import { describe, expect, it } from 'vitest';
import { buildFrameBundles } from './build-bundles.ts';

describe('frame bundles', () => {
  // Every page push parses the view frame's bundle: the protocol's validator must stay light
  // (zod/mini imported as a namespace, so its locales and unused checks are left out).
  it('stay small enough to boot a frame quickly', async () => {
    const bundles = await buildFrameBundles();
    expect(bundles.logicWorker.length).toBeLessThan(150_000);
    expect(bundles.viewFrame.length).toBeLessThan(150_000);
  });
});
