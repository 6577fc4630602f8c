import type { Manifest } from '@plaza/compiler';
import { bundleModules } from './bundle-modules.ts';

/** How big a package may be, unpacked. Douyin's limits by default: 2 MB per part, 20 MB in all. */
export interface PackageLimits {
  /** The main package: everything outside the subpackages' roots, including the shared bundles' main part. */
  mainBytes: number;
  /** Each subpackage. */
  subpackageBytes: number;
  /** All files together. */
  totalBytes: number;
}

const mb = 1024 * 1024;
export const defaultPackageLimits: PackageLimits = {
  mainBytes: 2 * mb,
  subpackageBytes: 2 * mb,
  totalBytes: 20 * mb,
};

/** Unpacked bytes per part of a package. */
export interface PartSizes {
  main: number;
  subpackages: Record<string, number>;
  total: number;
}

// The bundles hold every script and template of the program; each definition is attributed
// to the part its path belongs to, so a subpackage's code counts against the subpackage.
const bundles = new Set(['logic.js', 'view.js']);

/**
 * Sizes of the main package and each subpackage, from the package's files.
 *
 * @example
 * partSizes(manifest, files) // { main: 34990, subpackages: { 'checkout/': 2048 }, total: 37038 }
 */
export function partSizes(manifest: Manifest, files: ReadonlyMap<string, Buffer>): PartSizes {
  const roots = manifest.subpackages.map((s) => (s.root.endsWith('/') ? s.root : `${s.root}/`));
  const sizes: PartSizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])), total: 0 };
  const add = (path: string, bytes: number) => {
    const root = roots.find((r) => path.startsWith(r));
    if (root) sizes.subpackages[root] = (sizes.subpackages[root] ?? 0) + bytes;
    else sizes.main += bytes;
    sizes.total += bytes;
  };
  for (const [path, content] of files) {
    if (!bundles.has(path)) {
      add(path, content.length);
      continue;
    }
    const text = content.toString('utf8');
    const modules = bundleModules(text);
    // The bundle's preamble (before the first definition) belongs to the main package.
    add(path, Buffer.byteLength(text.slice(0, modules[0]?.start ?? text.length)));
    for (const m of modules) add(m.path, Buffer.byteLength(text.slice(m.start, m.end)));
  }
  return sizes;
}

/** The first part over its limit, named as a developer reads it, or undefined. */
export function oversizedPart(
  sizes: PartSizes,
  limits: PackageLimits,
): { part: string; bytes: number; limit: number } | undefined {
  if (sizes.total > limits.totalBytes)
    return { part: 'the whole package', bytes: sizes.total, limit: limits.totalBytes };
  if (sizes.main > limits.mainBytes)
    return { part: 'the main package', bytes: sizes.main, limit: limits.mainBytes };
  for (const [root, bytes] of Object.entries(sizes.subpackages)) {
    if (bytes > limits.subpackageBytes)
      return { part: `subpackage ${root}`, bytes, limit: limits.subpackageBytes };
  }
  return undefined;
}
