/**
 * Writes docs/api-matrix.md and the runtime's table of declared members from the typings.
 * Run with `npm run api-matrix`; `--check` exits non-zero when the committed files are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from './generated-files.ts';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;
for (const [path, text] of Object.entries(await generatedFiles())) {
  const full = root + path;
  let current = '';
  try {
    current = readFileSync(full, 'utf8');
  } catch {
    // Not written yet: stale.
  }
  if (current === text) continue;
  if (check) {
    stale += 1;
    process.stderr.write(`${path} is stale: run npm run api-matrix\n`);
  } else {
    writeFileSync(full, text);
    process.stdout.write(`wrote ${path}\n`);
  }
}
process.exitCode = stale ? 1 : 0;
