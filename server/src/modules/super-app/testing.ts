import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for a built super app (`index.html`, the consoles' pages and one hashed asset) in a fresh temporary
 * directory, so tests of the page route do not depend on `web/dist` having been built.
 *
 * @example
 * const t = await startTestPlatform('sqlite', { superAppRoot: builtSuperAppFixture() });
 */
export function builtSuperAppFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'plaza-super-app-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Plaza</title><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'export {};\n');
  for (const page of ['console', 'operator']) {
    mkdirSync(join(root, page));
    writeFileSync(join(root, page, 'index.html'), `<!doctype html><title>${page}</title><div id="${page}">`);
  }
  return root;
}
