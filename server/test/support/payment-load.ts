import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/db/database.ts';
import { auditPayments } from '../../src/modules/payments/testing.ts';
import { deadlocksIn, type TestTarget } from './test-database.ts';

/*
 * Several server processes of one deployment on one database, and a mixed payment load
 * spread over them round-robin (what a load balancer in front of them would do): the
 * machinery of the scale-out test and of `npm run bench -- scale`.
 */

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const tsx = import.meta.resolve('tsx');

export interface ServerProcess {
  url: string;
  pid: number;
  /** CPU time (user + system) the process used so far, in ms. */
  cpuMs(): number;
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * One server process as `npm start` runs it (`server/src/main.ts`), joined to a deployment:
 * the demo's dev inbox (so a load can sign users in) without seeding or a merchant server.
 */
export async function startServerProcess(target: TestTarget, env: Record<string, string> = {}) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', tsx, 'server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...target.env,
      PLAZA_PORT: String(port),
      PLAZA_DEMO: 'true',
      PLAZA_DEMO_JOIN: 'true',
      PLAZA_WEBHOOK_ALLOW_LOOPBACK: 'true',
      PLAZA_JOB_POLL_MS: '100',
      PLAZA_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not get ready:\n${output}`);
    }
    const ready = await fetch(`${url}/readyz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const pid = child.pid as number;
  return {
    url,
    pid,
    cpuMs() {
      const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] as string).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    },
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  } satisfies ServerProcess;
}

