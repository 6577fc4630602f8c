import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layout every module follows is written in docs/architecture.md; this test keeps it true.
const serverSrc = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const modulesDir = join(serverSrc, 'modules');

/** Modules that own no tables: no service, repository, table or migrations. */
const stateless = new Set(['health', 'operations', 'super-app', 'wechat-compat']);
/** Modules other modules call but no client does: no plugin or routes. */
const internal = new Set(['ledger']);

/**
 * Strays known today, each to be brought into line; an entry that no longer strays fails
 * the test too, so this list only shrinks.
 */
const pending = new Set<string>([]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const isTest = (path: string) => path.endsWith('.test.ts') || path.endsWith('.test.tsx');
/** Old paths of test machinery now in test/support/, re-exporting it (the product build excludes them). */
const movedTestMachinery = new Set(
  ['db/test-database.ts', 'test-platform.ts'].map((p) => join(serverSrc, p)),
);
const isTestMachinery = (path: string) =>
  isTest(path) || basename(path) === 'testing.ts' || movedTestMachinery.has(path);
const pascal = (name: string) => name.replace(/(^|-)([a-z])/g, (_, _dash, c: string) => c.toUpperCase());

/** Relative imports of a source file, resolved to absolute paths. */
function importsOf(path: string, text: string): string[] {
  const specifiers = [...text.matchAll(/\bfrom\s+'(\.[^']+)'|\bimport\(\s*'(\.[^']+)'\s*\)/g)];
  return specifiers.map((m) => resolve(dirname(path), m[1] ?? m[2] ?? ''));
}

const sqlPattern =
  /\bsql`|\.selectFrom\(|\.insertInto\(|\.updateTable\(|\.deleteFrom\(|\.with\(\s*'|\.replaceInto\(/;

function strays(): string[] {
  const found: string[] = [];
  for (const m of readdirSync(modulesDir).sort()) {
    const dir = join(modulesDir, m);
    if (!statSync(dir).isDirectory()) continue;
    const files = filesUnder(dir);
    const names = new Set(files.map((f) => relative(dir, f)));
    const required = ['index.ts'];
    if (!internal.has(m)) required.push(`${m}.plugin.ts`);
    if (!stateless.has(m))
      required.push(`${m}.service.ts`, `${m}.table.ts`, 'errors.ts', 'migrations/index.ts');
    for (const file of required) if (!names.has(file)) found.push(`${m}: no ${file}`);
    if (!stateless.has(m) && !files.some((f) => f.endsWith('.repository.ts')))
      found.push(`${m}: no repository`);
    // A module with several surfaces splits its routes by surface (account.routes.ts, org.routes.ts).
    if (!internal.has(m) && !files.some((f) => f.endsWith('.routes.ts'))) found.push(`${m}: no routes`);

    for (const file of files) {
      const rel = relative(dir, file);
      const text = readFileSync(file, 'utf8');
      // Test kits may read tables directly, to audit what the module wrote.
      if (isTestMachinery(file) || rel.startsWith('migrations/')) continue;
      if (!file.endsWith('.repository.ts') && sqlPattern.test(text)) found.push(`${m}: SQL in ${rel}`);
      if (file.endsWith('.service.ts')) {
        const service = rel === `${m}.service.ts` ? pascal(m) : pascal(basename(rel, '.service.ts'));
        if (!new RegExp(`export interface ${service}Service\\b`).test(text)) {
          found.push(`${m}: ${rel} exports no interface ${service}Service`);
        }
        if (!new RegExp(`export function create${service}Service\\b`).test(text)) {
          found.push(`${m}: ${rel} exports no create${service}Service`);
        }
      }
      const imports = importsOf(file, text);
      // Services and repositories speak the domain: HTTP shapes stay in routes.
      if (/\.(service|repository)\.ts$/.test(file)) {
        if (imports.some((i) => i.startsWith(`${join(serverSrc, 'http')}/`)) || /from 'fastify'/.test(text)) {
          found.push(`${m}: ${rel} depends on HTTP`);
        }
      }
      // Data rights calls every module that holds personal data; none of them calls it back,
      // not even for the contract, which lives below both (personal-data/).
      if (m !== 'data-rights' && imports.some((i) => i.includes(`${join(modulesDir, 'data-rights')}/`))) {
        found.push(`${m}: ${rel} imports data-rights`);
      }
      // Who is calling is decided in http/access.ts (requireUser, requireAccount, …), nowhere else.
      if (/\brequest\.principal\b/.test(text)) found.push(`${m}: ${rel} reads request.principal`);
      if (/\.routes?\.ts$/.test(file) && imports.some((i) => i.endsWith('.repository.ts'))) {
        found.push(`${m}: ${rel} imports a repository`);
      }
      if (rel === `${m}.plugin.ts` && /export (async )?function create\w+Service/.test(text)) {
        found.push(`${m}: ${rel} builds a service`);
      }
      // What a service depends on is declared beside it, in its own file.
      if (rel.endsWith('.deps.ts')) found.push(`${m}: ${rel} separates a service from its dependencies`);
      if (rel.startsWith('test-') || /-test-|test-client/.test(rel))
        found.push(`${m}: test kit ${rel} is not testing.ts`);
    }
  }
  // Product code never reaches test machinery (the product build does not even compile it).
  for (const file of filesUnder(serverSrc)) {
    if (isTestMachinery(file) || !file.endsWith('.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const target of importsOf(file, text)) {
      if (isTestMachinery(target) || target.includes(`${join(serverSrc, '..', 'test')}/`)) {
        found.push(`${relative(serverSrc, file)}: imports test machinery ${relative(serverSrc, target)}`);
      }
    }
  }
  return found;
}

describe('server module layout', () => {
  const found = strays();

  it('every module has the files of docs/architecture.md with their roles', () => {
    expect(found.filter((s) => !pending.has(s))).toEqual([]);
  });

  it('lists no stray as pending once it is fixed', () => {
    expect([...pending].filter((s) => !found.includes(s))).toEqual([]);
  });
});
