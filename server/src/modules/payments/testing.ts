import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { type Clock, manualClock, systemClock } from '../../db/clock.ts';
import type { Db, Engine } from '../../db/database.ts';
import { appsClient } from '../apps/testing.ts';
import { createLedgerService } from '../ledger/index.ts';

/*
 * The payments module's test kit: a platform with a merchant and a user, a merchant's
 * webhook receiver, and the audit of the money against the ledger.
 */

/** A merchant's webhook endpoint on loopback that records every event it receives. */
export async function startWebhookReceiver() {
  const events: { id: string; type: string; data: Record<string, unknown> }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        type: string;
        data: Record<string, unknown>;
      };
      events.push({ id: String(req.headers['webhook-id']), type: body.type, data: body.data });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    events,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A platform with a manual clock, a merchant app whose webhooks go to a local receiver,
 * its client token, and helpers to make end users of it, for the payments tests.
 */
export async function startPaymentsKit(
  engine: Engine,
  options: { clock?: Clock & { advance(ms: number): void } } = {},
) {
  const clock = options.clock ?? manualClock(Date.now());
  const t = await startTestPlatform(engine, { clock, env: { PLAZA_DEMO: 'true' } });
  const c = appsClient(t);
  const receiver = await startWebhookReceiver();

  async function merchant(category = 'food_delivery') {
    const owner = await c.orgOwner();
    const created = await c.createApp(owner, { webhook_url: receiver.url, category });
    const app = await t.apps.findByAppid(created.appid);
    if (!app) throw new Error('app missing');
    const token = await c.clientToken(created.appid, created.secret);
    return { owner, appid: created.appid, appId: app.id, orgId: app.orgId, token, secret: created.secret };
  }

  async function customer(appid: string) {
    const user = await c.endUser();
    const openid = await t.login.openidFor(appid, user.userId);
    return { ...user, openid };
  }

  return {
    t,
    clock: clock as Clock & { advance(ms: number): void },
    call: c.call,
    receiver,
    merchant,
    customer,
    /** A fresh client token, after the clock moved past the old one's life. */
    clientToken: c.clientToken,
    async stop() {
      await t.stop();
      await receiver.close();
    },
  };
}

export type PaymentsKit = Awaited<ReturnType<typeof startPaymentsKit>>;

/**
 * Audits guaranteed payment against the ledger (for tests and crash recovery): the ledger
 * balances; every order's status and amounts agree with its transfers; no order was
 * settled twice or refunded beyond what was paid; every succeeded refund moved money
 * exactly once. Returns one line per problem.
 */
