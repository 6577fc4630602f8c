import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from '../../platform.ts';
import { appsClient } from '../apps/apps-test-client.ts';

/** Over-HTTP helpers for the versions tests: uploads with raw bodies, the lifecycle steps. */
export function versionsClient(platform: Platform & { operatorSetup?: { url: string } | undefined }) {
  const apps = appsClient(platform);
  const { call } = apps;

  async function upload(
    appid: string,
    token: string | undefined,
    archive: Buffer,
    query: { version?: string; description?: string } = {},
    contentType = 'application/gzip',
  ) {
    const search = new URLSearchParams(query as Record<string, string>).toString();
    const res = await platform.app.inject({
      method: 'POST',
      url: `/api/apps/${appid}/versions${search ? `?${search}` : ''}`,
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: archive,
    });
    return { status: res.statusCode, json: res.body ? res.json() : undefined, headers: res.headers };
  }

  async function expectOk(res: { status: number; json: unknown }, status: number, what: string) {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
    // biome-ignore lint/suspicious/noExplicitAny: tests read the route's JSON
    return res.json as any;
  }

  /** Uploads and submits, then runs the checks job; resolves with the version as read after. */
  async function uploadAndCheck(appid: string, token: string, archive: Buffer, version: string) {
    const up = await expectOk(await upload(appid, token, archive, { version }), 201, 'upload');
    const id = up.version.id as string;
    await expectOk(await call('POST', `/api/apps/${appid}/versions/${id}/submit`, { token }), 202, 'submit');
    await platform.jobs.workers.runDue();
    const read = (
      await expectOk(await call('GET', `/api/apps/${appid}/versions/${id}`, { token }), 200, 'read')
    ).version;
    return read;
  }

  async function approveAndRelease(
    appid: string,
    token: string,
    operator: string,
    id: string,
    percentage = 100,
  ) {
    await expectOk(
      await call('POST', `/api/review/versions/${id}/approve`, { token: operator }),
      200,
      'approve',
    );
    return expectOk(
      await call('POST', `/api/apps/${appid}/release`, { token, body: { version_id: id, percentage } }),
      200,
      'release',
    );
  }

  /** Blobs on disk: a refused upload must not add any. */
  function blobCount(): number {
    const root = join(platform.config.dataDir, 'blobs');
    try {
      return readdirSync(root, { recursive: true, withFileTypes: true }).filter(
        (e) => e.isFile() && !e.parentPath.endsWith('tmp'),
      ).length;
    } catch {
      return 0;
    }
  }

  return { ...apps, upload, expectOk, uploadAndCheck, approveAndRelease, blobCount };
}
