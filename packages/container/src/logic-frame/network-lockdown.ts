/**
 * Removes every way out of the worker before mini-program code runs. The frame's CSP already
 * blocks these; taking them away too means a browser without CSP inheritance for blob
 * workers still leaves the program with nothing to call, and the program sees the same
 * "not defined" it sees on the platforms.
 */
const EXITS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebTransport',
  'EventSource',
  'importScripts',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'indexedDB',
  'caches',
  'Request',
  'navigator',
] as const;

export function lockDownNetwork(scope: object): void {
  removeGlobals(scope, EXITS);
}

/** Deletes `names` from `scope` and its prototypes, then pins each to undefined. */
export function removeGlobals(scope: object, names: readonly string[]): void {
  for (const name of names) {
    let target: object | null = scope;
    while (target) {
      const descriptor = Object.getOwnPropertyDescriptor(target, name);
      if (descriptor?.configurable) delete (target as Record<string, unknown>)[name];
      target = Object.getPrototypeOf(target);
    }
    try {
      Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false });
    } catch {
      // Already non-configurable: the CSP still holds it.
    }
  }
}
