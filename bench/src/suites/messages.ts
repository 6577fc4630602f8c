import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../../server/src/db/database.ts';
import { orderData, startMessagesKit } from '../../../server/src/modules/messages/testing.ts';
import { createTestTarget, testEngines } from '../../../server/test/support/test-database.ts';
import type { BenchRow, BenchSuite } from '../suite.ts';
import { percentile } from '../support/percentile.ts';
import { startPlaza } from '../support/processes.ts';

/**
 * Subscription messages, each against a baseline from the same run:
 * - sending on SQLite: the merchant API's send service (template and data checked, the
 *   user resolved, consent spent, rate slot and quotas claimed, message and outbox row
 *   written in one transaction) against bare inserts of the same two rows;
 * - send → inbox on PostgreSQL with two server processes: the merchant's POST to one
 *   process until the message arrives over server-sent events on the other, against a
 *   bare NOTIFY → LISTEN round trip between two connections.
 */
const sendSeconds = 4;
const concurrency = 8;
const users = 12_000;

async function sending(): Promise<BenchRow[]> {
  const k = await startMessagesKit('sqlite', { PLAZA_MESSAGE_APP_DAILY_LIMIT: '100000000' });
  try {
    const library = await k.libraryTemplate();
    const m = await k.merchant();
    const templateId = await k.selectTemplate(m, library.id);
    const app = await k.t.apps.findByAppid(m.appid);
    if (!app) throw new Error('app missing');
    // Users with one accepted send each (set up through the services, not measured).
    const openids: string[] = [];
    for (let i = 0; i < users; i++) {
      const userId = `usr_bench_${i}`;
      openids.push(await k.t.login.openidFor(m.appid, userId));
      await k.t.messages.subscriptions.answer(userId, m.appid, {
        templateIds: [templateId],
        accepted: [templateId],
        always: false,
      });
    }
    let next = 0;
    const latencies: number[] = [];
    const startedAt = performance.now();
    const end = Date.now() + sendSeconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < end && next < users) {
          const openid = openids[next++] as string;
          const started = performance.now();
          await k.t.messages.sending.send(app.id, { openid, templateId, data: orderData, page: 'pages/a/a' });
          latencies.push(performance.now() - started);
        }
      }),
    );
    // The run ends at its time or when every user's one send is spent, whichever comes first.
    const perSecond = latencies.length / ((performance.now() - startedAt) / 1000);
    const baseline = await bareInserts();
    const p99 = percentile(latencies, 0.99);
    return [
      {
        name: 'send, consent spent, outbox row written (SQLite)',
        value: Math.round(perSecond),
        unit: 'msg/s',
        baseline: { name: 'bare insert of message + outbox rows', value: Math.round(baseline.perSecond) },
        target: '>= 2,000 msg/s',
        pass: perSecond >= 2000,
      },
      {
        name: 'send p99 (SQLite)',
        value: Number(p99.toFixed(2)),
        unit: 'ms',
        baseline: { name: 'bare insert p99', value: Number(baseline.p99.toFixed(2)) },
        target: '< 20 ms',
        pass: p99 < 20,
      },
    ];
  } finally {
    await k.stop();
  }
}

/** The same two rows a send writes (the message and its outbox job), in one transaction each. */
async function bareInserts(): Promise<{ perSecond: number; p99: number }> {
  const target = await createTestTarget('sqlite');
  const { db } = openDatabase(target.target);
  try {
    await sql`create table m (id text primary key, app_id text, user_id text, template_id text, title text, data text, page text, status text, sent_at bigint)`.execute(
      db,
    );
    await sql`create table j (id text primary key, type text, payload text, status text, run_at bigint, key text unique, created_at bigint)`.execute(
      db,
    );
    const data = JSON.stringify(Object.entries(orderData).map(([key, value]) => ({ key, name: key, value })));
    let n = 0;
    const latencies: number[] = [];
    const end = Date.now() + sendSeconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < end) {
          const i = ++n;
          const id = `sm_${i}`;
          const started = performance.now();
          await db.transaction().execute(async (trx) => {
            await sql`insert into m values (${id}, 'app', 'usr', 'tmpl', 'Order status', ${data}, 'pages/a/a', 'sent', ${Date.now()})`.execute(
              trx,
            );
            await sql`insert into j values (${`job_${i}`}, 'messages.deliver', ${JSON.stringify({ messageId: id })}, 'queued', ${Date.now()}, ${`k:${id}`}, ${Date.now()})`.execute(
              trx,
            );
          });
          latencies.push(performance.now() - started);
        }
      }),
    );
    return { perSecond: latencies.length / sendSeconds, p99: percentile(latencies, 0.99) };
  } finally {
    await db.destroy();
    await target.drop();
  }
}

/** Message ids as they arrive on one user's event stream; `ready` once the stream is open. */
function follow(
  url: string,
  token: string,
  onMessage: (id: string) => void,
): { abort: AbortController; ready: Promise<void> } {
  const abort = new AbortController();
  let opened: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    opened = resolve;
  });
  void (async () => {
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      opened();
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith('event: message\n')) {
          onMessage(
            (JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { message_id: string }).message_id,
          );
        }
        end = buffer.indexOf('\n\n');
      }
    }
  })().catch((error: unknown) => {
    if (!abort.signal.aborted) throw error;
  });
  return { abort, ready };
}

