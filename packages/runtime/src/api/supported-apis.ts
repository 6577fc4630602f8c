import { IMPLEMENTED_MEMBERS } from './member-registry.ts';

/**
 * Machine-readable list of what Plaza runs, read by the migration report of `plaza check`:
 * a name missing here is an API (or component) a program uses that Plaza lacks.
 * It is the member registry's list: one record, read by the API object, `canIUse` and the matrix.
 */
export const SUPPORTED_APIS: readonly string[] = Object.keys(IMPLEMENTED_MEMBERS);

/** Globals a module sees besides the API object. */
export const SUPPORTED_GLOBALS = [
  'App',
  'Page',
  'Component',
  'Behavior',
  'getApp',
  'getCurrentPages',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
] as const;

/**
 * What a program uses that Plaza does not run yet: `tt.`/`wx.` APIs outside the registry and
 * tags outside `builtinTags` (the container's registry, or the compiler's copy of it that a test
 * pins to the registry, where the container cannot be loaded). One rule for the server's review
 * and `plaza check`, so both give the same verdict.
 * @example unsupportedUsage(manifest.usage, BUILTIN_COMPONENT_TAGS)
 */
export function unsupportedUsage(
  usage: { apis: readonly string[]; components: readonly string[] },
  builtinTags: Iterable<string>,
): { apis: string[]; components: string[] } {
  const apis = new Set<string>(SUPPORTED_APIS);
  const components = new Set(builtinTags);
  return {
    apis: usage.apis.filter((name) => !apis.has(name)).sort(),
    components: usage.components.filter((name) => !components.has(name)).sort(),
  };
}
