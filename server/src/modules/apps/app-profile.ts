import { isIP } from 'node:net';
import type { AppProfile } from './app.model.ts';
import { appErrors } from './errors.ts';
import { industryCategory } from './industry-categories.ts';

/**
 * How strict the request-domain rule is. `allowLoopbackHttp` exists for the demo and local
 * development only (the platform sets it in demo mode): a merchant server on this machine
 * (`http://127.0.0.1:8081`) may then be listed. Production keeps the https-and-domain rule.
 */
export interface RequestDomainRules {
  allowLoopbackHttp?: boolean;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Normalises a request domain to its https origin. Like the platforms developers know,
 * only named hosts on the default port: an IP or localhost would let a mini program reach
 * the user's own network from inside the super app.
 *
 * @example
 * requestDomainOrigin('https://API.example.com/') // 'https://api.example.com'
 * requestDomainOrigin('http://127.0.0.1:8081', { allowLoopbackHttp: true }) // demo mode only
 */
export function requestDomainOrigin(input: string, rules: RequestDomainRules = {}): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw appErrors.INVALID_REQUEST_DOMAIN({ domain: input });
  }
  const bare =
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '';
  if (rules.allowLoopbackHttp && url.protocol === 'http:' && bare && loopbackHosts.has(url.hostname)) {
    return url.origin;
  }
  const host = url.hostname;
  const bad =
    url.protocol !== 'https:' ||
    url.username !== '' ||
    url.password !== '' ||
    url.port !== '' ||
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    isIP(host.replace(/^\[|\]$/g, '')) !== 0 ||
    !host.includes('.') ||
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.includes('*');
  if (bad) throw appErrors.INVALID_REQUEST_DOMAIN({ domain: input });
  return url.origin;
}

/** An outbound or displayed URL: http(s), absolute, no credentials. */
export function checkedUrl(
  input: string,
  field: string,
  protocols: readonly string[] = ['http:', 'https:'],
): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw appErrors.INVALID_URL({ field });
  }
  if (!protocols.includes(url.protocol) || url.username !== '' || url.password !== '') {
    throw appErrors.INVALID_URL({ field });
  }
  return url.toString();
}

/** Checks an app profile against its category's rules and normalises its URLs. */
export function checkedProfile(profile: AppProfile, rules: RequestDomainRules = {}): AppProfile {
  const category = industryCategory(profile.category);
  if (!category) throw appErrors.UNKNOWN_CATEGORY({ category: profile.category });
  const seen = new Set<string>();
  for (const { scope } of profile.privacy) {
    if (seen.has(scope)) throw appErrors.DUPLICATE_SCOPE({ scope });
    seen.add(scope);
    // `profile` (nickname, avatar) is open to every industry; the rest are capabilities.
    if (scope !== 'profile' && !(category.capabilities as readonly string[]).includes(scope)) {
      throw appErrors.SCOPE_NOT_ALLOWED({ scope, category: category.id });
    }
  }
  return {
    ...profile,
    name: profile.name.trim(),
    description: profile.description.trim(),
    iconUrl: profile.iconUrl === null ? null : checkedUrl(profile.iconUrl, 'icon_url', ['https:']),
    webhookUrl: profile.webhookUrl === null ? null : checkedUrl(profile.webhookUrl, 'webhook_url'),
    requestDomains: [...new Set(profile.requestDomains.map((d) => requestDomainOrigin(d, rules)))],
    privacy: profile.privacy.map((p) => ({ scope: p.scope, reason: p.reason.trim() })),
  };
}
