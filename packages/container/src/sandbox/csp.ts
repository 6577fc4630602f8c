/**
 * Content-Security-Policies of the two sandboxed frames. Together with the opaque origin
 * (`sandbox="allow-scripts"`, no `allow-same-origin`) they are what keeps mini-program code
 * off the network and away from the host: `connect-src` falls back to `default-src 'none'`
 * (no fetch, XHR, WebSocket, EventSource, beacon), scripts run only from the bootstrap's
 * nonce and from `blob:` URLs the frame made itself (no remote `importScripts`, no remote
 * `new Worker`), and there is no `'unsafe-eval'` (no `eval`/`Function` even after an escape).
 * A worker started from a `blob:` URL inherits its creator's policy, so the logic worker is
 * held by the same rules.
 */

/** Policy of the frame hosting the logic worker: nothing but its own scripts. */
export function logicFramePolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' blob:`,
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Policy of a page's view frame. Images and media load from anywhere, as on the platforms
 * (CDN pictures are the norm; requests are cookieless from an opaque origin); frames only
 * from the web-view domains the app declared. Workers only with `workers` (MapLibre draws a
 * tiled `map` with one, started from a blob the frame makes; a worker inherits this policy,
 * so it reaches no network either).
 */
export function viewFramePolicy(
  nonce: string,
  webViewOrigins: readonly string[],
  options: { workers?: boolean } = {},
): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' blob:`,
    "style-src 'unsafe-inline'",
    'img-src * data: blob:',
    'media-src * data: blob:',
    'font-src * data:',
    `frame-src ${webViewOrigins.length > 0 ? webViewOrigins.join(' ') : "'none'"}`,
    `worker-src ${options.workers ? 'blob:' : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
