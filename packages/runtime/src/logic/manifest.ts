/**
 * The parts of the compiler's package manifest the logic layer reads. Typed structurally
 * so the compiler's full manifest type is accepted as it is.
 */
export interface LogicManifest {
  dialect: 'tt' | 'wx';
  appId?: string;
  entryPage: string;
  pages: string[];
  /** `pages` are full package paths (`shop/pages/menu/menu`), as the compiler writes them. */
  subpackages?: { root: string; pages: string[] }[];
  /** Per page or component path: the custom components its template always renders. */
  staticChildren?: Record<string, StaticChild[]>;
  appConfig?: {
    tabBar?: { list?: { pagePath: string }[] };
    [key: string]: unknown;
  };
}

/** A component a template renders unconditionally, with its literal id and classes. */
export interface StaticChild {
  path: string;
  tag: string;
  id: string;
  classes: string[];
  /** Owner data fields that must all be truthy (`wx:if="{{ field }}"` on the way). */
  when?: string[];
}

/** Every page path the package declares, subpackages included. */
export function declaredPages(manifest: LogicManifest): Set<string> {
  const pages = new Set(manifest.pages.map(strip));
  for (const sub of manifest.subpackages ?? []) {
    const root = strip(sub.root).replace(/\/+$/, '');
    // Full paths as the compiler writes them; a page named relative to its root is qualified once.
    for (const page of sub.pages.map(strip))
      pages.add(page.startsWith(`${root}/`) ? page : `${root}/${page}`);
  }
  return pages;
}

export function tabPages(manifest: LogicManifest): Set<string> {
  return new Set((manifest.appConfig?.tabBar?.list ?? []).map((item) => strip(item.pagePath)));
}

function strip(path: string): string {
  return path.replace(/^\/+/, '').replace(/\.(js|ttml|wxml)$/, '');
}
