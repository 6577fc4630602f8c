/**
 * The parts of the compiler's package manifest the logic layer reads. Typed structurally
 * so the compiler's full manifest type is accepted as it is.
 */
export interface LogicManifest {
  dialect: 'tt' | 'wx';
  appId?: string;
  entryPage: string;
  pages: string[];
  subpackages?: { root: string; pages: string[] }[];
  appConfig?: {
    tabBar?: { list?: { pagePath: string }[] };
    [key: string]: unknown;
  };
}

/** Every page path the package declares, subpackages included. */
export function declaredPages(manifest: LogicManifest): Set<string> {
  const pages = new Set(manifest.pages.map(strip));
  for (const sub of manifest.subpackages ?? []) {
    for (const page of sub.pages) pages.add(strip(`${sub.root.replace(/\/+$/, '')}/${page}`));
  }
  return pages;
}

export function tabPages(manifest: LogicManifest): Set<string> {
  return new Set((manifest.appConfig?.tabBar?.list ?? []).map((item) => strip(item.pagePath)));
}

function strip(path: string): string {
  return path.replace(/^\/+/, '').replace(/\.(js|ttml|wxml)$/, '');
}
