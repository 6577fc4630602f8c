import { text } from 'node:stream/consumers';
import type { Manifest } from '@plaza/compiler';
import type { BlobStore } from '../../../blobs/index.ts';
import { manifestOf } from '../version.model.ts';
import type { AppVersionRow } from '../versions.table.ts';
import { surfaceOf, type VersionSurface } from './version-surface.ts';

/** The built program's logic and view, as the checks read them (empty when absent). */
export async function programSources(
  blobs: BlobStore,
  manifest: Manifest,
): Promise<{ logic: string; view: string }> {
  const read = (file: string) => {
    const sha = manifest.files[file];
    return sha ? text(blobs.read(sha)) : Promise.resolve('');
  };
  const [logic, view] = await Promise.all([read('logic.js'), read('view.js')]);
  return { logic, view };
}

/** Packages whose surface is remembered; a package never changes, so entries never go stale. */
const kept = 256;

/**
 * The surfaces of versions, read from their built files once per package: the review queue
 * shows them on every load and parsing a program's logic is not free.
 */
export function surfaceCache(blobs: BlobStore) {
  const known = new Map<string, VersionSurface>();
  return {
    async of(row: AppVersionRow): Promise<VersionSurface> {
      const cached = known.get(row.package_sha256);
      if (cached) return cached;
      const manifest = manifestOf(row);
      const { logic, view } = await programSources(blobs, manifest);
      const surface = surfaceOf(manifest, logic, view);
      if (known.size >= kept) known.delete(known.keys().next().value as string);
      known.set(row.package_sha256, surface);
      return surface;
    },
  };
}
