/**
 * How a component's class names are rewritten so its styles stay its own.
 * The compiler prefixes the class selectors of a component's stylesheet with
 * `prefix`; the render runtime rewrites the `class` attributes of the
 * component's template the same way, so only that stylesheet matches them.
 */
export interface StyleScope {
  /** Prepended to every class name of the component (`c3f9a1-`). */
  prefix: string;
  /**
   * `apply-shared`, `shared` or `addGlobalClass`: the unprefixed name is kept
   * too, so app (and page) styles still reach the component's elements.
   */
  keepGlobal: boolean;
  /** The class `:host` compiles to: the view puts it on the component's host element. */
  hostClass: string;
}

/**
 * Rewrites a class attribute value. `external` maps the component's external
 * class names to the classes its parent passed (already rewritten in the
 * parent's scope).
 */
export function scopeClassList(
  value: unknown,
  scope: StyleScope | undefined,
  external: Readonly<Record<string, string>>,
): string {
  if (value === undefined || value === null || value === false) return '';
  const names = String(value).split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (const name of names) {
    const passed = Object.hasOwn(external, name) ? external[name] : undefined;
    if (passed !== undefined) {
      if (passed) out.push(passed);
    } else if (scope) {
      out.push(scope.prefix + name);
      if (scope.keepGlobal) out.push(name);
    } else {
      out.push(name);
    }
  }
  return out.join(' ');
}
