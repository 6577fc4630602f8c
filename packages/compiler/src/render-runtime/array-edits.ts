/**
 * Which places of an array a copy-on-write edit changed: the view notes each array it copies
 * to apply a patch (`rows[500].name` copies `rows` and changes index 500), and the render
 * notes each loop output it rebuilds in a few places. A later reader that knows the array it
 * saw last time can then visit only those places instead of walking every element.
 *
 * Weak and keyed by identity: a note lives as long as the copy, and an array nobody noted
 * (a whole list sent again) simply has no edits, so its readers walk it all.
 */
const notes = new WeakMap<readonly unknown[], { from: readonly unknown[]; at: readonly number[] }>();

/** How many copies of copies are followed back: one patch message rarely edits an array more often. */
const MAX_CHAIN = 16;

/** `copy` is `original` with the elements at `at` replaced (same length). */
export function noteArrayEdit(
  copy: readonly unknown[],
  original: readonly unknown[],
  at: readonly number[],
): void {
  notes.set(copy, { from: original, at });
}

/**
 * The indexes where `array` differs from `base`, when `array` was derived from `base` by noted
 * edits (possibly several, one after another); undefined when that is not known.
 */
export function editsSince(array: readonly unknown[], base: readonly unknown[]): Set<number> | undefined {
  const at = new Set<number>();
  let current: readonly unknown[] = array;
  for (let step = 0; step < MAX_CHAIN; step++) {
    if (current === base) return at;
    const note = notes.get(current);
    if (!note || note.from.length !== current.length) return undefined;
    for (const index of note.at) at.add(index);
    current = note.from;
  }
  return undefined;
}
