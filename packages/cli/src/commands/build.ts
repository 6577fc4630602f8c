import { join, relative, resolve } from 'node:path';
import { build as compile } from '@plaza/compiler';
import type { CommandIo } from '../io.ts';
import { formatDiagnostic } from '../report/compiler-diagnostic.ts';

/**
 * `plaza build <dir> [--out <dir>]`: compiles the program into a package folder and a
 * `.tgz` beside it. Every error is printed (not just the first), and any error exits 1.
 */
export async function build(dir: string, out: string | undefined, io: CommandIo): Promise<number> {
  const root = resolve(io.cwd, dir);
  const outDir = out ? resolve(io.cwd, out) : join(root, '.plaza', 'build');
  const started = performance.now();
  const result = compile(root, { outDir });
  for (const warning of result.warnings)
    io.stderr(formatDiagnostic(warning, result.root ?? root, io.cwd, 'warning'));
  for (const error of result.errors) io.stderr(formatDiagnostic(error, result.root ?? root, io.cwd));
  if (!result.manifest || result.errors.length > 0) {
    const count = result.errors.length;
    io.stderr(`\nBuild failed: ${count} error${count === 1 ? '' : 's'}.\n`);
    return 1;
  }
  const ms = Math.round(performance.now() - started);
  const where = relative(io.cwd, outDir) || '.';
  const pages =
    result.manifest.pages.length + result.manifest.subpackages.reduce((n, s) => n + s.pages.length, 0);
  io.stdout(
    `Built ${pages} page${pages === 1 ? '' : 's'} (${kilobytes(result.manifest.size)}) into ${where} and ${where}.tgz in ${ms} ms\n`,
  );
  return 0;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
