import { existsSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { surfaceChanges } from './review/version-surface.ts';
import { buildPackage, program, versionsClient } from './testing.ts';

const browser = '/usr/bin/chromium';

/** The index page with a block of colour at its top, and the URL of the app's own server. */
const indexPage = (colour: string) => ({
  'pages/index/index.ttss': `.hello { display: block; height: 200px; background: ${colour}; }`,
  'pages/index/index.js': "Page({ data: { greeting: 'hello', menu: 'https://api.example.com/menu' } });\n",
});
const first = buildPackage(program({ extra: indexPage('#0000ff') }));
// The next version turns the block green and adds a page that asks for the location and calls a new origin.
const second = buildPackage(
  program({
    extra: {
      ...indexPage('#00ff00'),
      'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/map/map'] }),
      'pages/map/map.json': '{}',
      'pages/map/map.ttml': '<view class="map">map</view>\n',
      'pages/map/map.js':
        "Page({ data: { tiles: 'https://maps.example.net/tiles' }, where() { tt.getLocation({}); } });\n",
    },
  }),
);

interface QueuedJson {
  id: string;
  app_category: string;
  changes: unknown;
  checks: { report: { pages: Array<{ path: string; screenshot?: string }> } };
}

// What the operator reviews beside the checks: each page as it rendered, and what the version
// changes against the released one.
describe.each(testEngines)('review evidence on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof versionsClient>;
  let operator: string;
  beforeAll(async () => {
    t = await startTestPlatform(engine, { env: { PLAZA_DEMO: 'true', PLAZA_REVIEW_BROWSER: browser } });
    c = versionsClient(t);
    operator = (await c.operator()).token;
  });
  afterAll(async () => t?.stop());

  it.runIf(existsSync(browser))(
    'paints every page, serves the pictures to the org and the operator, and diffs against the release',
    async () => {
      const owner = await c.orgOwner();
      const { appid } = await c.createApp(owner, { request_domains: ['https://api.example.com'] });
      const v1 = await c.uploadAndCheck(appid, owner.token, first, '1.0.0');
      await c.approveAndRelease(appid, owner.token, operator, v1.id);
      const v2 = await c.uploadAndCheck(appid, owner.token, second, '1.1.0');

      const queue = await c.call('GET', '/api/review/versions', { token: operator });
      const queued = (queue.json.versions as QueuedJson[]).find((q) => q.id === v2.id);
      expect(queued?.app_category).toBe('food_delivery');
      expect(queued?.changes).toEqual({
        against: '1.0.0',
        pages: { added: ['pages/map/map'], removed: [] },
        scopes: { added: ['location'], removed: [] },
        domains: { added: ['https://maps.example.net'], removed: [] },
      });

      const pages = queued?.checks.report.pages ?? [];
      expect(pages.map((p) => p.path)).toEqual(['pages/index/index', 'pages/map/map']);
      const shot = pages[0]?.screenshot as string;
      expect(shot).toMatch(/^[0-9a-f]{64}$/);
      const url = `/api/apps/${appid}/versions/${v2.id}/screenshots/${shot}`;
      const asOwner = await t.app.inject({ url, headers: { authorization: `Bearer ${owner.token}` } });
      expect([asOwner.statusCode, asOwner.headers['content-type']]).toEqual([200, 'image/png']);
      expect(asOwner.headers['cache-control']).toMatch(/^private/);
      // The page's own style is in the picture: its green block fills the top of the screen.
      const png = PNG.sync.read(asOwner.rawPayload);
      const at = (x: number, y: number) => [
        ...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3),
      ];
      expect(at(0, 100)).toEqual([0, 255, 0]);
      expect(at(200, png.height - 20)).not.toEqual([0, 255, 0]);

      const asOperator = await t.app.inject({ url, headers: { authorization: `Bearer ${operator}` } });
      expect(asOperator.statusCode).toBe(200);
      const stranger = await c.orgOwner();
      const asStranger = await t.app.inject({ url, headers: { authorization: `Bearer ${stranger.token}` } });
      expect(asStranger.statusCode).toBe(404);
      // Another version's picture is not served through this one.
      const v1Shot = (await c.call('GET', `/api/apps/${appid}/versions/${v1.id}`, { token: owner.token }))
        .json.version.checks.report.pages[0].screenshot as string;
      const crossed = await c.call('GET', `/api/apps/${appid}/versions/${v2.id}/screenshots/${v1Shot}`, {
        token: owner.token,
      });
      expect(v1Shot).not.toBe(shot);
      expect([crossed.status, crossed.json.error.code]).toEqual([404, 'VERSION_SCREENSHOT_NOT_FOUND']);
      const unknown = await c.call(
        'GET',
        `/api/apps/${appid}/versions/${v2.id}/screenshots/${'0'.repeat(64)}`,
        {
          token: owner.token,
        },
      );
      expect([unknown.status, unknown.json.error.code]).toEqual([404, 'VERSION_SCREENSHOT_NOT_FOUND']);
    },
    120_000,
  );
});

describe('surfaceChanges', () => {
  const surface = { pages: ['a', 'b'], scopes: ['profile'], domains: ['https://x.example'] };

  it('lists what was added and removed against the release', () => {
    expect(
      surfaceChanges(surface, {
        version: '1.0.0',
        surface: { pages: ['a', 'c'], scopes: [], domains: null },
      }),
    ).toEqual({
      against: '1.0.0',
      pages: { added: ['b'], removed: ['c'] },
      scopes: { added: ['profile'], removed: [] },
      domains: null,
    });
  });

  it('counts everything as added when nothing is released', () => {
    expect(surfaceChanges(surface, null)).toEqual({
      against: null,
      pages: { added: ['a', 'b'], removed: [] },
      scopes: { added: ['profile'], removed: [] },
      domains: { added: ['https://x.example'], removed: [] },
    });
  });
});
