import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { loadConfig } from '../../config.ts';
import { readEvents } from '../../live-feed/testing.ts';
import { createPlatform, type Platform } from '../../platform.ts';
import { startSupportKit } from './testing.ts';

// Two server processes on one database: a line written through one reaches the chat and
// the agent inbox open on the other (NOTIFY/LISTEN on PostgreSQL, polling on SQLite).
describe.each(testEngines)('live customer service across two platforms on %s', (engine) => {
  let k: Awaited<ReturnType<typeof startSupportKit>>;
  let other: Platform;
  let otherBase: string;

  beforeAll(async () => {
    k = await startSupportKit(engine, { realTime: true });
    other = await createPlatform({
      config: loadConfig({ PLAZA_LOG_LEVEL: 'silent', PLAZA_PORT: '0', PLAZA_WORKERS: 'false', ...k.t.env }),
    });
    otherBase = await other.listen();
  });
  afterAll(async () => {
    await other?.close();
    await k?.stop();
  });

  const open = (url: string, token: string) =>
    fetch(`${otherBase}${url}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    });

  it("carries the user's line to the agent inbox and the answer back to the chat, from the other process", async () => {
    const m = await k.merchant();
    const u = await k.customer(m.appid);
    const stranger = await k.customer(m.appid);
    const outsider = await k.c.orgOwner();

    // A stranger to the app cannot listen to its inbox.
    const refused = await fetch(`${otherBase}/api/apps/${m.appid}/support/stream`, {
      headers: { authorization: `Bearer ${outsider.token}`, accept: 'text/event-stream' },
    });
    expect(refused.status).toBe(404);

    const agentStream = await open(`/api/apps/${m.appid}/support/stream`, m.owner.token);
    expect(agentStream.headers.get('content-type')).toContain('text/event-stream');
    const toAgents = readEvents(agentStream, 1, 'line');
    const said = await k.say(u.token, m.appid, 'Is it spicy?');
    const [heard] = await toAgents;
    expect(heard).toMatchObject({ message_id: said.json.message_id, sender: 'user', text: 'Is it spicy?' });

    const userStream = await open('/api/me/support/stream', u.token);
    const toUser = readEvents(userStream, 1, 'line');
    // Another user's chat is not this user's to hear; the answer to them arrives.
    await k.say(stranger.token, m.appid, 'Hello');
    await k.reply(m.token, stranger.openid, 'Hi there');
    const answer = await k.reply(m.token, u.openid, 'Only a little');
    const [arrived] = await toUser;
    expect(arrived).toMatchObject({
      message_id: answer.json.message_id,
      appid: m.appid,
      sender: 'merchant',
      text: 'Only a little',
    });
  });
});