/** One JSON request; an error status throws with the body. */
export async function call(base: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the load reads what the routes answer
  const out = (await res.json()) as Record<string, any>;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(out)}`);
  return out;
}

/** The merchant's server: answers every callback 200 and counts them by type. */
async function startCallbackReceiver() {
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { type } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string };
      counts.set(type, (counts.get(type) ?? 0) + 1);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    count: (type: string) => counts.get(type) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One app, its client token and `users` signed-in end users, made over HTTP. */
export async function setUpMerchant(base: string, users: number, webhookUrl?: string) {
  const email = `load.${Date.now()}@example.com`;
  const password = 'a long load password';
  await call(base, 'POST', '/api/accounts', { email, name: 'Load', password });
  const dev = await call(base, 'POST', '/api/sessions', { email, password });
  const org = await call(base, 'POST', '/api/orgs', { name: 'Load' }, dev.token);
  const app = await call(
    base,
    'POST',
    `/api/orgs/${org.org.id}/apps`,
    { name: 'Shop', category: 'retail', webhook_url: webhookUrl },
    dev.token,
  );
  const { appid } = app.app;
  const token = await call(base, 'POST', '/api/oauth/client_token', {
    appid,
    secret: app.secret,
    grant_type: 'client_credential',
  });
  const signedIn: { token: string; openid: string }[] = [];
  for (let i = 0; i < users; i++) {
    const phone = `+1555100${String(i).padStart(4, '0')}`;
    await call(base, 'POST', '/api/users/otp', { phone });
    const inbox = await call(base, 'GET', `/api/dev/inbox?phone=${encodeURIComponent(phone)}`);
    const session = await call(base, 'POST', '/api/users/sessions', { phone, code: inbox.messages[0].code });
    const login = await call(base, 'POST', `/api/runtime/apps/${appid}/login`, undefined, session.token);
    const exchanged = await call(base, 'POST', '/api/apps/jscode2session', {
      appid,
      secret: app.secret,
      code: login.code,
    });
    signedIn.push({ token: session.token, openid: exchanged.openid });
  }
  return { merchantToken: token.access_token as string, users: signedIn };
}

export interface PaymentLoadResult {
  processes: number;
  /** Orders created and paid (the rest of their life done too) per second of the measured run. */
  paidPerSecond: number;
  paid: number;
  /** Latency of create + pay of one order, in ms. */
  p99Ms: number;
  refunds: number;
  settlements: number;
  /** Requests answered with an error (each stops its order's life). */
  failures: string[];
  /** Deadlocks PostgreSQL detected in the deployment's database. */
  deadlocks: number;
  /** The ledger and payments audit afterwards: one line per problem. */
  audit: string[];
  /** `payment.paid` callbacks the merchant received. */
  paidCallbacks: number;
  /** Server CPU (all processes) per paid order, in ms. */
  cpuMsPerPaid: number;
}

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}

/**
 * Starts `processes` servers on `target` (a PostgreSQL database of its own), runs the mixed
 * load for `seconds` from `connections` loops (each order: create → pay; every 5th order
 * is partly refunded from escrow, every 3rd settled, every 15th refunded from the balance
 * after), each request to the next process in turn; then stops the servers and audits.
 * Bounded in time: each loop stops starting orders at the deadline.
 */
export async function runPaymentLoad(
  target: TestTarget,
  options: { processes: number; seconds: number; warmupSeconds?: number; connections: number },
): Promise<PaymentLoadResult> {
  const receiver = await startCallbackReceiver();
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < options.processes; i++) servers.push(await startServerProcess(target));
    const bases = servers.map((s) => s.url);
    // Eight users at most: signing in more from one address meets the OTP rate limit.
    const setup = await setUpMerchant(bases[0] as string, Math.min(options.connections, 8), receiver.url);
    let turn = 0;
    const next = () => bases[turn++ % bases.length] as string;
    let n = 0;
    let paid = 0;
    let refunds = 0;
    let settlements = 0;
    const failures: string[] = [];
    const latencies: number[] = [];

    const life = async (worker: number, measured: boolean) => {
      const user = setup.users[worker % setup.users.length] as (typeof setup.users)[number];
      const number = ++n;
      const started = performance.now();
      const order = await call(
        next(),
        'POST',
        '/api/payments/orders',
        {
          out_order_no: `L${number}`,
          openid: user.openid,
          total_amount: 1999,
          currency: 'CNY',
          subject: 'Load',
        },
        setup.merchantToken,
      );
      const pay = await call(
        next(),
        'POST',
        '/api/runtime/payments/pay',
        { order_id: order.order_id, order_token: order.order_token, confirmed: true },
        user.token,
      );
      if (pay.code !== 0) throw new Error(`pay answered ${pay.code}`);
      if (!measured) return;
      latencies.push(performance.now() - started);
      paid++;
      const orders = `/api/payments/orders/${order.order_id}`;
      const refund = async (no: string, amount: number) => {
        await call(next(), 'POST', `${orders}/refunds`, { out_refund_no: no, amount }, setup.merchantToken);
        refunds++;
      };
      if (number % 5 === 0) await refund(`E${number}`, 500);
      if (number % 3 === 0) {
        await call(next(), 'POST', `${orders}/settle`, {}, setup.merchantToken);
        settlements++;
        if (number % 15 === 0) await refund(`B${number}`, 300);
      }
    };
    const loops = async (seconds: number, measured: boolean) => {
      const end = Date.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: options.connections }, async (_, worker) => {
          while (Date.now() < end)
            await life(worker, measured).catch((error: Error) => {
              failures.push(error.message);
            });
        }),
      );
    };
    await loops(options.warmupSeconds ?? 1, false);
    const cpuBefore = servers.reduce((s, p) => s + p.cpuMs(), 0);
    const startedAt = performance.now();
    await loops(options.seconds, true);
    const elapsed = (performance.now() - startedAt) / 1000;
    const cpu = servers.reduce((s, p) => s + p.cpuMs(), 0) - cpuBefore;
    // The callbacks go out from the processes' workers: give them a bounded while to arrive.
    const callbackDeadline = Date.now() + 20_000;
    while (receiver.count('payment.paid') < paid && Date.now() < callbackDeadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    const paidCallbacks = receiver.count('payment.paid');
    await Promise.all(servers.splice(0).map((s) => s.stop()));

    const { db } = openDatabase(target.target, { poolSize: 2 });
    let audit: string[];
    try {
      audit = await auditPayments(db, target.engine);
    } finally {
      await db.destroy();
    }
    return {
      processes: options.processes,
      paidPerSecond: paid / elapsed,
      paid,
      p99Ms: p99(latencies),
      refunds,
      settlements,
      failures,
      deadlocks: await deadlocksIn(target),
      audit,
      paidCallbacks,
      cpuMsPerPaid: paid > 0 ? cpu / paid : 0,
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await receiver.close();
  }
}