export async function auditPayments(db: Db, engine: Engine): Promise<string[]> {
  const problems: string[] = [];
  const ledger = createLedgerService({ db, engine, clock: systemClock });
  const report = await ledger.checkInvariants();
  problems.push(...report.violations);

  const orders = await db.selectFrom('payment_order').selectAll().execute();
  const transfers = await db
    .selectFrom('ledger_transfer')
    .select([
      'id',
      'amount',
      'code',
      'user_data',
      'pending_id',
      'flags',
      'debit_account_id',
      'credit_account_id',
    ])
    .where('user_data', 'is not', null)
    .execute();
  // Which shard each escrow account is: an order's money enters and leaves one of them.
  const escrowShards = new Map(
    (
      await db.selectFrom('ledger_account').select(['id', 'shard']).where('kind', '=', 'app_escrow').execute()
    ).map((a) => [a.id, Number(a.shard)]),
  );
  const refunds = await db.selectFrom('payment_refund').selectAll().execute();
  const byOrder = new Map<string, typeof transfers>();
  for (const t of transfers) {
    const list = byOrder.get(t.user_data as string) ?? [];
    list.push(t);
    byOrder.set(t.user_data as string, list);
  }
  const resolved = new Set(transfers.filter((t) => t.pending_id).map((t) => t.pending_id as string));
  for (const o of orders) {
    const list = byOrder.get(o.id) ?? [];
    const total = Number(o.total_amount);
    const refunded = Number(o.refunded_amount);
    const holds = list.filter((t) => t.code === 'escrow_hold' && t.pending_id === null);
    const say = (what: string) => problems.push(`order ${o.id} (${o.status}): ${what}`);
    const succeeded = refunds.filter((r) => r.order_id === o.id && r.status === 'succeeded');
    const refundSum = succeeded.reduce((s, r) => s + Number(r.amount), 0);
    if (refundSum !== refunded) say(`refunded_amount ${refunded} but succeeded refunds add to ${refundSum}`);
    if (refunded > total) say(`refunded ${refunded} more than paid ${total}`);
    if (o.status === 'created' || o.status === 'closed') {
      if (list.length > 0) say(`unpaid but has ${list.length} transfers`);
      continue;
    }
    const shardsUsed = new Set(
      list.flatMap((t) =>
        [t.debit_account_id, t.credit_account_id].flatMap((id) => escrowShards.get(id) ?? []),
      ),
    );
    if (shardsUsed.size > 1 || (shardsUsed.size === 1 && !shardsUsed.has(Number(o.ledger_shard))))
      say(`moved money through escrow shards ${[...shardsUsed].join(',')}, not its own ${o.ledger_shard}`);
    const first = holds.find((h) => h.id === `hold:${o.id}:1`);
    if (!first || Number(first.amount) !== total) say('no first hold of the whole total');
    const open = holds.filter((h) => !resolved.has(h.id));
    const settle = list.filter((t) => t.id === `settle:${o.id}`);
    const balanceRefunds = list.filter((t) => t.code === 'refund');
    const fromBalance = balanceRefunds.reduce((s, t) => s + Number(t.amount), 0);
    const fromEscrowRows = succeeded
      .filter((r) => r.source === 'escrow')
      .reduce((s, r) => s + Number(r.amount), 0);
    if (fromBalance !== refunded - fromEscrowRows)
      say(`balance refunds ${fromBalance} disagree with refund rows`);
    for (const r of succeeded.filter((x) => x.source === 'merchant_balance'))
      if (balanceRefunds.filter((t) => t.id === `refund:${r.id}`).length !== 1)
        say(
          `refund ${r.id} moved money ${balanceRefunds.filter((t) => t.id === `refund:${r.id}`).length} times`,
        );
    if (o.settled_at === null) {
      if (settle.length > 0) say('settle transfer without settlement');
      if (o.status === 'paid' && (open.length !== 1 || Number(open[0]?.amount) !== total - refunded))
        say(`open hold ${open.map((h) => h.amount).join(',')} is not paid − refunded = ${total - refunded}`);
      if (o.status === 'refunded' && open.length !== 0) say('fully refunded but a hold is open');
      if (fromBalance !== 0) say('refunded from the balance before settlement');
    } else {
      if (settle.length !== 1) say(`settled ${settle.length} times`);
      if (open.length !== 0) say('settled but a hold is open');
      const posted = Number(settle[0]?.amount ?? 0);
      const parts = list.filter(
        (t) => ['commission', 'split', 'settle'].includes(t.code) && t.pending_id === null,
      );
      const partSum = parts.reduce((s, t) => s + Number(t.amount), 0);
      if (partSum !== posted) say(`settlement parts ${partSum} != posted ${posted}`);
      const recorded = Number(o.commission_amount) + Number(o.split_amount) + Number(o.merchant_amount);
      if (recorded !== posted) say(`recorded settlement ${recorded} != posted ${posted}`);
      if (posted + fromEscrowRows !== total)
        say(`posted ${posted} + escrow refunds ${fromEscrowRows} != total ${total}`);
      if (list.filter((t) => t.code === 'settle' && t.pending_id === null).length > 1)
        say('merchant paid twice');
    }
    const expected = refunded === total ? 'refunded' : o.settled_at !== null ? 'settled' : 'paid';
    if (o.status !== expected) say(`status should be ${expected}`);
  }
  return problems;
}
