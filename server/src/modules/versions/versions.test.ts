import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { createLogger } from '../../logging/logger.ts';
import { inGrey } from './grey-bucket.ts';
import {
  buildPackage,
  goodProgram,
  phoneProgram,
  program,
  rawArchive,
  throwingProgram,
  versionsClient,
} from './testing.ts';

// Small limits so "too large" is cheap to provoke; a one-page program is ~2 KB.
process.env.PLAZA_PACKAGE_MAIN_BYTES = String(48 * 1024);
process.env.PLAZA_PACKAGE_SUBPACKAGE_BYTES = String(16 * 1024);
process.env.PLAZA_PACKAGE_TOTAL_BYTES = String(128 * 1024);

const good = buildPackage(goodProgram());
const throwing = buildPackage(throwingProgram());
const phone = buildPackage(phoneProgram());
// Its own package (URLs are content-addressed), so no other test's takedown depends on it.
const served = buildPackage(program({ page: "Page({ data: { greeting: 'served once' } });\n" }));

describe.each(testEngines)('versions on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof versionsClient>;
  let operator: string;
  // What the server logs at warn and above, to catch a route that answers twice.
  const warnings: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      warnings.push(String(chunk));
      done();
    },
  });
  beforeAll(async () => {
    t = await startTestPlatform(engine, {
      env: { PLAZA_DEMO: 'true' },
      logger: createLogger('warn', sink),
    });
    c = versionsClient(t);
    operator = (await c.operator()).token;
  });
  afterAll(async () => t?.stop());

  async function newApp(body: Record<string, unknown> = {}) {
    const owner = await c.orgOwner();
    const app = await c.createApp(owner, { request_domains: ['https://api.example.com'], ...body });
    return { owner, ...app };
  }

  it('answers each package and file request exactly once: body, ETag, 304 and ranges, nothing logged', async () => {
    const { owner, appid } = await newApp();
    const v = await c.uploadAndCheck(appid, owner.token, served, '1.0.0');
    await c.approveAndRelease(appid, owner.token, operator, v.id);
    const pkg = (await c.call('GET', `/api/runtime/apps/${appid}/package`)).json;
    const logic = pkg.files['logic.js'];
    warnings.length = 0;
    const archive = await t.app.inject(pkg.package.url);
    expect([archive.statusCode, archive.headers.etag]).toEqual([200, `"${pkg.package.sha256}"`]);
    expect(archive.headers['content-type']).toBe('application/gzip');
    expect(archive.rawPayload.equals(served)).toBe(true);
    const notModified = await t.app.inject({
      url: pkg.package.url,
      headers: { 'if-none-match': `"${pkg.package.sha256}"` },
    });
    expect([notModified.statusCode, notModified.body]).toEqual([304, '']);
    const head = await t.app.inject({ url: pkg.package.url, headers: { range: 'bytes=0-9' } });
    expect([head.statusCode, head.headers['content-range']]).toEqual([206, `bytes 0-9/${served.length}`]);
    expect(head.rawPayload.equals(served.subarray(0, 10))).toBe(true);
    const file = await t.app.inject(logic.url);
    expect([file.statusCode, file.headers.etag]).toEqual([200, `"${logic.sha256}"`]);
    expect(file.body).toContain('__plaza_define');
    expect((await t.app.inject(`${pkg.package.url}/nope.js`)).statusCode).toBe(404);
    expect(warnings).toEqual([]);
  });

  it('takes a good program from upload through checks, review and release to the runtime, cached by ETag', async () => {
    const { owner, appid } = await newApp();
    const v = await c.uploadAndCheck(appid, owner.token, good, '1.0.0');
    expect(v.status).toBe('in_review');
    expect(v.checks.status).toBe('passed');
    expect(v.checks.report).toMatchObject({
      ok: true,
      load: { ok: true },
      pages: [{ path: 'pages/index/index', rendered: true, errors: [] }],
      scopes: [],
      request_domains: [],
    });
    const queue = await c.call('GET', '/api/review/versions', { token: operator });
    expect(queue.json.versions.map((q: { id: string }) => q.id)).toContain(v.id);
    expect(queue.json.versions.find((q: { id: string }) => q.id === v.id).appid).toBe(appid);

    const before = await c.call('GET', `/api/runtime/apps/${appid}/package`);
    expect(before.status).toBe(404);
    expect(before.json.error.code).toBe('VERSION_NOT_RELEASED');

    const released = await c.approveAndRelease(appid, owner.token, operator, v.id);
    expect(released.release).toMatchObject({
      version: { id: v.id, status: 'released' },
      percentage: 100,
      base: null,
    });

    const pkg = await c.call('GET', `/api/runtime/apps/${appid}/package`);
    expect(pkg.status).toBe(200);
    expect(pkg.json).toMatchObject({ appid, version: '1.0.0', version_id: v.id });
    expect(pkg.json.manifest.entryPage).toBe('pages/index/index');
    const etag = pkg.headers.etag as string;
    expect(etag).toBe(`"${v.id}"`);
    const again = await c.call('GET', `/api/runtime/apps/${appid}/package`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);

    const logic = pkg.json.files['logic.js'];
    const file = await t.app.inject(logic.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toContain('immutable');
    expect(file.headers.etag).toBe(`"${logic.sha256}"`);
    expect(file.body).toContain('__plaza_define');
    const cached = await t.app.inject({ url: logic.url, headers: { 'if-none-match': `"${logic.sha256}"` } });
    expect(cached.statusCode).toBe(304);
    const archive = await t.app.inject(pkg.json.package.url);
    expect(archive.rawPayload.equals(good)).toBe(true);
    expect((await t.app.inject(`${pkg.json.package.url}/nope.js`)).statusCode).toBe(404);

    expect(warnings.filter((w) => w.includes('already sent'))).toEqual([]);

    // Taken down: the runtime says so, and no file is served any more.
    await c.expectOk(
      await c.call('POST', `/api/apps/${appid}/takedown`, { token: operator, body: { reason: 'fraud' } }),
      200,
      'takedown',
    );
    const gone = await c.call('GET', `/api/runtime/apps/${appid}/package`);
    expect(gone.status).toBe(410);
    expect(gone.json.error.code).toBe('VERSION_APP_TAKEN_DOWN');
    expect((await t.app.inject(logic.url)).statusCode).toBe(404);
  });

  it('fails the checks of a page that throws in onLoad, with file and line, and lets the operator reject it', async () => {
    const { owner, appid } = await newApp();
    const v = await c.uploadAndCheck(appid, owner.token, throwing, '1.0.0');
    expect(v.checks.status).toBe('failed');
    const page = v.checks.report.pages[0];
    expect(page.path).toBe('pages/index/index');
    expect(page.errors[0].file).toBe('pages/index/index.js');
    // The throw is on line 4 of the page's script; the runtime's mapping may count its wrapper line.
    expect(page.errors[0].line).toBeGreaterThanOrEqual(4);
    expect(page.errors[0].line).toBeLessThanOrEqual(5);
    expect(page.errors[0].message).toContain('the menu is empty');

    const approve = await c.call('POST', `/api/review/versions/${v.id}/approve`, { token: operator });
    expect(approve.json.error.code).toBe('VERSION_CHECKS_FAILED');
    const noReason = await c.call('POST', `/api/review/versions/${v.id}/reject`, {
      token: operator,
      body: { reasons: ['  '] },
    });
    expect(noReason.json.error.code).toBe('VERSION_REASONS_REQUIRED');
    const rejected = await c.call('POST', `/api/review/versions/${v.id}/reject`, {
      token: operator,
      body: { reasons: ['The shop page crashes on open'] },
    });
    expect(rejected.status).toBe(200);
    const read = await c.call('GET', `/api/apps/${appid}/versions/${v.id}`, { token: owner.token });
    expect(read.json.version).toMatchObject({
      status: 'rejected',
      review_reasons: ['The shop page crashes on open'],
    });
    const release = await c.call('POST', `/api/apps/${appid}/release`, {
      token: owner.token,
      body: { version_id: v.id },
    });
    expect(release.json.error.code).toBe('VERSION_WRONG_STATUS');
    // A developer cannot approve their own version.
    expect(
      (await c.call('POST', `/api/review/versions/${v.id}/approve`, { token: owner.token })).status,
    ).toBe(403);
  });

  it('flags personal-data APIs without their declared scope and URLs outside the allow-list', async () => {
    const { owner, appid } = await newApp();
    const v = await c.uploadAndCheck(appid, owner.token, phone, '0.1.0');
    expect(v.checks.status).toBe('failed');
    expect(v.checks.report.scopes).toEqual([{ api: 'getPhoneNumber', scope: 'phone_number' }]);
    expect(v.checks.report.request_domains).toEqual([
      expect.objectContaining({ origin: 'https://evil.example.net', file: 'pages/index/index.js' }),
    ]);
    // Declared, and the domain allowed: the same package passes.
    const declared = await newApp({
      request_domains: ['https://evil.example.net'],
      privacy: [{ scope: 'phone_number', reason: 'To call you about your order' }],
    });
    const ok = await c.uploadAndCheck(declared.appid, declared.owner.token, phone, '0.1.0');
    expect(ok.checks.report.scopes).toEqual([]);
    expect(ok.checks.status).toBe('passed');
  });

  it('rolls a release back to the previous full release in one call', async () => {
    const { owner, appid } = await newApp();
    const v1 = await c.uploadAndCheck(appid, owner.token, good, '1.0.0');
    await c.approveAndRelease(appid, owner.token, operator, v1.id);
    const v2 = await c.uploadAndCheck(
      appid,
      owner.token,
      buildPackage(program({ extra: { 'note.txt': 'v2' } })),
      '1.1.0',
    );
    await c.approveAndRelease(appid, owner.token, operator, v2.id);
    expect((await c.call('GET', `/api/runtime/apps/${appid}/package`)).json.version).toBe('1.1.0');

    const back = await c.call('POST', `/api/apps/${appid}/release/rollback`, { token: owner.token });
    expect(back.status).toBe(200);
    expect(back.json.release).toMatchObject({ version: { id: v1.id }, percentage: 100 });
    expect((await c.call('GET', `/api/runtime/apps/${appid}/package`)).json.version).toBe('1.0.0');
    const withdrawn = await c.call('GET', `/api/apps/${appid}/versions/${v2.id}`, { token: owner.token });
    expect(withdrawn.json.version.status).toBe('rolled_back');
    const none = await c.call('POST', `/api/apps/${appid}/release/rollback`, { token: owner.token });
    expect(none.json.error.code).toBe('VERSION_NOTHING_TO_ROLL_BACK');
  });

  it('splits a grey release stably by user, and widening only adds users', async () => {
    const { owner, appid } = await newApp();
    const v1 = await c.uploadAndCheck(appid, owner.token, good, '1.0.0');
    await c.approveAndRelease(appid, owner.token, operator, v1.id);
    const v2 = await c.uploadAndCheck(
      appid,
      owner.token,
      buildPackage(program({ extra: { 'n.txt': '2' } })),
      '2.0.0',
    );
    const grey = await c.approveAndRelease(appid, owner.token, operator, v2.id, 30);
    expect(grey.release).toMatchObject({ version: { id: v2.id }, base: { id: v1.id }, percentage: 30 });

    const users = Array.from({ length: 1000 }, (_, i) => `usr_synthetic_${i}`);
    const versionOf = async (u: string) => (await t.versions.releasedVersionOf(appid, u))?.version;
    const first = await Promise.all(users.map(versionOf));
    const onNew = users.filter((_, i) => first[i] === '2.0.0');
    expect(onNew.length).toBeGreaterThan(250);
    expect(onNew.length).toBeLessThan(350);
    expect(first.every((v) => v === '1.0.0' || v === '2.0.0')).toBe(true);
    expect(await Promise.all(users.map(versionOf))).toEqual(first);

    const lower = await c.call('POST', `/api/apps/${appid}/release`, {
      token: owner.token,
      body: { version_id: v2.id, percentage: 10 },
    });
    expect(lower.json.error.code).toBe('VERSION_PERCENTAGE_DOWN');
    await c.expectOk(
      await c.call('POST', `/api/apps/${appid}/release`, {
        token: owner.token,
        body: { version_id: v2.id, percentage: 60 },
      }),
      200,
      'widen',
    );
    const second = await Promise.all(users.map(versionOf));
    expect(onNew.every((u) => second[users.indexOf(u)] === '2.0.0')).toBe(true);
    const widened = second.filter((v) => v === '2.0.0').length;
    expect(widened).toBeGreaterThan(550);
    expect(widened).toBeLessThan(650);

    // Over HTTP, a signed-in end user gets the version their bucket says.
    const user = await c.endUser();
    const res = await c.call('GET', `/api/runtime/apps/${appid}/package`, { token: user.token });
    expect(res.json.version).toBe(inGrey(appid, user.userId, 60) ? '2.0.0' : '1.0.0');
    // Anonymous callers have no stable bucket: they get the fallback.
    expect((await c.call('GET', `/api/runtime/apps/${appid}/package`)).json.version).toBe('1.0.0');

    const cards = await t.versions.mountable([appid, 'ttunknown']);
    expect([...cards.keys()]).toEqual([appid]);
    expect(cards.get(appid)).toMatchObject({ appid, name: 'Takeout' });
  });

  it('refuses bad archives, oversize parts and wrong version numbers with a 4xx, storing nothing', async () => {
    const { owner, appid } = await newApp();
    await c.expectOk(await c.upload(appid, owner.token, good, { version: '1.0.0' }), 201, 'first upload');
    const blobs = c.blobCount();
    const manifestOnly = rawArchive([
      { path: 'manifest.json', content: JSON.stringify({ format: 1, pages: [] }) },
    ]);
    const bloated = buildPackage(program({ extra: { 'images/big.bin': 'x'.repeat(60 * 1024) } }));
    const cases: Array<[string, Buffer, Record<string, string>, number, string]> = [
      [
        'not an archive',
        Buffer.from('definitely not gzip'),
        { version: '2.0.0' },
        400,
        'VERSION_NOT_AN_ARCHIVE',
      ],
      [
        'gzip but not tar',
        rawArchive([]).subarray(0, 10),
        { version: '2.0.0' },
        400,
        'VERSION_NOT_AN_ARCHIVE',
      ],
      [
        'a .. path',
        rawArchive([{ path: '../../etc/cron.d/x', content: 'x' }]),
        { version: '2.0.0' },
        400,
        'VERSION_UNSAFE_ENTRY',
      ],
      [
        'an absolute path',
        rawArchive([{ path: '/etc/passwd', content: 'x' }]),
        { version: '2.0.0' },
        400,
        'VERSION_UNSAFE_ENTRY',
      ],
      [
        'a link outside',
        rawArchive([{ path: 'logic.js', type: 'symlink', linkTarget: '/etc/passwd' }]),
        { version: '2.0.0' },
        400,
        'VERSION_UNSAFE_ENTRY',
      ],
      ['no app.json', manifestOnly, { version: '2.0.0' }, 400, 'VERSION_APP_JSON_MISSING'],
      [
        'no manifest',
        rawArchive([{ path: 'logic.js', content: '' }]),
        { version: '2.0.0' },
        400,
        'VERSION_INVALID_PACKAGE',
      ],
      ['too large', bloated, { version: '2.0.0' }, 413, 'VERSION_TOO_LARGE'],
      ['going backwards', good, { version: '0.9.0' }, 409, 'VERSION_NOT_NEWER'],
      ['existing', good, { version: '1.0.0' }, 409, 'VERSION_EXISTS'],
      ['not semver', good, { version: 'v2' }, 400, 'VERSION_INVALID_NUMBER'],
      ['no version', good, {}, 400, 'VERSION_INVALID_NUMBER'],
    ];
    for (const [what, archive, query, status, code] of cases) {
      const res = await c.upload(appid, owner.token, archive, query);
      expect([what, res.status, res.json?.error?.code]).toEqual([what, status, code]);
    }
    const big = await c.upload(appid, owner.token, bloated, { version: '2.0.0' });
    expect(big.json.error.details.part).toBe('the main package');
    expect(big.json.error.message).toContain('the main package');
    const json = await c.upload(
      appid,
      owner.token,
      Buffer.from('{}'),
      { version: '2.0.0' },
      'application/json',
    );
    expect(json.json.error.code).toBe('HTTP_UNSUPPORTED_MEDIA_TYPE');
    const list = await c.call('GET', `/api/apps/${appid}/versions`, { token: owner.token });
    expect(list.json.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0']);
    expect(c.blobCount()).toBe(blobs);
  });

  it('keeps management routes to the app’s org and its own token; end users and anonymous are refused', async () => {
    const { owner, appid, secret } = await newApp();
    const other = await newApp();
    const appToken = await c.clientToken(appid, secret);
    const otherToken = await c.clientToken(other.appid, other.secret);
    const user = await c.endUser();

    const ci = await c.upload(appid, appToken, good, { version: '1.0.0', description: 'from CI' });
    expect(ci.status).toBe(201);
    expect(ci.json.version.uploaded_by.kind).toBe('app');
    const id = ci.json.version.id;

    expect((await c.upload(appid, other.owner.token, good, { version: '2.0.0' })).status).toBe(404);
    expect((await c.upload(appid, otherToken, good, { version: '2.0.0' })).status).toBe(404);
    expect((await c.upload(appid, user.token, good, { version: '2.0.0' })).status).toBe(403);
    expect((await c.upload(appid, undefined, good, { version: '2.0.0' })).status).toBe(401);
    expect((await c.upload(appid, operator, good, { version: '2.0.0' })).status).toBe(404);
    for (const [token, status] of [
      [other.owner.token, 404],
      [otherToken, 404],
      [user.token, 403],
      [undefined, 401],
    ] as const) {
      expect((await c.call('GET', `/api/apps/${appid}/versions`, { token })).status).toBe(status);
      expect((await c.call('POST', `/api/apps/${appid}/versions/${id}/submit`, { token })).status).toBe(
        status,
      );
      expect((await c.call('POST', `/api/apps/${appid}/release/rollback`, { token })).status).toBe(status);
    }
    expect((await c.call('GET', '/api/review/versions', { token: owner.token })).status).toBe(403);
    expect((await c.call('GET', '/api/review/versions', { token: appToken })).status).toBe(403);
    // The operator reads any app's versions (review) but is no member who could upload.
    expect((await c.call('GET', `/api/apps/${appid}/versions`, { token: operator })).status).toBe(200);
    const submitted = await c.call('POST', `/api/apps/${appid}/versions/${id}/submit`, { token: appToken });
    expect(submitted.status).toBe(202);
    const twice = await c.call('POST', `/api/apps/${appid}/versions/${id}/submit`, { token: appToken });
    expect(twice.json.error.code).toBe('VERSION_WRONG_STATUS');
  });
});
