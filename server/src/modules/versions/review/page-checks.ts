import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CheckReport, PageCheck } from './check-report.ts';

/** One page's check, with the document it rendered (styles included) for its screenshot. */
export interface PageRun extends PageCheck {
  markup?: string;
}

/** Opens every page of a package and reports how each went. */
export type PageChecker = (
  archivePath: string,
  signal?: AbortSignal,
) => Promise<{ load: CheckReport['load']; pages: PageRun[] }>;

const entry = fileURLToPath(new URL('./page-check-process.ts', import.meta.url));
// The child runs TypeScript like the server does: through tsx, resolved from here.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * The default checker: the simulator in a child process with a memory cap and a deadline,
 * since the program is untrusted and may crash, loop or allocate without end.
 */
export function processPageChecker(
  options: { timeoutMs?: number; maxOldSpaceMb?: number } = {},
): PageChecker {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return (archivePath, signal) =>
    new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', tsx, `--max-old-space-size=${options.maxOldSpaceMb ?? 256}`, entry, archivePath],
        { stdio: ['ignore', 'pipe', 'pipe'], signal },
      );
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        err = (err + chunk).slice(-4_000);
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code, killedBy) => {
        clearTimeout(timer);
        const line = out.trim().split('\n').pop();
        if (code === 0 && line) {
          resolve(JSON.parse(line) as { load: CheckReport['load']; pages: PageRun[] });
          return;
        }
        // The program took the checker down: that is the program's failure, reported as such.
        const why = killedBy
          ? `stopped (${killedBy}) after ${timeoutMs} ms or out of memory`
          : `exited with ${code}`;
        resolve({ load: { ok: false, error: `the page checks ${why}: ${err.trim()}` }, pages: [] });
      });
    });
}
