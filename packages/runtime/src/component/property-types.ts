import { clonePlain } from '../data/plain-data.ts';

/** A property type as the dialects spell it: a constructor, or `null` for any. */
export type PropertyType =
  | StringConstructor
  | NumberConstructor
  | BooleanConstructor
  | ObjectConstructor
  | ArrayConstructor
  | null;

export interface PropertySpec {
  type: PropertyType;
  optionalTypes: PropertyType[];
  value: unknown;
  observer?: unknown;
}

/** Accepts `{a: String}`, `{a: null}` and `{a: {type, value, optionalTypes, observer}}`. */
export function normaliseProperty(raw: unknown): PropertySpec {
  if (raw === null || isType(raw))
    return { type: raw as PropertyType, optionalTypes: [], value: defaultFor(raw as PropertyType) };
  if (typeof raw === 'object') {
    const full = raw as { type?: unknown; value?: unknown; optionalTypes?: unknown; observer?: unknown };
    const type = isType(full.type) ? (full.type as PropertyType) : null;
    const optionalTypes = Array.isArray(full.optionalTypes)
      ? (full.optionalTypes.filter(isType) as PropertyType[])
      : [];
    return {
      type,
      optionalTypes,
      value: 'value' in full ? full.value : defaultFor(type),
      observer: full.observer,
    };
  }
  return { type: null, optionalTypes: [], value: raw };
}

function isType(value: unknown): boolean {
  return (
    value === String ||
    value === Number ||
    value === Boolean ||
    value === Object ||
    value === Array ||
    value === null
  );
}

function defaultFor(type: PropertyType): unknown {
  if (type === String) return '';
  if (type === Number) return 0;
  if (type === Boolean) return false;
  if (type === Array) return [];
  return null;
}

function matches(type: PropertyType, value: unknown): boolean {
  if (type === null) return true;
  if (type === String) return typeof value === 'string';
  if (type === Number) return typeof value === 'number';
  if (type === Boolean) return typeof value === 'boolean';
  if (type === Array) return Array.isArray(value);
  return value === null || (typeof value === 'object' && !Array.isArray(value));
}

/** The property's initial value (a fresh copy, so instances never share it). */
export function initialValue(spec: PropertySpec): unknown {
  return clonePlain(spec.value);
}

/**
 * Converts a value passed by the parent to the declared type, as the dialects do:
 * numbers and booleans become strings, strings become numbers (NaN → 0), anything becomes a
 * boolean by truthiness; a wrong value for Object or Array, or `undefined`, gives the default.
 */
export function coerceProperty(spec: PropertySpec, value: unknown): unknown {
  if (value === undefined) return initialValue(spec);
  if (matches(spec.type, value) || spec.optionalTypes.some((t) => matches(t, value))) return value;
  switch (spec.type) {
    case String:
      return value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    case Number: {
      const n = Number(value);
      return Number.isNaN(n) ? 0 : n;
    }
    case Boolean:
      return Boolean(value);
    default:
      return initialValue(spec);
  }
}
