import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** CPU time (user + system) a process has used so far, in ms, from `/proc/<pid>/stat`. */
export function cpuMs(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] as string).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/**
 * The server's own CPU per request, in µs: steadier than requests per second on a shared
 * machine, since it does not count the time the server waited for a core. A warm-up, then
 * `rounds` runs of `amount` requests; the median round.
 */
export async function cpuPerRequest(
  pid: number,
  url: string,
  options: { headers?: Record<string, string>; amount?: number; rounds?: number } = {},
): Promise<number> {
  const amount = options.amount ?? 20_000;
  const base = { url, connections: 10, headers: options.headers ?? {} };
  await autocannon({ ...base, amount: 3_000 });
  const rounds: number[] = [];
  for (let i = 0; i < (options.rounds ?? 5); i++) {
    const before = cpuMs(pid);
    await autocannon({ ...base, amount });
    rounds.push(((cpuMs(pid) - before) * 1000) / amount);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(rounds.length / 2)] as number;
}

/**
 * The server's CPU per request (ms) over one measured load run: the process's CPU time
 * during the run over the requests it answered (warm-up included on both sides).
 */
export async function cpuDuring<R extends { requests: number }>(
  pid: number,
  run: () => Promise<R>,
): Promise<{ result: R; cpuMs: number }> {
  const before = cpuMs(pid);
  const result = await run();
  return { result, cpuMs: (cpuMs(pid) - before) / Math.max(1, result.requests) };
}
