import type { VNode } from './vnode.ts';

interface MemoEntry {
  deps: readonly unknown[];
  nodes: VNode[];
}

/**
 * The vnodes of keyed loop items, kept from one render of an instance to the next. A loop
 * item whose inputs (the item, its index, enclosing loop variables, and the data fields its
 * body reads) are the same values as last time returns the same vnode objects, so the
 * render skips building them and the view skips patching them. Inputs compare by identity:
 * the view writes patches copy-on-write, so an unchanged item keeps its identity.
 *
 * The view keeps one per instance and hands it to every render of that instance.
 */
export class RenderMemo {
  // Loop site (module, loop, enclosing indexes) → item key → entry: keys are kept as the values
  // the template keys by, so no key is turned into a string on the hot path.
  private previous = new Map<string, Map<unknown, MemoEntry>>();
  private current = new Map<string, Map<unknown, MemoEntry>>();
  private signature: string | undefined;

  /** Starts a render; a different `signature` (the instance's external classes) drops every entry. */
  begin(signature: string): void {
    if (signature !== this.signature) this.current = new Map();
    this.signature = signature;
    this.previous = this.current;
    this.current = new Map();
  }

  /** Ends a render: entries this render did not use are dropped, so the memo holds one tree. */
  end(): void {
    this.previous = new Map();
  }

  /** The item's vnodes: last render's when every input is the same, else `build()`'s. */
  item(site: string, key: unknown, deps: readonly unknown[], build: () => VNode[]): VNode[] {
    let kept = this.current.get(site);
    if (!kept) {
      kept = new Map();
      this.current.set(site, kept);
    }
    const entry = this.previous.get(site)?.get(key);
    if (entry && sameDeps(entry.deps, deps)) {
      kept.set(key, entry);
      return entry.nodes;
    }
    const nodes = build();
    kept.set(key, { deps, nodes });
    return nodes;
  }
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
