import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A scratch folder for throwaway programs written by tests: `write(name, files)` lays out
 * one program (path → content) and returns its root; `remove()` deletes them all.
 */
export function programFolder(prefix: string) {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  return {
    scratch,
    write(name: string, files: Record<string, string>): string {
      const root = join(scratch, name);
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      return root;
    },
    remove(): void {
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
