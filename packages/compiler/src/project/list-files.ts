import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PackIgnore } from './config-schema.ts';

const skipped = new Set(['node_modules', '.git', '.plaza']);

/** Test files never ship: they run in the simulator, not in the package. */
const testFile = /(^|\/)__tests__\/|\.(test|spec)\.[jt]s$/;

/**
 * Every file under `root` as sorted package paths, leaving out dependencies,
 * dot folders, test files and what `project.config.json`'s `packOptions.ignore` lists.
 */
export function listFiles(root: string, ignore: PackIgnore = []): string[] {
  const ignored = (path: string) => testFile.test(path) || ignore.some((rule) => matches(rule, path));
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || skipped.has(entry.name)) continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (ignored(entry.isDirectory() ? `${path}/` : path)) continue;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (entry.isFile()) out.push(path);
    }
  };
  walk(root, '');
  return out.sort();
}

function matches(rule: PackIgnore[number], path: string): boolean {
  const value = rule.value.replace(/^\.?\//, '');
  switch (rule.type) {
    case 'folder':
      return path.endsWith('/') && path.slice(0, -1) === value.replace(/\/$/, '');
    case 'file':
      return path === value;
    case 'suffix':
      return !path.endsWith('/') && path.endsWith(value);
    case 'prefix':
      return path.split('/').filter(Boolean).at(-1)?.startsWith(value) ?? false;
    case 'regexp':
      try {
        return new RegExp(rule.value).test(path);
      } catch {
        return false;
      }
    default:
      return false;
  }
}
