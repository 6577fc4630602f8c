/**
 * Handles a selector query gives the logic for a component's element: the logic names the
 * element by its handle in later context calls. Handles are random and live only in this
 * frame, so a program can name only elements its own queries returned, and never another
 * app's (each app's pages are other frames).
 */
const handles = new WeakMap<Element, string>();
const elements = new Map<string, WeakRef<Element>>();

/** Components whose element answers context calls (`answerContext`). */
export const CONTEXT_COMPONENTS = new Set(['map', 'editor', 'live-player', 'camera', 'video', 'audio']);

function newHandle(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The element's handle, made on first use. */
export function handleOf(element: Element): string {
  let handle = handles.get(element);
  if (!handle) {
    handle = newHandle();
    handles.set(element, handle);
    elements.set(handle, new WeakRef(element));
  }
  return handle;
}

/** The element a handle names, while it is in the document. */
export function elementOfHandle(handle: string): Element | undefined {
  const element = elements.get(handle)?.deref();
  if (!element?.isConnected) {
    elements.delete(handle);
    return undefined;
  }
  return element;
}

/** Whether `element` was handed to the logic as a canvas node already. */
const transferred = new WeakSet<Element>();

export function isTransferred(element: Element): boolean {
  return transferred.has(element);
}

/**
 * The `node` field: a `<canvas type="2d|webgl">` is handed over as an OffscreenCanvas the
 * first time (the logic keeps its node by handle after that); others have no node here.
 */
export function nodeOf(element: Element): unknown {
  const tag = element.getAttribute('data-plaza');
  if (tag !== 'canvas' || !element.hasAttribute('data-type')) return null;
  const canvas = element as HTMLCanvasElement;
  const token = handleOf(element);
  // A document without canvases (the simulator's): the logic draws on a canvas without pixels.
  if (typeof canvas.transferControlToOffscreen !== 'function')
    return {
      component: 'canvas',
      token,
      width: canvas.clientWidth || 300,
      height: canvas.clientHeight || 150,
    };
  if (transferred.has(element)) return { component: 'canvas', token };
  transferred.add(element);
  return { component: 'canvas', token, offscreen: canvas.transferControlToOffscreen() };
}

/** The `context` field: a handle for components that answer context calls. */
export function contextOf(element: Element): unknown {
  const tag = element.getAttribute('data-plaza') ?? '';
  return CONTEXT_COMPONENTS.has(tag) ? { component: tag, token: handleOf(element) } : null;
}

/** The OffscreenCanvases in a query answer, which must be transferred, not copied. */
export function queryTransferables(message: unknown): Transferable[] {
  const m = message as { type?: unknown; results?: unknown };
  if (m?.type !== 'query.result' || !Array.isArray(m.results)) return [];
  const Offscreen = (globalThis as { OffscreenCanvas?: new (w: number, h: number) => object })
    .OffscreenCanvas;
  if (!Offscreen) return [];
  const found: Transferable[] = [];
  for (const result of m.results)
    for (const item of Array.isArray(result) ? result : [result]) {
      const offscreen = (item as { node?: { offscreen?: unknown } } | null)?.node?.offscreen;
      if (offscreen instanceof Offscreen) found.push(offscreen as Transferable);
    }
  return found;
}
