import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '@plaza/compiler';

/** A fixture mini program of this package, by folder name under `test-fixtures/`. */
export function fixtureDir(name: string): string {
  return fileURLToPath(new URL(`../../test-fixtures/${name}`, import.meta.url));
}

/** Builds a mini program folder into its package files (in memory); throws on build errors. */
export function buildPackageFiles(dir: string): Map<string, Buffer | string> {
  const result = build(dir);
  if (!result.files || result.errors.length > 0) {
    throw new Error(`build of ${dir} failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return result.files;
}

/**
 * Writes a mini program given as files by path (a probe program) into a fresh temporary folder.
 * @example useHarness([{ name: 'device', dir: writeProgram(deviceProbeFiles(), 'device') }])
 */
export function writeProgram(files: Record<string, string>, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `plaza-${name}-`));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}
