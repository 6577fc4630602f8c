import { createRequire } from 'node:module';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { buildSync, transformSync } from 'esbuild';
import { CompilerError } from '../errors.ts';

/**
 * Names the runtime passes to every module after `require, module, exports`,
 * in this order: the dialect's globals. The program's code runs in a nested
 * function, so a module may still declare its own `const Page`.
 */
export const scriptGlobals = [
  'App',
  'Page',
  'Component',
  'Behavior',
  'getApp',
  'getCurrentPages',
  'requirePlugin',
  'tt',
  'wx',
  '__wxConfig',
  'global',
] as const;

export interface TransformedScript {
  /** The wrapped module for `logic.js`. */
  code: string;
  /** esbuild's source map of the CommonJS body (JSON), whose first line is line `bodyLine` of `code`. */
  map?: string;
  bodyLine: number;
  /** The CommonJS body alone, for static scans. */
  commonjs: string;
  errors: CompilerError[];
}

/**
 * One .js/.ts of the program → CommonJS wrapped in `__plaza_define(path, …)`.
 * ES module syntax and TypeScript are accepted; the output targets ES2019
 * so older WebViews run it.
 */
export function transformScript(source: string, path: string): TransformedScript {
  // A rebuild (plaza dev) reuses what an unchanged file compiled to: esbuild's synchronous
  // round trip is most of a build's time. One entry per path, replaced when the text changes.
  const cached = transformed.get(path);
  if (cached?.source === source) return cached.result;
  const result = transformUncached(source, path);
  transformed.set(path, { source, result });
  return result;
}

const transformed = new Map<string, { source: string; result: TransformedScript }>();

/** The options both paths give esbuild, so a script compiles alike alone or in a batch. */
const ESBUILD = { format: 'cjs', target: 'es2019', logLevel: 'silent' } as const;

const require = createRequire(import.meta.url);

/**
 * Compiles every script of a program that is not compiled yet in one esbuild call (esbuild
 * spreads the files over the machine's cores; one synchronous call per file spends most of a
 * large build waiting on the round trip). `transformScript` then finds them compiled. A batch
 * with any error leaves every file to `transformScript`, which reports each error at its place.
 *
 * @example
 * prepareScripts(project.root, scripts.map((path) => ({ path, source: project.readText(path) ?? '' })));
 */
export function prepareScripts(root: string, scripts: readonly { path: string; source: string }[]): void {
  const pending = scripts.filter(({ path, source }) => transformed.get(path)?.source !== source);
  if (pending.length < 2) return;
  const outdir = join(root, '.plaza-scripts');
  let outputs: { path: string; text: string }[];
  try {
    outputs = buildSync(batchOptions(root, pending, outdir)).outputFiles;
  } catch {
    return; // each file is compiled again on its own, which reports the errors where they are
  }
  fileOutputs(pending, outdir, outputs);
}

/** A batch of scripts being compiled while the build goes on; `finish` waits for it. */
export interface ScriptBatch {
  finish(): void;
}

/**
 * `prepareScripts` started now and finished later: a large program's scripts compile in
 * esbuild while this thread compiles its templates and styles (on a busy machine, two
 * threads at work also get twice the share). Small batches are compiled at `finish`, in this
 * thread, as `prepareScripts` does: a worker's start costs more than they take.
 *
 * @example
 * const batch = startPreparingScripts(root, scripts); compileTemplates(…); batch.finish();
 */
export function startPreparingScripts(
  root: string,
  scripts: readonly { path: string; source: string }[],
): ScriptBatch {
  const pending = scripts.filter(({ path, source }) => transformed.get(path)?.source !== source);
  if (pending.length < WORKER_BATCH) return { finish: () => prepareScripts(root, scripts) };
  const outdir = join(root, '.plaza-scripts');
  const running = buildInWorker(batchOptions(root, pending, outdir));
  return {
    finish() {
      const outputs = running();
      if (outputs) fileOutputs(pending, outdir, outputs);
    },
  };
}

/** Scripts from which a batch is worth a worker thread of its own. */
const WORKER_BATCH = 200;

function batchOptions(root: string, pending: readonly { path: string }[], outdir: string) {
  return {
    ...ESBUILD,
    entryPoints: pending.map(({ path }) => join(root, path)),
    outbase: root,
    outdir,
    bundle: false,
    write: false,
    sourcemap: 'external',
    // Exactly what transformSync does: no tsconfig.json of the program changes the output.
    tsconfigRaw: '{}',
  } as const;
}

