/**
 * Rewrites the class selectors of one selector list: `.title > .icon:hover`
 * → `.c1a2b3c4-title > .c1a2b3c4-icon:hover`, and `:host` → the host class.
 * Attribute selectors and strings are left alone (`[class="a.b"]`).
 */
export function scopeSelector(selector: string, prefix: string, hostClass: string): string {
  let out = '';
  let i = 0;
  while (i < selector.length) {
    const c = selector[i]!;
    if (c === '[') {
      const end = selector.indexOf(']', i);
      const stop = end < 0 ? selector.length : end + 1;
      out += selector.slice(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      const end = selector.indexOf(c, i + 1);
      const stop = end < 0 ? selector.length : end + 1;
      out += selector.slice(i, stop);
      i = stop;
    } else if (c === '\\') {
      out += selector.slice(i, i + 2);
      i += 2;
    } else if (c === '.' && /[-_a-zA-Z\\]/.test(selector[i + 1] ?? '')) {
      out += `.${prefix}`;
      i++;
    } else if (selector.startsWith(':host', i) && !/[-\w]/.test(selector[i + 5] ?? '')) {
      if (selector[i + 5] === '(') {
        // `:host(.active)` → `.host.c…-active`
        const close = selector.indexOf(')', i + 6);
        const inner = selector.slice(i + 6, close < 0 ? selector.length : close);
        out += `.${hostClass}${scopeSelector(inner, prefix, hostClass)}`;
        i = close < 0 ? selector.length : close + 1;
      } else {
        out += `.${hostClass}`;
        i += 5;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
