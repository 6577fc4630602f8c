/**
 * A sandboxed frame: an opaque-origin `srcdoc` document whose only script is a tiny
 * bootstrap. The real code arrives by `postMessage` (with the ports it talks through) and
 * runs from a `blob:` URL the frame creates itself, so the srcdoc stays small and nothing
 * from the host page's realm is ever shared with it.
 */

/** What the bootstrap receives as its first (and only accepted) message from the parent. */
export interface FrameBoot {
  plazaBoot: true;
  /** The frame's program (a classic script). */
  code: string;
  /** Anything the program reads once from `globalThis.__plazaBoot`. */
  payload: unknown;
}

const BOOTSTRAP = `(() => {
  addEventListener('message', function boot(event) {
    if (event.source !== parent || !event.data || event.data.plazaBoot !== true) return;
    removeEventListener('message', boot);
    globalThis.__plazaBoot = { payload: event.data.payload, ports: event.ports };
    const script = document.createElement('script');
    script.src = URL.createObjectURL(new Blob([event.data.code], { type: 'text/javascript' }));
    document.head.append(script);
  });
})();`;

/** Random nonce for the bootstrap script: only that one inline script may run. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The `srcdoc` of a sandboxed frame under `policy` (built with the same `nonce`). */
export function frameDocument(policy: string, nonce: string, extraHead = ''): string {
  const escaped = policy.replace(/"/g, '&quot;');
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${escaped}"><meta name="viewport" content="width=device-width,initial-scale=1">${extraHead}<script nonce="${nonce}">${BOOTSTRAP}</script></head><body></body></html>`;
}

/**
 * Creates the iframe: `allow-scripts` only, so its origin is opaque (no cookies, no storage,
 * no access to the parent's DOM) and it cannot navigate the top page or open popups.
 */
export function createSandboxedFrame(document: Document, srcdoc: string, title: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('title', title);
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.srcdoc = srcdoc;
  return frame;
}

/**
 * Hands the frame its code and ports once it has loaded, and calls `onLeave` if the frame
 * ever loads again. A sandbox without `allow-top-navigation` still lets a frame navigate
 * itself (a `<meta http-equiv=refresh>`, a link, `location`), and the document it reaches runs
 * without Plaza's CSP; a second `load` of the iframe is that navigation, whatever caused it.
 */
export function bootFrame(
  frame: HTMLIFrameElement,
  code: string,
  payload: unknown,
  ports: MessagePort[],
  onLeave?: () => void,
): void {
  let loads = 0;
  frame.addEventListener('load', () => {
    loads += 1;
    if (loads > 1) {
      onLeave?.();
      return;
    }
    const message: FrameBoot = { plazaBoot: true, code, payload };
    // The frame's origin is opaque, so '*' is the only target origin that reaches it.
    frame.contentWindow?.postMessage(message, '*', ports);
  });
}

/** Inside a frame: what the bootstrap stored, taken once so later code cannot read it again. */
export function takeBoot<P>(): { payload: P; ports: readonly MessagePort[] } {
  const scope = globalThis as unknown as { __plazaBoot?: { payload: P; ports: readonly MessagePort[] } };
  const boot = scope.__plazaBoot;
  delete scope.__plazaBoot;
  if (!boot) throw new Error('frame started without its boot message');
  return boot;
}
