import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '@plaza/compiler';
import { demoErrors } from './errors.ts';

export const takeoutDir = fileURLToPath(new URL('../../../examples/takeout', import.meta.url));

// The example ships pointing at its production host; the demo's copy points at the
// merchant server started beside the platform. Only the copy changes.
const serverBaseLiteral = /serverBase:\s*'[^']*'/;
const skipped = new Set(['node_modules', 'server', 'tests', '.plaza']);

/**
 * Builds the takeout example into a package whose `globalData.serverBase` is the demo's
 * merchant server, exactly as `plaza build` would, and returns the `.tgz` bytes.
 *
 * @example
 * const archive = await buildTakeout('http://127.0.0.1:8081');
 */
export async function buildTakeout(merchantBase: string): Promise<Buffer> {
  const work = await mkdtemp(join(tmpdir(), 'plaza-demo-takeout-'));
  try {
    const source = join(work, 'takeout');
    await cp(takeoutDir, source, { recursive: true, filter: (path) => !skipped.has(basename(path)) });
    const appJs = join(source, 'app.js');
    const text = await readFile(appJs, 'utf8');
    if (!serverBaseLiteral.test(text)) throw demoErrors.SERVER_BASE_NOT_FOUND(appJs);
    await writeFile(appJs, text.replace(serverBaseLiteral, `serverBase: ${JSON.stringify(merchantBase)}`));
    const out = join(work, 'package');
    const result = build(source, { outDir: out });
    if (!result.manifest || result.errors.length > 0) {
      throw demoErrors.BUILD_FAILED(result.errors.map((e) => e.message).join('\n'));
    }
    return await readFile(`${out}.tgz`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
