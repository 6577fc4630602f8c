import type { LogicManifest } from '@plaza/runtime';
import { ContainerError } from '../errors.ts';
import type { ShellManifest } from '../shell/page-window.ts';

/** The manifest fields the container reads (the compiler's `Manifest` satisfies it). */
export type ContainerManifest = LogicManifest & ShellManifest & { appConfig: Record<string, unknown> };

/** A built package, already in memory. */
export interface PackageSource {
  manifest: ContainerManifest;
  /** `logic.js` */
  logic: string;
  /** `view.js` */
  view: string;
  /** Where the package's other files (tab icons) can be loaded from. */
  baseUrl?: string;
}

/** Fetches `manifest.json`, `logic.js` and `view.js` of a package served at `url`. */
export async function loadPackage(source: string | PackageSource, base: string): Promise<PackageSource> {
  if (typeof source !== 'string') return source;
  const root = new URL(source.endsWith('/') ? source : `${source}/`, base).href;
  const get = async (file: string) => {
    const response = await fetch(new URL(file, root));
    if (!response.ok) throw new ContainerError('PLZ_CONTAINER_PACKAGE', `${file}: HTTP ${response.status}`);
    return response.text();
  };
  try {
    const [manifest, logic, view] = await Promise.all([
      get('manifest.json'),
      get('logic.js'),
      get('view.js'),
    ]);
    return { manifest: JSON.parse(manifest) as ContainerManifest, logic, view, baseUrl: root };
  } catch (error) {
    if (error instanceof ContainerError) throw error;
    throw new ContainerError('PLZ_CONTAINER_PACKAGE', (error as Error).message);
  }
}
