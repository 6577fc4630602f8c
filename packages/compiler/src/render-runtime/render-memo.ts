import { editsSince, noteArrayEdit } from './array-edits.ts';
import { loopEntries } from './guard.ts';
import type { VNode } from './vnode.ts';

interface MemoEntry {
  deps: readonly unknown[];
  nodes: VNode[];
}

/** One keyed loop as last rendered: its inputs, and each item's vnodes and place in the output. */
interface LoopEntry {
  list: unknown;
  shared: readonly unknown[];
  items: unknown[];
  indexes: unknown[];
  keys: unknown[];
  nodes: VNode[][];
  /** Where each item's vnodes start in `out`. */
  starts: number[];
  out: VNode[];
}

/** Builds one loop item (`rt.key` applied) from the item and its index. */
export type LoopItem = (item: unknown, index: unknown) => VNode[];
/** The key of one loop item. */
export type LoopKey = (item: unknown, index: unknown) => unknown;

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
  private previousLoops = new Map<string, LoopEntry>();
  private currentLoops = new Map<string, LoopEntry>();
  private signature: string | undefined;

  /** Starts a render; a different `signature` (the instance's external classes) drops every entry. */
  begin(signature: string): void {
    if (signature !== this.signature) {
      this.current = new Map();
      this.currentLoops = new Map();
    }
    this.signature = signature;
    this.previous = this.current;
    this.current = new Map();
    this.previousLoops = this.currentLoops;
    this.currentLoops = new Map();
  }

  /** Ends a render: entries this render did not use are dropped, so the memo holds one tree. */
  end(): void {
    this.previous = new Map();
    this.previousLoops = new Map();
  }

  /**
   * A whole keyed loop's vnodes. With the same `shared` inputs (enclosing loop variables and
   * the data fields the body reads) as last render, the same list gives back last render's
   * output array, and a list copied from it with a few items replaced (noted by the view as it
   * applied the patch) rebuilds only those items without visiting the others: the output is
   * then a copy of last render's with those places replaced, noted for the view's patcher.
   * Anything else walks the list, reusing each item whose item and index are unchanged.
   */
  loop(site: string, list: unknown, shared: readonly unknown[], keyOf: LoopKey, build: LoopItem): VNode[] {
    const before = this.previousLoops.get(site);
    const comparable = before !== undefined && sameDeps(before.shared, shared);
    let entry: LoopEntry | undefined;
    if (comparable && before.list === list) entry = before;
    else if (comparable) entry = editedLoop(before, list, keyOf, build);
    entry ??= fullLoop(comparable ? before : undefined, list, shared, keyOf, build);
    this.currentLoops.set(site, entry);
    return entry.out;
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

/** The loop rebuilt in the places its list was edited since `before`, or undefined when that is not known to be enough. */
function editedLoop(
  before: LoopEntry,
  list: unknown,
  keyOf: LoopKey,
  build: LoopItem,
): LoopEntry | undefined {
  if (!Array.isArray(list) || !Array.isArray(before.list) || list.length !== before.items.length)
    return undefined;
  const edited = editsSince(list, before.list);
  if (!edited) return undefined;
  const entry: LoopEntry = { ...before, list, items: before.items.slice(), nodes: before.nodes.slice() };
  const at: number[] = [];
  for (const index of edited) {
    const item = list[index];
    if (Object.is(item, before.items[index])) continue;
    // A new key may collide with another item's: the full walk sorts that out.
    if (!Object.is(keyOf(item, index), before.keys[index])) return undefined;
    const nodes = build(item, index);
    const start = before.starts[index]!;
    if (nodes.length !== before.nodes[index]!.length) return undefined;
    if (at.length === 0) entry.out = before.out.slice();
    for (let i = 0; i < nodes.length; i++) {
      entry.out[start + i] = nodes[i]!;
      at.push(start + i);
    }
    entry.items[index] = item;
    entry.nodes[index] = nodes;
  }
  if (at.length > 0) noteArrayEdit(entry.out, before.out, at);
  return entry;
}

/** Every item of the loop, reusing last render's vnodes of an item whose key, item and index are unchanged. */
function fullLoop(
  before: LoopEntry | undefined,
  list: unknown,
  shared: readonly unknown[],
  keyOf: LoopKey,
  build: LoopItem,
): LoopEntry {
  const previous = new Map<unknown, number>();
  if (before) for (let i = 0; i < before.keys.length; i++) previous.set(before.keys[i], i);
  const entry: LoopEntry = { list, shared, items: [], indexes: [], keys: [], nodes: [], starts: [], out: [] };
  for (const [item, index] of loopEntries(list)) {
    const key = keyOf(item, index);
    const at = previous.get(key);
    const reused =
      before && at !== undefined && Object.is(before.items[at], item) && Object.is(before.indexes[at], index)
        ? before.nodes[at]!
        : undefined;
    // Each key once: a duplicate's vnodes must not be the same objects twice in the output.
    if (reused) previous.delete(key);
    const nodes = reused ?? build(item, index);
    entry.items.push(item);
    entry.indexes.push(index);
    entry.keys.push(key);
    entry.starts.push(entry.out.length);
    entry.nodes.push(nodes);
    for (const node of nodes) entry.out.push(node);
  }
  return entry;
}
