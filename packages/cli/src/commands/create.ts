import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isDialect } from '../create/dialect.ts';
import { starterFiles } from '../create/starter.ts';
import { CliError } from '../errors.ts';
import type { CommandIo } from '../io.ts';

/** `plaza create <dir> --dialect tt|wx`: writes a starter that builds, checks and tests green. */
export async function create(dir: string, dialect: string, io: CommandIo): Promise<number> {
  if (!isDialect(dialect)) throw new CliError('CLI_BAD_DIALECT', dialect);
  const root = resolve(io.cwd, dir);
  const existing = await readdir(root).catch(() => []);
  if (existing.length > 0) throw new CliError('CLI_DIR_NOT_EMPTY', dir);
  const name =
    basename(root)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-') || 'mini-program';
  for (const [file, content] of Object.entries(starterFiles(dialect, name))) {
    const path = join(root, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  io.stdout(
    `Created a ${dialect} mini program in ${dir}\n  plaza build ${dir}\n  plaza check ${dir}\n  plaza test ${dir}\n`,
  );
  return 0;
}
