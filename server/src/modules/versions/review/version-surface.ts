import type { Manifest } from '@plaza/compiler';
import { domainProblems, scopeProblems, UnreadableProgramError } from './static-checks.ts';

/** What a version exposes that a reviewer compares between versions. */
export interface VersionSurface {
  /** Every page, subpackage pages qualified by their root. */
  pages: string[];
  /** Privacy scopes the program's APIs and consent buttons ask for. */
  scopes: string[];
  /** Origins of the URLs written in the program; null when its logic cannot be read. */
  domains: string[] | null;
}

export interface ListChange {
  added: string[];
  removed: string[];
}

/** What changed since the released version; `against` null: nothing is released yet. */
export interface SurfaceChanges {
  against: string | null;
  pages: ListChange;
  scopes: ListChange;
  /** Null when either version's logic could not be read. */
  domains: ListChange | null;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** A version's pages, the scopes it asks for and the origins it reaches, from its built files. */
export function surfaceOf(manifest: Manifest, logic: string, view: string): VersionSurface {
  const pages = [
    ...manifest.pages,
    ...manifest.subpackages.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`)),
  ];
  // Nothing declared: every scope the program needs shows as a problem, i.e. all it asks for.
  const scopes = scopeProblems(manifest, view, []).map((p) => p.scope);
  let domains: string[] | null;
  try {
    domains = sorted(domainProblems(logic, []).map((p) => p.origin));
  } catch (error) {
    if (!(error instanceof UnreadableProgramError)) throw error;
    domains = null;
  }
  return { pages: sorted(pages), scopes: sorted(scopes), domains };
}

function listChange(now: readonly string[], before: readonly string[]): ListChange {
  return {
    added: now.filter((x) => !before.includes(x)),
    removed: before.filter((x) => !now.includes(x)),
  };
}

/**
 * The difference a reviewer reads: what this version adds or drops against the released one
 * (everything counts as added when nothing is released).
 *
 * @example
 * surfaceChanges(next, { version: '1.0.0', surface: released }).scopes // { added: ['location'], removed: [] }
 */
export function surfaceChanges(
  now: VersionSurface,
  released: { version: string; surface: VersionSurface } | null,
): SurfaceChanges {
  const before: VersionSurface = released?.surface ?? { pages: [], scopes: [], domains: [] };
  return {
    against: released?.version ?? null,
    pages: listChange(now.pages, before.pages),
    scopes: listChange(now.scopes, before.scopes),
    domains: now.domains && before.domains ? listChange(now.domains, before.domains) : null,
  };
}
