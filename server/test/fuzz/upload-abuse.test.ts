import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildPackage, goodProgram } from '../../src/modules/versions/testing.ts';
import { matrixMedia } from '../authorization/matrix-world.ts';
import { testEngines } from '../support/test-database.ts';
import { diffSnapshots, snapshotDatabase } from './database-snapshot.ts';
import { fuzzWorldFor } from './fuzz-world.ts';
import { conventionProblem } from './refusal-envelope.ts';

type Part = string | { data: Buffer; filename: string; type: string };

/** A multipart body by hand, so it can also be wrong in ways FormData never is. */
function multipart(parts: Record<string, Part>, boundary = 'fuzzboundary', close = true): Buffer {
  const chunks: Buffer[] = [];
  for (const [name, part] of Object.entries(parts)) {
    const head =
      typeof part === 'string'
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}\r\n\r\n`;
    chunks.push(
      Buffer.from(head),
      typeof part === 'string' ? Buffer.from(part) : part.data,
      Buffer.from('\r\n'),
    );
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** Package uploads and video uploads: bodies that are not what they claim, refused with 4xx and no trace. */
describe.each(testEngines)('hostile uploads on %s', (engine) => {
  const s = fuzzWorldFor(engine);

  async function refused(
    url: string,
    token: string | undefined,
    contentType: string | undefined,
    payload: Buffer | string,
  ) {
    const before = await snapshotDatabase(s.t.db, s.t.engine);
    const res = await s.t.app.inject({
      method: 'POST',
      url,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      payload,
    });
    return {
      status: res.statusCode,
      code: res.statusCode >= 400 ? (res.json() as { error: { code: string } }).error.code : undefined,
      problem: conventionProblem(res.statusCode, res.headers['content-type']?.toString(), res.body),
      changed: diffSnapshots(before, await snapshotDatabase(s.t.db, s.t.engine)),
    };
  }

  it('refuses package uploads that are not a whole gzip-compressed tar', async () => {
    const url = `/api/apps/${s.fw.world.appA.appid}/versions?version=9.9.9`;
    const good = buildPackage(goodProgram());
    const cases: Array<[string, string | undefined, Buffer | string, number]> = [
      ['gzip garbage', 'application/gzip', Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 400],
      ['random bytes', 'application/octet-stream', Buffer.from('not an archive at all'), 400],
      ['gzip of text', 'application/x-gzip', gzipSync('hello, no tar here'), 400],
      ['truncated package', 'application/gzip', good.subarray(0, Math.floor(good.length / 2)), 400],
      ['empty body', 'application/gzip', Buffer.alloc(0), 400],
      ['JSON instead', 'application/json', '{"version":"9.9.9"}', 415],
      ['form instead', 'application/x-www-form-urlencoded', 'a=1', 415],
      ['no content type', undefined, good, 415],
    ];
    for (const [what, type, payload, status] of cases) {
      const res = await refused(url, s.fw.tokens.developer, type, payload);
      expect(res, what).toMatchObject({ status, problem: undefined, changed: [] });
    }
    for (const version of ['1.0.0%00', '%ff', `${'9'.repeat(100)}.0.0`, '-1.0.0', '1e309.0.0']) {
      const res = await refused(
        `/api/apps/${s.fw.world.appA.appid}/versions?version=${version}`,
        s.fw.tokens.developer,
        'application/gzip',
        good,
      );
      expect(res.status, version).toBeGreaterThanOrEqual(400);
      expect(res, version).toMatchObject({ problem: undefined, changed: [] });
    }
  });

  it('refuses video uploads that are malformed, incomplete, mislabelled or hold a NUL', async () => {
    const video = { data: matrixMedia.mp4, filename: 'v.mp4', type: 'video/mp4' };
    const cover = { data: matrixMedia.jpeg, filename: 'c.jpg', type: 'image/jpeg' };
    const form = 'multipart/form-data; boundary=fuzzboundary';
    const cases: Array<[string, string | undefined, Buffer | string]> = [
      ['no parts', form, '--fuzzboundary--\r\n'],
      ['empty body', form, ''],
      ['no boundary parameter', 'multipart/form-data', multipart({ caption: 'x' })],
      ['never closed', form, multipart({ caption: 'x', video }, 'fuzzboundary', false)],
      ['another boundary', form, multipart({ caption: 'x', video, cover }, 'other')],
      ['garbage between boundaries', form, `--fuzzboundary\r\ngarbage\r\n\r\n--fuzzboundary--\r\n`],
      ['no files', form, multipart({ caption: 'Noodles' })],
      ['caption with NUL', form, multipart({ caption: 'Noo\u0000dles', video, cover })],
      ['caption too long', form, multipart({ caption: 'x'.repeat(5000), video, cover })],
      ['anchor that is not JSON', form, multipart({ caption: 'x', anchor: '{"app', video, cover })],
      [
        'anchor with a NUL',
        form,
        multipart({ caption: 'x', anchor: '{"appid":"a\\u0000","path":"pages/index/index"}', video, cover }),
      ],
      [
        'anchor nested deep',
        form,
        multipart({ caption: 'x', anchor: `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, video, cover }),
      ],
      ['anchor polluting', form, multipart({ caption: 'x', anchor: '{"__proto__":{"x":1}}', video, cover })],
      ['unknown file field', form, multipart({ caption: 'x', evil: video, cover })],
      [
        'text as the video',
        form,
        multipart({ caption: 'x', video: { ...video, data: Buffer.from('hello') }, cover }),
      ],
      [
        'video as the cover',
        form,
        multipart({ caption: 'x', video, cover: { ...cover, data: matrixMedia.mp4 } }),
      ],
      ['JSON instead', 'application/json', '{"caption":"x"}'],
    ];
    const wrong: string[] = [];
    for (const [what, type, payload] of cases) {
      const res = await refused('/api/videos', s.fw.tokens.user, type, payload);
      if (res.status < 400 || res.problem || res.changed.length > 0)
        wrong.push(`${what}: ${res.status} ${res.code} ${res.problem ?? ''} ${res.changed.join()}`);
    }
    expect(wrong).toEqual([]);
  });
});
