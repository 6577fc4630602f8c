import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BenchRow, BenchSuite } from './suite.ts';

// Runs every suite under ./suites (or those named on the command line) and prints one table.
const dir = fileURLToPath(new URL('./suites', import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();

const rows: Array<BenchRow & { suite: string }> = [];
let failed = false;
for (const file of files) {
  const { suite } = (await import(new URL(`./suites/${file}`, import.meta.url).href)) as {
    suite: BenchSuite;
  };
  if (only.length > 0 && !only.includes(suite.name)) continue;
  process.stdout.write(`running ${suite.name}…\n`);
  for (const row of await suite.run()) {
    rows.push({ ...row, suite: suite.name });
    if (row.pass === false) failed = true;
  }
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const table = rows.map((r) => ({
  suite: r.suite,
  measure: r.name,
  value: `${fmt(r.value)} ${r.unit}`,
  baseline: r.baseline ? `${fmt(r.baseline.value)} ${r.unit} (${r.baseline.name})` : '',
  ratio: r.baseline && r.baseline.value !== 0 ? `${((r.value / r.baseline.value) * 100).toFixed(1)}%` : '',
  target: r.target ?? '',
  ok: r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
}));
console.table(table);
process.exitCode = failed ? 1 : 0;
