import { HostRefusal } from '@plaza/runtime';

/** What the platform granted this app (from its registration, not from its own package). */
export interface AppPermissions {
  /** Origins or hosts `request` may reach (`https://api.shop.example`, `api.shop.example`). */
  requestDomains?: readonly string[];
  /** Origins `connectSocket` may reach (`wss://chat.shop.example`; a bare host means wss). */
  socketDomains?: readonly string[];
  /** Origins `<web-view>` may show. */
  webViewDomains?: readonly string[];
  /**
   * Whether `<camera>` may exist in this app's pages: only then do its page frames get the
   * browser's camera at all (the user is still asked, once, before it shows).
   */
  camera?: boolean;
}

/** A consent the user is asked for, once per app and user. */
export interface ConsentRequest {
  appId: string;
  scope: string;
  /** Why the app asks, as `app.json` `permission` declares it. */
  reason: string;
}

/** Host capabilities that read personal data, and the scope each one needs. */
export const PRIVACY_SCOPES: Readonly<Record<string, string>> = {
  getLocation: 'scope.userLocation',
  getFuzzyLocation: 'scope.userFuzzyLocation',
  startLocationUpdate: 'scope.userLocation',
  startLocationUpdateBackground: 'scope.userLocationBackground',
  getClipboardData: 'scope.clipboard',
};

/** Normalises a declared domain to an origin: a bare host means https. */
export function toOrigin(domain: string): string | undefined {
  try {
    return new URL(/^[a-z]+:\/\//i.test(domain) ? domain : `https://${domain}`).origin;
  } catch {
    return undefined;
  }
}

export function allowedOrigins(domains: readonly string[] | undefined): string[] {
  return (domains ?? []).map(toOrigin).filter((o): o is string => o !== undefined);
}

/** The socket allow-list as origins: a bare host means `wss://`. */
export function allowedSocketOrigins(domains: readonly string[] | undefined): string[] {
  return (domains ?? [])
    .map((d) => {
      try {
        return new URL(/^[a-z]+:\/\//i.test(d) ? d : `wss://${d}`).origin;
      } catch {
        return undefined;
      }
    })
    .filter((o): o is string => o !== undefined);
}

/** Refuses a socket whose URL is not on the app's socket-domain allow-list. */
export function checkSocketUrl(url: string, allowed: readonly string[]): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HostRefusal('invalid url');
  }
  if (parsed.protocol !== 'wss:' && parsed.protocol !== 'ws:') throw new HostRefusal('invalid url');
  if (!allowed.includes(parsed.origin)) throw new HostRefusal(`url not in domain list: ${parsed.origin}`);
  return parsed;
}

/** Refuses a request whose URL is not on the app's request-domain allow-list. */
export function checkRequestUrl(url: string, allowed: readonly string[]): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HostRefusal('invalid url');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new HostRefusal('invalid url');
  if (!allowed.includes(parsed.origin)) throw new HostRefusal(`url not in domain list: ${parsed.origin}`);
  return parsed;
}

/**
 * The scope a capability needs, when the app declared it in `app.json` (`permission`), or a
 * refusal when it did not: an undeclared use of personal data never reaches the user.
 */
export function declaredScope(
  method: string,
  appConfig: Record<string, unknown>,
): { scope: string; reason: string } | undefined {
  const scope = PRIVACY_SCOPES[method];
  if (!scope) return undefined;
  const declared = (appConfig.permission ?? {}) as Record<string, { desc?: string } | undefined>;
  const entry = declared[scope];
  if (!entry) throw new HostRefusal(`${scope} is not declared in app.json permission`);
  return { scope, reason: entry.desc ?? '' };
}
