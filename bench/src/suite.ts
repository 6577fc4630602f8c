/**
 * A benchmark suite measures Plaza against a baseline taken in the same run, so the
 * figure means something on whatever machine runs it.
 *
 * @example
 * export const suite: BenchSuite = { name: 'compiler', run: async () => [{ name: 'build takeout', value: 412, unit: 'ms', target: '< 1000 ms', pass: true }] };
 */
export interface BenchRow {
  /** What was measured, e.g. `GET /api/me (plaza)`. */
  name: string;
  value: number;
  unit: string;
  /** The same measure of the baseline in this run, when the row has one. */
  baseline?: { name: string; value: number };
  /** Human-readable target, e.g. `>= 50% of bare, p99 < 10 ms`. */
  target?: string;
  pass?: boolean;
  note?: string;
}

export interface BenchSuite {
  name: string;
  run: () => Promise<BenchRow[]>;
}
