import ipaddr from 'ipaddr.js';

/**
 * Where Plaza may send a merchant's webhooks. A webhook URL is chosen by whoever registers an
 * app, so without this rule the platform would POST, from inside the operator's network, to
 * anything that network reaches (metadata services, databases, admin ports).
 */
export interface WebhookTargetRules {
  /**
   * Loopback (127.0.0.0/8, ::1, `localhost`) becomes a valid target: for development, tests
   * and the demo, whose merchant server runs on this machine. Never in production.
   */
  allowLoopback: boolean;
}

/** Why a webhook URL or address is refused; the text is safe to show to the app's developer. */
export const refusedTargetMessage = 'Plaza does not send webhooks to this address';

/**
 * The reason an IP address is no target, or null for a public unicast address. Only
 * ipaddr.js's `unicast` range passes: private, CGNAT, link-local, multicast, broadcast,
 * unspecified, reserved, documentation and translation ranges (6to4, NAT64, Teredo, which
 * embed an IPv4 address) are refused; an IPv4-mapped IPv6 address is judged as its IPv4.
 *
 * @example
 * refusedAddress('169.254.169.254', { allowLoopback: true }) // 'linkLocal'
 * refusedAddress('93.184.215.14', { allowLoopback: false }) // null
 */
export function refusedAddress(address: string, rules: WebhookTargetRules): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const range = parsed.range();
  if (range === 'unicast') return null;
  if (range === 'loopback' && rules.allowLoopback) return null;
  return range;
}

/** A host name that always means this machine, whatever DNS says (RFC 6761). */
function isLoopbackName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

/**
 * The reason a webhook URL is refused before any lookup, or null when it may be tried. The
 * WHATWG parser has already turned every numeric form (`127.1`, `0x7f000001`, `2130706433`,
 * `017700000001`) into a dotted address, so a literal is judged by its address; a name is
 * judged at delivery, on every address it resolves to.
 *
 * @example
 * webhookUrlProblem('http://0x7f000001/hooks', { allowLoopback: false }) // 'loopback'
 * webhookUrlProblem('https://hooks.example.com/plaza', { allowLoopback: false }) // null
 */
export function webhookUrlProblem(input: string, rules: WebhookTargetRules): string | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return 'not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not http(s)';
  if (url.username !== '' || url.password !== '') return 'carries credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.+$/, '');
  if (host === '') return 'no host';
  if (isLoopbackName(host)) return rules.allowLoopback ? null : 'loopback';
  if (ipaddr.isValid(host)) return refusedAddress(host, rules);
  return null;
}
