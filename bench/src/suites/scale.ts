import { loadavg } from 'node:os';
import { type PaymentLoadResult, runPaymentLoad } from '../../../server/test/support/payment-load.ts';
import { createTestTarget, testEngines } from '../../../server/test/support/test-database.ts';
import type { BenchRow, BenchSuite } from '../suite.ts';

/**
 * PostgreSQL with several server processes: 1, 2 and 3 processes (each as `npm start`
 * runs it) on one database of their own, under the same mixed load of one app (create +
 * pay; some refunds from escrow, settlements, refunds from the balance; callbacks delivered
 * by the processes' workers), spread round-robin over the processes. Paid orders/s, p99,
 * deadlocks from PostgreSQL's own counter, the ledger audit after, and server CPU per
 * paid order (steadier than throughput on a shared machine). The baseline is one process.
 */
const seconds = Number(process.env.BENCH_SCALE_SECONDS ?? 10);
const connections = 12;

async function measure(processes: number): Promise<PaymentLoadResult & { load: string }> {
  const target = await createTestTarget('postgres', { ownDatabase: true });
  try {
    const before = loadavg()[0] as number;
    const result = await runPaymentLoad(target, { processes, seconds, warmupSeconds: 2, connections });
    const after = loadavg()[0] as number;
    return { ...result, load: `${before.toFixed(1)}–${after.toFixed(1)}` };
  } finally {
    await target.drop();
  }
}

export const suite: BenchSuite = {
  name: 'scale',
  async run() {
    if (!testEngines.includes('postgres')) return [];
    const rows: BenchRow[] = [];
    const results: Awaited<ReturnType<typeof measure>>[] = [];
    for (const processes of [1, 2, 3]) results.push(await measure(processes));
    const one = results[0] as (typeof results)[number];
    for (const r of results) {
      const label = `${r.processes} process${r.processes > 1 ? 'es' : ''}`;
      const note = `load ${r.load}; ${r.paid} paid, ${r.settlements} settled, ${r.refunds} refunds, ${r.failures.length} failed`;
      rows.push(
        {
          name: `paid orders/s, mixed load, ${label}`,
          value: r.paidPerSecond,
          unit: '/s',
          ...(r.processes > 1 ? { baseline: { name: '1 process', value: one.paidPerSecond } } : {}),
          ...(r.processes === 3
            ? { target: '>= 2.2x one process', pass: r.paidPerSecond >= 2.2 * one.paidPerSecond }
            : {}),
          note,
        },
        {
          name: `create + pay p99, ${label}`,
          value: r.p99Ms,
          unit: 'ms',
          target: '< 50 ms',
          pass: r.p99Ms < 50,
        },
        {
          name: `server CPU per paid order, ${label}`,
          value: r.cpuMsPerPaid,
          unit: 'ms',
          ...(r.processes > 1 ? { baseline: { name: '1 process', value: one.cpuMsPerPaid } } : {}),
        },
        {
          name: `deadlocks (40P01), ${label}`,
          value: r.deadlocks,
          unit: '',
          target: '0',
          pass: r.deadlocks === 0,
        },
        {
          name: `ledger audit problems and failed requests, ${label}`,
          value: r.audit.length + r.failures.length,
          unit: '',
          target: '0',
          pass: r.audit.length === 0 && r.failures.length === 0,
          note: [...r.audit, ...r.failures].slice(0, 3).join('; '),
        },
      );
    }
    for (const r of results) process.stdout.write(`scale: ${r.processes} process(es): ${rowsNote(r)}\n`);
    return rows;
  },
};

function rowsNote(r: Awaited<ReturnType<typeof measure>>): string {
  return `${r.paidPerSecond.toFixed(1)} paid/s, p99 ${r.p99Ms.toFixed(1)} ms, ${r.cpuMsPerPaid.toFixed(1)} ms CPU/paid, load ${r.load}, ${r.deadlocks} deadlocks, audit ${r.audit.length}, failures ${r.failures.length}, callbacks ${r.paidCallbacks}/${r.paid}`;
}
