import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies SQLite's write-ahead log back into the database file from a worker thread.
 *
 * better-sqlite3 runs on the event loop, and SQLite's automatic checkpoint runs inside
 * whichever commit crosses the log's threshold: it copies about a thousand pages and
 * syncs twice, stalling every request for tens of milliseconds (on a shared virtual disk,
 * over 100 ms) about once a second under load. A PASSIVE checkpoint on a second
 * connection does the same work beside the writer without blocking it. The worker starts
 * only once the log passes `startBytes`, so the many small databases of a test run never
 * pay for a thread; the main connection keeps a much higher automatic threshold as a
 * backstop should the worker fall behind.
 */
export interface WalCheckpointer {
  close(): void;
}

export const walCheckpointDefaults = {
  /** The log size at which the worker starts, and below which it is not asked. */
  startBytes: 1 << 20,
  intervalMs: 250,
  /** The main connection's own automatic checkpoint, in pages (the backstop). */
  backstopPages: 10_000,
};

// Plain CommonJS for `eval`: the worker must not depend on the caller's TypeScript loader.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  let result = null;
  try {
    result = db.pragma('wal_checkpoint(PASSIVE)')[0] ?? null;
  } catch (error) {
    result = { error: String(error) };
  }
  parentPort.postMessage(result);
});
`;

export function startWalCheckpointer(
  file: string,
  options: Partial<typeof walCheckpointDefaults> & { onResult?: (result: unknown) => void } = {},
): WalCheckpointer {
  const { startBytes, intervalMs } = { ...walCheckpointDefaults, ...options };
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  let worker: Worker | undefined;
  let busy = false;
  let closed = false;

  function logBytes(): number {
    try {
      return statSync(`${file}-wal`).size;
    } catch {
      return 0;
    }
  }

  const timer = setInterval(() => {
    if (busy || closed || logBytes() < startBytes) return;
    if (!worker) {
      worker = new Worker(workerSource, { eval: true, workerData: { file, driver } });
      worker.unref();
      worker.on('message', (result: unknown) => {
        busy = false;
        options.onResult?.(result);
      });
      // A failed checkpointer leaves the main connection's own checkpoints to do the work.
      worker.on('error', () => {
        worker = undefined;
        busy = false;
      });
    }
    busy = true;
    worker.postMessage('checkpoint');
  }, intervalMs);
  timer.unref();

  return {
    close() {
      closed = true;
      clearInterval(timer);
      worker?.postMessage('close');
      worker = undefined;
    },
  };
}
