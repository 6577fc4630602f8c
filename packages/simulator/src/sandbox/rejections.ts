/**
 * Promise rejections nobody handled, routed to the simulator whose realm made them. The
 * program's async handlers run in the realm, but their unhandled rejections surface on
 * Node's process: without this they would be lost (or crash the test run) instead of
 * failing the one simulator they belong to.
 */
type Owner = { claims(reason: unknown): boolean; reject(reason: unknown): void };

const owners = new Set<Owner>();

function route(reason: unknown): void {
  for (const owner of owners) {
    if (owner.claims(reason)) {
      owner.reject(reason);
      return;
    }
  }
  // An object of another realm belongs to a simulator already closed: its program is gone.
  if (typeof reason === 'object' && reason !== null && !(reason instanceof Object)) return;
  // Not ours: behave as Node does when no one listens, unless someone else does.
  if (process.listenerCount('unhandledRejection') === 1) throw reason;
}

/** Starts routing for `owner`; returns the function that stops it. */
export function watchRejections(owner: Owner): () => void {
  if (owners.size === 0) process.on('unhandledRejection', route);
  owners.add(owner);
  return () => {
    owners.delete(owner);
    if (owners.size === 0) process.off('unhandledRejection', route);
  };
}
