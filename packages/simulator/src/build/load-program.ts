import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type CompilerError, type Manifest, readPackage } from '@plaza/compiler';
import { SimulatorError } from '../errors.ts';

/** A built program, ready to run: what the runtime and the view layer load. */
export interface Program {
  manifest: Manifest;
  logic: string;
  view: string;
  /**
   * Page → the build errors that stop it (`file:line:col: message [code]`): opening such a
   * page fails with them, every other page runs, as on the platforms.
   */
  pageErrors?: Record<string, string[]>;
}

const memory = new Map<string, { fingerprint: string; program: Program }>();
// Folders that never hold program sources: skipping them keeps the fingerprint cheap.
const IGNORED = new Set(['node_modules', '.plaza', '.git', 'tests', 'server']);

/**
 * Loads a built package folder (or `.tgz`), or builds a project folder. A project's build is
 * cached in memory and in `<project>/.plaza/simulator-build.json`, keyed by the size and
 * modification time of every source file, so only the first launch after an edit builds.
 *
 * @example
 * const program = await loadProgram('examples/takeout');
 */
export async function loadProgram(dir: string): Promise<Program> {
  const root = resolve(dir);
  if (root.endsWith('.tgz') || existsSync(join(root, 'manifest.json'))) {
    const pkg = readPackage(root);
    return { manifest: pkg.manifest, logic: pkg.logic, view: pkg.view };
  }
  if (!existsSync(join(root, 'app.json'))) throw new SimulatorError('SIM_NOT_A_PROGRAM', [dir]);
  const fingerprint = await fingerprintOf(root);
  const cached = memory.get(root);
  if (cached?.fingerprint === fingerprint) return cached.program;
  const cacheFile = join(root, '.plaza', 'simulator-build.json');
  const onDisk = await readFile(cacheFile, 'utf8')
    .then((text) => JSON.parse(text) as { fingerprint: string; program: Program })
    .catch(() => undefined);
  if (onDisk?.fingerprint === fingerprint) {
    memory.set(root, onDisk);
    return onDisk.program;
  }
  const program = buildProgram(root);
  memory.set(root, { fingerprint, program });
  await mkdir(join(root, '.plaza'), { recursive: true });
  await writeFile(cacheFile, JSON.stringify({ fingerprint, program }));
  return program;
}

/**
 * Builds a project in memory. An app-wide error throws every error at once; errors that stop
 * only some pages travel with the program, for those pages to fail when opened.
 */
export function buildProgram(root: string): Program {
  const result = build(root);
  if (!result.manifest) {
    const error = new SimulatorError('SIM_BUILD_FAILED', [result.errors.map(String).join('\n')]);
    throw Object.assign(error, { buildErrors: result.errors as CompilerError[] });
  }
  const text = (name: string) => {
    const file = result.files?.get(name);
    return typeof file === 'string' ? file : (file?.toString('utf8') ?? '');
  };
  const program: Program = { manifest: result.manifest, logic: text('logic.js'), view: text('view.js') };
  if (result.pageErrors.size) {
    program.pageErrors = Object.fromEntries(
      [...result.pageErrors].map(([page, errors]) => [page, errors.map(String)]),
    );
  }
  return program;
}

// The compiler's own sources are part of every build's key: a changed compiler rebuilds.
// They are read once per process (a compiler does not change under a running test).
const compilerSources = fileURLToPath(new URL('../../../compiler/src', import.meta.url));
let compilerFingerprint: Promise<string> | undefined;

async function fingerprintOf(root: string): Promise<string> {
  compilerFingerprint ??= existsSync(compilerSources)
    ? filesFingerprint(compilerSources)
    : Promise.resolve('');
  return `${await filesFingerprint(root)}:${await compilerFingerprint}`;
}

async function filesFingerprint(root: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (IGNORED.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const s = await stat(path);
        hash.update(`${path}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  await walk(root);
  return hash.digest('hex');
}
