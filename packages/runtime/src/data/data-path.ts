/** One step of a data path: an object key or an array index. */
export type PathSegment = string | number;

/**
 * Parses a setData key: `a.b.c`, `list[3].price`, `a[0][1]`.
 * @example parseDataPath('list[3].price') // ['list', 3, 'price']
 */
export function parseDataPath(key: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let current = '';
  let i = 0;
  const pushKey = () => {
    if (current !== '') segments.push(current);
    current = '';
  };
  while (i < key.length) {
    const ch = key[i]!;
    if (ch === '\\' && i + 1 < key.length) {
      // `a\.b` names the key "a.b", as the dialects allow.
      current += key[i + 1];
      i += 2;
      continue;
    }
    if (ch === '.') {
      pushKey();
      i++;
      continue;
    }
    if (ch === '[') {
      const close = key.indexOf(']', i);
      const index = close > i ? key.slice(i + 1, close).trim() : '';
      if (/^\d+$/.test(index)) {
        pushKey();
        segments.push(Number(index));
        i = close + 1;
        continue;
      }
    }
    current += ch;
    i++;
  }
  pushKey();
  return segments;
}

/** The canonical spelling of a path, as patches carry it: `list[3].price`. */
export function formatDataPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? escapeKey(s) : `.${escapeKey(s)}`;
  }
  return out;
}

function escapeKey(key: string): string {
  return key.replace(/[.[\]\\]/g, (c) => `\\${c}`);
}

/** Reads the value at a path, `undefined` when any step is missing. */
export function readPath(root: unknown, segments: readonly PathSegment[]): unknown {
  let node = root;
  for (const s of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[s];
  }
  return node;
}

const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

/** Writes a value at a path, creating objects (or arrays before an index) on the way. */
export function writePath(
  root: Record<string, unknown>,
  segments: readonly PathSegment[],
  value: unknown,
): void {
  if (segments.length === 0) return;
  let node: Record<string | number, unknown> = root;
  for (let i = 0; i < segments.length - 1; i++) {
    const s = segments[i]!;
    if (typeof s === 'string' && forbidden.has(s)) return;
    let next = node[s];
    if (next === null || typeof next !== 'object') {
      next = typeof segments[i + 1] === 'number' ? [] : {};
      node[s] = next;
    }
    node = next as Record<string | number, unknown>;
  }
  const last = segments[segments.length - 1]!;
  if (typeof last === 'string' && forbidden.has(last)) return;
  node[last] = value;
}

/**
 * Writes a value at a path copy-on-write: every object or array on the way is replaced by a
 * shallow copy (the root itself is written in place), so a value whose path was not written
 * keeps its identity and a reader can tell "unchanged" by `===` (the view reuses the
 * rendered list rows whose item did not change).
 */
export function replacePath(
  root: Record<string, unknown>,
  segments: readonly PathSegment[],
  value: unknown,
  /** Told of each array copied on the way, and the index in it the path goes on to. */
  copiedArray?: (copy: unknown[], original: unknown[], index: number) => void,
): void {
  if (segments.length === 0 || segments.some((s) => typeof s === 'string' && forbidden.has(s))) return;
  let node: Record<string | number, unknown> = root;
  for (let i = 0; i < segments.length - 1; i++) {
    const s = segments[i]!;
    const next = node[s];
    const copy =
      next === null || typeof next !== 'object'
        ? typeof segments[i + 1] === 'number'
          ? []
          : {}
        : Array.isArray(next)
          ? next.slice()
          : { ...(next as object) };
    const index = segments[i + 1];
    if (copiedArray && Array.isArray(next) && typeof index === 'number')
      copiedArray(copy as unknown[], next, index);
    node[s] = copy;
    node = copy as Record<string | number, unknown>;
  }
  node[segments[segments.length - 1]!] = value;
}

/** True when `prefix` names `path` or one of its ancestors. */
export function isPathPrefix(prefix: readonly PathSegment[], path: readonly PathSegment[]): boolean {
  if (prefix.length > path.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== path[i]) return false;
  return true;
}
