import type { StyleScopes } from './view-agent.ts';

const SELECTOR_LISTS = new Set(['not', 'is', 'where', 'has']);

/**
 * A selector as a test author writes it against the template (`view.card > text`,
 * `dish-card .stepper__plus`) turned into one for the rendered DOM: a tag becomes the
 * built-in's mark or a custom component's host (`:is([data-plaza="view"],view[data-instance])`),
 * and a class also matches its style-isolated form under any component prefix.
 *
 * @example
 * domSelector('view.card', { prefixes: ['c1-'], hostClasses: [] })
 * // ':is([data-plaza="view"],view[data-instance]):is(.card,.c1-card)'
 */
export function domSelector(selector: string, scopes: StyleScopes): string {
  let out = '';
  let i = 0;
  // A type selector may start a compound: at the start, after a combinator, a comma or "(".
  let compoundStart = true;
  while (i < selector.length) {
    const ch = selector[i]!;
    if (ch === '[' || ch === '"' || ch === "'") {
      const close = ch === '[' ? ']' : ch;
      const end = selector.indexOf(close, i + 1);
      const stop = end < 0 ? selector.length : end + 1;
      out += selector.slice(i, stop);
      i = stop;
      compoundStart = false;
      continue;
    }
    if (ch === '.' || ch === '#' || ch === ':') {
      const name = /^:?[A-Za-z_-][A-Za-z0-9_-]*/.exec(selector.slice(i + 1))?.[0] ?? '';
      i += 1 + name.length;
      compoundStart = false;
      if (ch === '.' && name) {
        out += `:is(.${name}${scopes.prefixes.map((p) => `,.${p}${name}`).join('')})`;
        continue;
      }
      out += ch + name;
      if (ch === ':' && selector[i] === '(') {
        const end = closingParen(selector, i);
        const inner = selector.slice(i + 1, end);
        out += `(${SELECTOR_LISTS.has(name.replace(/^:/, '')) ? domSelector(inner, scopes) : inner})`;
        i = end + 1;
      }
      continue;
    }
    const tag = compoundStart ? /^[A-Za-z][A-Za-z0-9_-]*/.exec(selector.slice(i))?.[0] : undefined;
    if (tag) {
      out += `:is([data-plaza="${tag}"],${tag}[data-instance])`;
      i += tag.length;
      compoundStart = false;
      continue;
    }
    compoundStart = ch === ' ' || ch === '>' || ch === '+' || ch === '~' || ch === ',' || ch === '\t';
    out += ch;
    i += 1;
  }
  return out;
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return text.length;
}
