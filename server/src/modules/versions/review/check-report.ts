/** A runtime error of one page, where the program raised it. */
export interface PageError {
  source: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface PageCheck {
  path: string;
  rendered: boolean;
  ms: number;
  errors: PageError[];
  /** The page as it rendered, a PNG in the blob store (absent when no browser could paint it). */
  screenshot?: string;
}

/** An API the program calls that needs a privacy scope the app has not declared. */
export interface ScopeProblem {
  api: string;
  scope: string;
}

/** A URL written in the program whose origin is outside the app's request-domain allow-list. */
export interface DomainProblem {
  url: string;
  origin: string;
  file?: string;
  line?: number;
}

/**
 * The automated checks of a version, attached to it for the developer and the operator.
 * `ok` is false when the package does not load, a page fails, a scope or domain is
 * undeclared, or the program's URLs cannot be read; unsupported APIs and components are listed but do not fail the checks.
 */
export interface CheckReport {
  ok: boolean;
  /** Loading the package into the runtime; an error here means no page could run. */
  load: { ok: boolean; error?: string };
  pages: PageCheck[];
  unsupported: { apis: string[]; components: string[] };
  scopes: ScopeProblem[];
  requestDomains: DomainProblem[];
  /** Why the request-domain check could not read the program (it then fails). */
  requestDomainsError?: string;
  startedAt: number;
  finishedAt: number;
}
