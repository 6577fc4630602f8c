import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';

type Entry = 'logic-entry.ts' | 'view-entry.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const cacheDir = resolve(here, '../../.plaza/realm-bundles');
const bundles = new Map<Entry, Promise<vm.Script>>();

/**
 * One side of the container (the runtime, or the view layer with its DOM) bundled into a
 * single script for a realm, compiled once per process: a compiled script runs in any
 * number of realms. The bundle and V8's code cache are also kept on disk, keyed by the
 * size and mtime of every input, so a new test process skips esbuild and most parsing.
 */
export function realmBundle(entry: Entry): Promise<vm.Script> {
  let bundle = bundles.get(entry);
  if (!bundle) {
    bundle = load(entry);
    bundles.set(entry, bundle);
  }
  return bundle;
}

interface CachedBundle {
  inputs: Record<string, string>;
  code: string;
}

async function load(entry: Entry): Promise<vm.Script> {
  const filename = `plaza-${entry.replace('-entry.ts', '')}.js`;
  const base = join(cacheDir, entry.replace('.ts', ''));
  const cached = await readFile(`${base}.json`, 'utf8')
    .then((text) => JSON.parse(text) as CachedBundle)
    .catch(() => undefined);
  if (cached && (await unchanged(cached.inputs))) {
    const cachedData = await readFile(`${base}.v8`).catch(() => undefined);
    const script = new vm.Script(cached.code, { filename, cachedData });
    if (!cachedData || script.cachedDataRejected)
      await writeAtomically(`${base}.v8`, script.createCachedData()).catch(() => {});
    return script;
  }
  const result = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
    metafile: true,
    // Input paths in the metafile are relative to this: pin it so any cwd reads the cache alike.
    absWorkingDir: here,
  });
  const code = result.outputFiles[0]!.text;
  const script = new vm.Script(code, { filename });
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) inputs[input] = await signature(input);
  // A cache that cannot be written (read-only install) only costs the next process a rebuild.
  await mkdir(cacheDir, { recursive: true })
    .then(() => writeAtomically(`${base}.json`, JSON.stringify({ inputs, code } satisfies CachedBundle)))
    .then(() => writeAtomically(`${base}.v8`, script.createCachedData()))
    .catch(() => {});
  return script;
}

async function signature(input: string): Promise<string> {
  const s = await stat(resolve(here, input)).catch(() => undefined);
  return s ? `${s.size}:${s.mtimeMs}` : 'missing';
}

async function unchanged(inputs: Record<string, string>): Promise<boolean> {
  const checks = await Promise.all(
    Object.entries(inputs).map(async ([input, sig]) => (await signature(input)) === sig),
  );
  return checks.every(Boolean);
}

// Test processes run in parallel: a reader must never see half a file.
async function writeAtomically(path: string, data: string | Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