function fileOutputs(
  pending: readonly { path: string; source: string }[],
  outdir: string,
  outputs: readonly { path: string; text: string }[],
): void {
  const byOutput = new Map(outputs.map((file) => [file.path, file.text]));
  for (const { path, source } of pending) {
    const out = join(outdir, path.replace(/\.ts$/, '.js'));
    const code = byOutput.get(out);
    const map = byOutput.get(`${out}.map`);
    if (code === undefined || map === undefined) continue;
    transformed.set(path, {
      source,
      result: {
        code: wrapModule(path.replace(/\.ts$/, '.js'), code),
        map,
        bodyLine: WRAPPER_LINES,
        commonjs: code,
        errors: [],
      },
    });
  }
}

/**
 * esbuild's asynchronous build in a worker thread (plain JavaScript: no loader of this
 * project's TypeScript is needed there). It always signals, with the outputs or a failure.
 */
const WORKER_CODE = `
const { workerData } = require('node:worker_threads');
const { port, signal, options, esbuild } = workerData;
const done = (message) => {
  port.postMessage(message);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
};
try {
  require(esbuild).build(options).then(
    (result) => done({ outputs: result.outputFiles.map((file) => ({ path: file.path, text: file.text })) }),
    () => done({ failed: true }),
  );
} catch {
  done({ failed: true });
}
`;

/** How long a batch may take before the build compiles the scripts itself instead. */
const WORKER_TIMEOUT_MS = 300_000;

/**
 * Starts `options` in a worker; the function returned blocks until the outputs are there
 * (`undefined` when the batch failed: each file then compiles on its own, reporting its errors).
 */
function buildInWorker(
  options: ReturnType<typeof batchOptions>,
): () => { path: string; text: string }[] | undefined {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(WORKER_CODE, {
      eval: true,
      execArgv: [],
      workerData: { port: port2, signal, options, esbuild: require.resolve('esbuild') },
      transferList: [port2],
    });
  } catch {
    port1.close();
    return () => buildSyncOutputs(options);
  }
  worker.unref();
  return () => {
    const waited = Atomics.wait(signal, 0, 0, WORKER_TIMEOUT_MS);
    const message = receiveMessageOnPort(port1)?.message as
      | { outputs?: { path: string; text: string }[] }
      | undefined;
    port1.close();
    void worker.terminate();
    if (waited === 'timed-out' || !message) return buildSyncOutputs(options);
    return message.outputs;
  };
}

function buildSyncOutputs(
  options: ReturnType<typeof batchOptions>,
): { path: string; text: string }[] | undefined {
  try {
    return buildSync(options).outputFiles;
  } catch {
    return undefined;
  }
}

function transformUncached(source: string, path: string): TransformedScript {
  try {
    const result = transformSync(source, {
      ...ESBUILD,
      loader: path.endsWith('.ts') ? 'ts' : 'js',
      sourcefile: path,
      sourcemap: 'external',
    });
    return {
      code: wrapModule(path.replace(/\.ts$/, '.js'), result.code),
      map: result.map,
      bodyLine: WRAPPER_LINES,
      commonjs: result.code,
      errors: [],
    };
  } catch (error) {
    const failures = (
      error as {
        errors?: { text: string; location?: { line: number; column: number; length: number } | null }[];
      }
    ).errors;
    if (!failures) throw error;
    const errors = failures.map((failure) => {
      const line = failure.location?.line ?? 1;
      const column = (failure.location?.column ?? 0) + 1;
      const length = failure.location?.length ?? 1;
      return new CompilerError(
        'PLZ_SCRIPT_SYNTAX',
        [failure.text],
        {
          start: { offset: 0, line, column },
          end: { offset: 0, line, column: column + Math.max(1, length) },
        },
        path,
      );
    });
    return { code: '', bodyLine: 0, commonjs: '', errors };
  }
}

/** Lines `wrapModule` puts before the module's own code. */
const WRAPPER_LINES = 2;

function wrapModule(path: string, code: string): string {
  return `__plaza_define(${JSON.stringify(path)}, function (require, module, exports, ${scriptGlobals.join(', ')}) {\n(function () {\n${code}}).call(module.exports);\n});\n`;
}
