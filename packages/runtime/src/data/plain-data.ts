/**
 * Data crosses the thread boundary as plain JSON-like values, the way the dialects
 * serialise setData: functions and undefined members are dropped, dates become strings.
 */
export function clonePlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  }
  if (Array.isArray(value)) return value.map((item) => clonePlain(item) ?? null);
  if (value instanceof Date) return value.toJSON();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = clonePlain((value as Record<string, unknown>)[key]);
    if (item !== undefined) out[key] = item;
  }
  return out;
}

/** Structural equality of plain data (what the view would render identically). */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!plainEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined && typeof ao[k] !== 'function');
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined && typeof bo[k] !== 'function');
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!plainEqual(ao[k], bo[k])) return false;
  return true;
}

/** Deep merge used by behaviors' `data`: objects merge, anything else replaces. */
export function mergeData(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isPlainObject(existing) && isPlainObject(value)) mergeData(existing, value);
    else target[key] = clonePlain(value);
  }
  return target;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
