import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { builtSuperAppFixture } from './testing.ts';

// The page route reads no database: one engine is enough.
describe('the super app page route', () => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    t = await startTestPlatform('sqlite', { superAppRoot: builtSuperAppFixture() });
  });
  afterAll(async () => {
    await t?.stop();
  });
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('serves hashed assets immutably and index.html for every client route, decoded once', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const url of ['/', '/me', '/apps/tt123/pages/index', '/search/%E4%B8%AD%E6%96%87']) {
      const page = await get(url);
      expect([page.statusCode, page.body], url).toEqual([200, expect.stringContaining('<div id="root">')]);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it("serves each console's page for its own client routes", async () => {
    for (const [url, root] of [
      ['/console', 'console'],
      ['/console/apps/tt1/versions', 'console'],
      ['/operator/review', 'operator'],
      ['/consoles', 'root'],
    ] as const) {
      const page = await get(url);
      expect([page.statusCode, page.body], url).toEqual([200, expect.stringContaining(`<div id="${root}">`)]);
    }
  });

  it('refuses a path that still holds a % after decoding with 400 in the envelope', async () => {
    for (const url of ['/%25', '/%25zz', '/assets/%25', '/me/%2541']) {
      const res = await get(url);
      expect([res.statusCode, res.json().error.code], url).toEqual([400, 'HTTP_BAD_REQUEST']);
    }
  });

  it('keeps unknown API paths JSON 404s', async () => {
    const res = await get('/api/nothing-here');
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'HTTP_NOT_FOUND']);
  });
});
