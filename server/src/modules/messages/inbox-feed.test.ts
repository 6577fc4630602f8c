import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { loadConfig } from '../../config.ts';
import { readEvents } from '../../live-feed/testing.ts';
import { createPlatform, type Platform } from '../../platform.ts';
import { orderData, startMessagesKit } from './testing.ts';

// Two server processes on one database: a message one of them delivers reaches an inbox
// open on the other (NOTIFY/LISTEN on PostgreSQL, polling on SQLite).
describe.each(testEngines)('the live inbox across two platforms on %s', (engine) => {
  let k: Awaited<ReturnType<typeof startMessagesKit>>;
  let other: Platform;
  let otherBase: string;

  beforeAll(async () => {
    k = await startMessagesKit(engine);
    // The second platform shares the first one's database (its own workers off, its own feed).
    other = await createPlatform({
      config: loadConfig({ PLAZA_LOG_LEVEL: 'silent', PLAZA_PORT: '0', PLAZA_WORKERS: 'false', ...k.t.env }),
    });
    otherBase = await other.listen();
  });
  afterAll(async () => {
    await other?.close();
    await k?.stop();
  });

  it('delivers over server-sent events from the process that did not deliver', async () => {
    const library = await k.libraryTemplate();
    const m = await k.merchant();
    const templateId = await k.selectTemplate(m, library.id);
    const u = await k.customer(m.appid);
    const stranger = await k.customer(m.appid);
    await k.accept(u.token, m.appid, templateId, 2);
    await k.accept(stranger.token, m.appid, templateId, 1);

    const refused = await fetch(`${otherBase}/api/me/messages/stream`, {
      headers: { authorization: `Bearer ${u.token}` },
    });
    expect(refused.status).toBe(406);
    const stream = await fetch(`${otherBase}/api/me/messages/stream`, {
      headers: { authorization: `Bearer ${u.token}`, accept: 'text/event-stream' },
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const arriving = readEvents(stream, 1);

    // Another user's message is not this user's to hear; theirs arrives.
    await k.send(m.token, { openid: stranger.openid, template_id: templateId, data: orderData });
    const sent = await k.send(m.token, {
      openid: u.openid,
      template_id: templateId,
      data: orderData,
      page: 'pages/a/a',
    });
    expect(sent.status).toBe(200);
    while ((await k.t.jobs.workers.runDue()) > 0) {}
    const [event] = await arriving;
    expect(event).toMatchObject({
      message_id: sent.json.message_id,
      appid: m.appid,
      title: 'Order status',
      status: 'delivered',
      page: 'pages/a/a',
    });
  });
});
