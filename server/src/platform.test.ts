import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../test/support/test-database.ts';
import { startTestPlatform } from '../test/support/test-platform.ts';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8080);
    expect(config.database.kind).toBe('sqlite');
    expect(config.publicUrl).toBe('http://127.0.0.1:8080');
  });

  it('chooses PostgreSQL from PLAZA_DATABASE_URL', () => {
    const config = loadConfig({ PLAZA_DATABASE_URL: 'postgres://u@h:5432/d' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/d' });
  });

  it.each([
    ['PLAZA_PORT', 'eighty'],
    ['PLAZA_PORT', '70000'],
    ['PLAZA_DATABASE_URL', 'mysql://x'],
    ['PLAZA_LOG_LEVEL', 'loud'],
    ['PLAZA_DEMO', 'maybe'],
  ])('stops on a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe.each(testEngines)('the platform on %s', (engine) => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    platform = await startTestPlatform(engine);
  });
  afterAll(async () => platform.stop());

  it('is alive and ready with its migrations applied', async () => {
    expect((await platform.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await platform.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: 'ok', migrations: 'current' });
  });

  it('serves OpenAPI 3.1 that documents who may call each operation', async () => {
    const res = await platform.app.inject('/openapi.json');
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/readyz'].get.description).toContain('Who may call');
  });

  it('serves a readable API reference at /docs', async () => {
    const res = await platform.app.inject('/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('answers 404 in the envelope for an unknown route', async () => {
    const res = await platform.app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('HTTP_NOT_FOUND');
  });

  it('serves the super app page for page paths, never for API paths', async () => {
    const page = await platform.app.inject('/me/orders');
    expect(page.headers['content-type']).toContain('text/html');
    const api = await platform.app.inject('/api/me/orders-that-do-not-exist');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('HTTP_NOT_FOUND');
  });

  it('reports not ready once the database is gone', async () => {
    const other = await startTestPlatform(engine);
    await other.db.destroy();
    const res = await other.app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('HTTP_UNAVAILABLE');
    await other.app.close();
  });
});
