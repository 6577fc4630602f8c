/**
 * Components' class names are rewritten with a per-component prefix (style isolation), so
 * `.stepper__plus` as the author wrote it would not match `c3f9a1-stepper__plus` in the DOM.
 * A test selects by the author's names: every class selector is widened to match the name
 * under any component prefix of the package.
 *
 * @example
 * scopedSelector('#dish-1 .stepper__plus', ['c3f9a1-']) // '#dish-1 :is(.stepper__plus,.c3f9a1-stepper__plus)'
 */
export function scopedSelector(selector: string, prefixes: readonly string[]): string {
  if (prefixes.length === 0) return selector;
  let out = '';
  let i = 0;
  while (i < selector.length) {
    const ch = selector[i]!;
    if (ch === '[' || ch === '"' || ch === "'") {
      // Attribute selectors and strings pass through untouched.
      const close = ch === '[' ? ']' : ch;
      const end = selector.indexOf(close, i + 1);
      const stop = end < 0 ? selector.length : end + 1;
      out += selector.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '.') {
      const match = /^[A-Za-z0-9_-]+/.exec(selector.slice(i + 1));
      if (match) {
        const name = match[0];
        out += `:is(.${name},${prefixes.map((p) => `.${p}${name}`).join(',')})`;
        i += 1 + name.length;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** The class list as the author wrote it: component prefixes and host classes removed, duplicates folded. */
export function authoredClasses(
  value: string,
  prefixes: readonly string[],
  hostClasses: readonly string[] = [],
): string {
  const names: string[] = [];
  for (const name of value.split(/\s+/).filter(Boolean)) {
    if (hostClasses.includes(name)) continue;
    const prefix = prefixes.find((p) => name.startsWith(p));
    const authored = prefix ? name.slice(prefix.length) : name;
    if (!names.includes(authored)) names.push(authored);
  }
  return names.join(' ');
}