const liveUsers = 20;
const liveRounds = 6;

async function sendToInbox(): Promise<BenchRow[]> {
  const k = await startMessagesKit('postgres');
  const env = { PLAZA_DATABASE_URL: k.t.env.PLAZA_DATABASE_URL as string, PLAZA_JOB_POLL_MS: '1000' };
  const [sender, reader] = await Promise.all([
    startPlaza(env),
    startPlaza({ ...env, PLAZA_WORKERS: 'false' }),
  ]);
  const streams: AbortController[] = [];
  try {
    const library = await k.libraryTemplate();
    const m = await k.merchant();
    const templateId = await k.selectTemplate(m, library.id);
    const people = [];
    for (let i = 0; i < liveUsers; i++) {
      const u = await k.customer(m.appid);
      await k.accept(u.token, m.appid, templateId, liveRounds);
      people.push(u);
    }
    const arrived = new Map<string, number>();
    const waiting = new Map<string, () => void>();
    const ready: Promise<void>[] = [];
    for (const u of people) {
      const followed = follow(`${reader.url}/api/me/messages/stream`, u.token, (id) => {
        arrived.set(id, performance.now());
        waiting.get(id)?.();
      });
      streams.push(followed.abort);
      ready.push(followed.ready);
    }
    await Promise.all(ready);
    let lost = 0;
    // Paced, not in bursts: one send every 55 ms, each user in turn (so one user gets one
    // message every 1.1 s, within the rate limit); each measured from the POST to its event.
    const latencies: number[] = [];
    const sendLatencies: number[] = [];
    const pending: Promise<void>[] = [];
    for (let i = 0; i < liveUsers * liveRounds; i++) {
      const u = people[i % liveUsers] as (typeof people)[number];
      const t0 = performance.now();
      pending.push(
        (async () => {
          const res = await fetch(`${sender.url}/api/messages/subscribe/send`, {
            method: 'POST',
            headers: { authorization: `Bearer ${m.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ openid: u.openid, template_id: templateId, data: orderData }),
          });
          const sent = (await res.json()) as { message_id?: string };
          if (!res.ok || !sent.message_id) throw new Error(`send: ${res.status} ${JSON.stringify(sent)}`);
          const id = sent.message_id;
          sendLatencies.push(performance.now() - t0);
          // A message that never arrives is counted lost, not waited for forever.
          if (!arrived.has(id)) {
            await new Promise<void>((resolve) => {
              waiting.set(id, resolve);
              setTimeout(resolve, 15_000).unref();
            });
          }
          const at = arrived.get(id);
          if (at === undefined) lost++;
          else latencies.push(at - t0);
        })(),
      );
      await new Promise((r) => setTimeout(r, 55 - Math.min(55, performance.now() - t0)));
    }
    await Promise.all(pending);
    const baseline = await notifyRoundTrips(k.t.env.PLAZA_DATABASE_URL as string, latencies.length);
    const p99 = percentile(latencies, 0.99);
    return [
      {
        name: `send → inbox over SSE, two processes (PostgreSQL, ${latencies.length} messages) p99`,
        value: Number(p99.toFixed(1)),
        unit: 'ms',
        baseline: {
          name: 'bare NOTIFY round trip p99',
          value: Number(percentile(baseline, 0.99).toFixed(1)),
        },
        target: '< 100 ms, none lost',
        pass: p99 < 100 && lost === 0,
        note: `${lost} lost`,
      },
      {
        name: 'of which the send request (median)',
        value: Number(percentile(sendLatencies, 0.5).toFixed(1)),
        unit: 'ms',
      },
      {
        name: 'send → inbox median',
        value: Number(percentile(latencies, 0.5).toFixed(1)),
        unit: 'ms',
        baseline: {
          name: 'bare NOTIFY round trip median',
          value: Number(percentile(baseline, 0.5).toFixed(1)),
        },
      },
    ];
  } finally {
    for (const s of streams) s.abort();
    await Promise.all([sender.stop(), reader.stop()]);
    await k.stop();
  }
}

/** NOTIFY on one connection, heard by LISTEN on another: the floor of any cross-process fan-out. */
async function notifyRoundTrips(url: string, count: number): Promise<number[]> {
  const listener = new pg.Client({ connectionString: url });
  const notifier = new pg.Client({ connectionString: url });
  await Promise.all([listener.connect(), notifier.connect()]);
  try {
    await listener.query('LISTEN bench_round_trip');
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const heard = new Promise<void>((resolve) => listener.once('notification', () => resolve()));
      const t0 = performance.now();
      await notifier.query(`NOTIFY bench_round_trip, '${i}'`);
      await heard;
      samples.push(performance.now() - t0);
    }
    return samples;
  } finally {
    await Promise.all([listener.end(), notifier.end()]);
  }
}

export const suite: BenchSuite = {
  name: 'messages',
  async run() {
    const rows = process.env.BENCH_MESSAGES_LIVE_ONLY ? [] : await sending();
    if (testEngines.includes('postgres')) rows.push(...(await sendToInbox()));
    return rows;
  },
};
