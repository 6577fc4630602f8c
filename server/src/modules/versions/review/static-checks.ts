import type { Manifest } from '@plaza/compiler';
import { BUILTIN_COMPONENT_TAGS, PLAIN_HTML_TAGS } from '@plaza/compiler/render-runtime';
import { unsupportedUsage as unsupportedBy } from '@plaza/runtime';
import { parse } from 'acorn';
import { bundleModules } from '../bundle-modules.ts';
import type { DomainProblem, ScopeProblem } from './check-report.ts';

/** `tt`/`wx` APIs that hand personal data to the program, and the scope each needs declared. */
export const scopeOfApi: Readonly<Record<string, string>> = {
  getPhoneNumber: 'phone_number',
  getUserProfile: 'profile',
  getUserInfo: 'profile',
  getLocation: 'location',
  chooseLocation: 'location',
  startLocationUpdate: 'location',
  startLocationUpdateBackground: 'location',
  onLocationChange: 'location',
  chooseAddress: 'address',
};

// `<button open-type="getPhoneNumber">` asks for the same data as the API of that name.
const openTypeAttribute = /["']?open-type["']?\s*:\s*["'](getPhoneNumber|getUserInfo|getUserProfile)["']/g;

/** APIs and consent buttons used without the privacy scope they need. */
export function scopeProblems(manifest: Manifest, view: string, declared: readonly string[]): ScopeProblem[] {
  const used = new Set(manifest.usage.apis);
  for (const match of view.matchAll(openTypeAttribute)) used.add(match[1] as string);
  return [...used]
    .filter((api) => scopeOfApi[api] !== undefined && !declared.includes(scopeOfApi[api] as string))
    .sort()
    .map((api) => ({ api, scope: scopeOfApi[api] as string }));
}

/** What the program uses that Plaza does not run yet (reported, not failing), as `plaza check` says it. */
export function unsupportedUsage(manifest: Manifest): { apis: string[]; components: string[] } {
  // Plain HTML tags render as inert elements of their own name, as on the platforms: not missing.
  return unsupportedBy(manifest.usage, [...BUILTIN_COMPONENT_TAGS, ...PLAIN_HTML_TAGS]);
}

/** The program's logic is not JavaScript the check can read, so its URLs are unknown. */
export class UnreadableProgramError extends Error {
  override name = 'UnreadableProgramError';
}

interface Node {
  type: string;
  start: number;
  value?: unknown;
  quasis?: Array<{ value: { cooked: string | null } }>;
  [key: string]: unknown;
}

const urlStart = /^(https?|wss?):\/\/[^\s/?#'"`]+/i;

/**
 * URLs written in the program (string and template literals starting with a scheme) whose
 * origin is not in the allow-list, with the file and line they come from. Found statically,
 * so a URL built at run time from parts escapes this check; the container still refuses it.
 */
export function domainProblems(logic: string, allowed: readonly string[]): DomainProblem[] {
  let ast: Node;
  try {
    ast = parse(logic, { ecmaVersion: 'latest', sourceType: 'script' }) as unknown as Node;
  } catch (error) {
    // A program whose URLs cannot be read has not passed this check.
    throw new UnreadableProgramError(`The program's logic does not parse: ${(error as Error).message}`);
  }
  const modules = bundleModules(logic);
  const problems: DomainProblem[] = [];
  const seen = new Set<string>();
  const consider = (text: string, at: number) => {
    const match = urlStart.exec(text);
    if (!match) return;
    let origin: string;
    try {
      origin = new URL(match[0]).origin;
    } catch {
      return;
    }
    if (allowed.includes(origin) || seen.has(text)) return;
    seen.add(text);
    const module = modules.find((m) => m.start <= at && at < m.end);
    const problem: DomainProblem = { url: text, origin };
    if (module) {
      problem.file = module.path;
      // Line within the program's file: the definition's header and wrapper take two lines.
      problem.line = Math.max(1, logic.slice(module.start, at).split('\n').length - 2);
    }
    problems.push(problem);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
    const n = node as Node;
    if (n.type === 'Literal' && typeof n.value === 'string') consider(n.value, n.start);
    if (n.type === 'TemplateLiteral') consider(n.quasis?.[0]?.value.cooked ?? '', n.start);
    for (const [key, child] of Object.entries(n)) {
      if (key !== 'loc' && child && typeof child === 'object') visit(child);
    }
  };
  visit(ast);
  return problems;
}
