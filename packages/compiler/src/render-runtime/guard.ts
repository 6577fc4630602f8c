/**
 * Member access for template expressions. Data comes from `setData` (plain
 * JSON) and wxs modules; a template reads only their own properties, never
 * the prototype chain, so no expression can climb to `Function` or a global.
 */
const forbidden = new Set(['constructor', '__proto__', 'prototype']);

export function readMember(target: unknown, key: unknown): unknown {
  if (target === null || target === undefined) return undefined;
  const name = typeof key === 'number' ? key : String(key);
  if (typeof name === 'string' && forbidden.has(name)) return undefined;
  if (typeof target === 'string') {
    if (name === 'length') return target.length;
    const index = Number(name);
    return Number.isInteger(index) ? target[index] : undefined;
  }
  if (typeof target !== 'object' && typeof target !== 'function') return undefined;
  return Object.hasOwn(target, name) ? (target as Record<string | number, unknown>)[name] : undefined;
}

/**
 * A call from a template: only functions reached from a wxs/sjs module get
 * here (the compiler refuses any other call). Methods of values a wxs function
 * returned (a `getDate()` result's `getTime`) are looked up on their prototype,
 * still never through a forbidden name nor to the `Function` constructor.
 */
export function callMember(target: unknown, key: unknown, args: unknown[]): unknown {
  let fn: unknown;
  if (target === undefined && typeof key === 'function') {
    fn = key;
  } else {
    if (target === null || target === undefined) return undefined;
    const name = String(key);
    if (forbidden.has(name)) return undefined;
    fn = (target as Record<string, unknown>)[name];
  }
  // biome-ignore lint/security/noGlobalEval: compared, never called; a wxs module must not hand it to templates
  if (typeof fn !== 'function' || fn === Function || fn === globalThis.eval) return undefined;
  return Reflect.apply(fn, target, args);
}

/** Text of a value as templates print it: nothing for `undefined`/`null`. */
export function toDisplayString(value: unknown): string {
  if (value === undefined || value === null) return '';
  // As the dialects print them; never through the value's own `toString`, which data could shadow.
  if (Array.isArray(value)) return value.map(toDisplayString).join(',');
  if (typeof value === 'object' || typeof value === 'function') return '[object Object]';
  return String(value);
}

/** What `wx:for` iterates: arrays, a number `n` (0…n-1), a string's characters, an object's values by key. */
export function loopEntries(value: unknown): [unknown, unknown][] {
  if (Array.isArray(value)) return value.map((item, index) => [item, index]);
  if (typeof value === 'number') {
    const count = Math.max(0, Math.min(Math.floor(value), 100_000));
    return Array.from({ length: count }, (_, index) => [index, index]);
  }
  if (typeof value === 'string') return [...value].map((item, index) => [item, index]);
  if (value && typeof value === 'object')
    return Object.keys(value).map((key) => [(value as Record<string, unknown>)[key], key]);
  return [];
}
