import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { appsClient } from '../apps/testing.ts';
import { createRuntimeErrorsService } from './runtime-errors.service.ts';

describe.each(testEngines)('runtime errors of an app, on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof appsClient>;
  beforeAll(async () => {
    t = await startTestPlatform(engine);
    c = appsClient(t);
  });
  afterAll(async () => t?.stop());

  const report = (appid: string, body: Record<string, unknown>) =>
    c.call('POST', `/api/runtime/apps/${appid}/errors`, { body });

  it('groups reports by message and author position, with counts, versions and last seen', async () => {
    const owner = await c.orgOwner();
    const { appid } = await c.createApp(owner);
    const undefinedName = {
      message: 'cart is not defined',
      file: 'pages/index/index.js',
      line: 12,
      column: 5,
    };
    for (const version of ['1.0.0', '1.0.0', '1.1.0'])
      expect((await report(appid, { version, ...undefinedName })).status).toBe(204);
    // Same message, another line: another error. No position at all: a third.
    await report(appid, { version: '1.1.0', ...undefinedName, line: 40 });
    await report(appid, { version: '1.1.0', message: 'Script error.' });

    const read = await c.call('GET', `/api/apps/${appid}/runtime-errors`, { token: owner.token });
    expect(read.status, JSON.stringify(read.json)).toBe(200);
    const groups = read.json.items as Array<{
      message: string;
      line: number | null;
      count: number;
      versions: unknown;
      first_seen: string;
      last_seen: string;
    }>;
    expect(groups).toHaveLength(3);
    const first = groups.find((g) => g.line === 12);
    expect(first).toMatchObject({ message: 'cart is not defined', file: 'pages/index/index.js', count: 3 });
    expect(first?.versions).toEqual(
      expect.arrayContaining([
        { version: '1.0.0', count: 2 },
        { version: '1.1.0', count: 1 },
      ]),
    );
    expect(Date.parse(first?.last_seen ?? '')).toBeGreaterThanOrEqual(Date.parse(first?.first_seen ?? ''));
    expect(groups.find((g) => g.line === null)).toMatchObject({
      message: 'Script error.',
      file: null,
      count: 1,
    });

    // Another org's developer is told the app does not exist.
    const stranger = await c.orgOwner();
    const hidden = await c.call('GET', `/api/apps/${appid}/runtime-errors`, { token: stranger.token });
    expect(hidden.status).toBe(404);
  });

  it('refuses bad reports with coded errors and stores nothing', async () => {
    const owner = await c.orgOwner();
    const { appid } = await c.createApp(owner);
    const unknown = await report('tt_nope', { version: '1.0.0', message: 'x' });
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'RUNTIME_ERROR_APP_NOT_FOUND']);
    for (const body of [
      { version: '1.0.0', message: '' },
      { message: 'x' },
      { version: '1', message: 'x', line: -1 },
    ])
      expect((await report(appid, body)).json.error.code).toBe('HTTP_VALIDATION');
    const read = await c.call('GET', `/api/apps/${appid}/runtime-errors`, { token: owner.token });
    expect(read.json.items).toEqual([]);
  });

  it('keeps at most the limit of distinct errors per app, and still counts known ones', async () => {
    const owner = await c.orgOwner();
    const { appid } = await c.createApp(owner);
    const errors = createRuntimeErrorsService({
      db: t.db,
      clock: t.clock,
      appExists: async () => true,
      groupLimit: 2,
    });
    const at = (message: string) => ({
      appid,
      version: '1.0.0',
      message,
      file: null,
      line: null,
      column: null,
    });
    await errors.report(at('a'));
    await errors.report(at('b'));
    await expect(errors.report(at('c'))).rejects.toMatchObject({ code: 'RUNTIME_ERROR_TOO_MANY_GROUPS' });
    await errors.report(at('a'));
    expect((await errors.groups(appid)).map((g) => [g.message, g.count]).sort()).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });
});
