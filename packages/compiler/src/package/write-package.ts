import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { create } from 'tar';

/**
 * Writes the package folder and `<outDir>.tgz` beside it. A folder that
 * already holds a package is replaced; any other existing folder is written
 * into without deleting anything, so a wrong `outDir` never erases work.
 */
export function writePackage(outDir: string, files: Map<string, Buffer | string>): string {
  if (existsSync(join(outDir, 'manifest.json'))) rmSync(outDir, { recursive: true, force: true });
  for (const [path, content] of files) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  const archive = `${outDir.replace(/[\\/]+$/, '')}.tgz`;
  create(
    { gzip: true, file: archive, cwd: outDir, portable: true, sync: true, noMtime: true },
    [...files.keys()].sort(),
  );
  return archive;
}
