import { BUILTIN_COMPONENT_TAGS, inertTagName } from '../render-runtime/element-names.ts';

/**
 * Built-in component names a stylesheet may select by tag (`view { … }`). The view does not
 * render them as elements of those names (a `view` is a `div`, an `image` an `img`), but it
 * marks each one `data-plaza="<name>"`, so the tag becomes that attribute selector.
 */
export const BUILTIN_TAGS: ReadonlySet<string> = new Set(BUILTIN_COMPONENT_TAGS);

/** The element every page renders into: what a `page { … }` rule styles. */
export const PAGE_ROOT_SELECTOR = 'plaza-page';

export interface TagRewrite {
  /** Whether `page` names the page root (app and page stylesheets; a component cannot style its page). */
  page: boolean;
}

/**
 * The element a tag that is no built-in renders as (`a` → `wx-a`, `span` and custom
 * components keep theirs). A name no element can have is left as written: it matches nothing.
 */
function inertName(name: string): string {
  const element = inertTagName(name);
  return element === 'wx-unknown' ? name : element;
}

/**
 * Rewrites the type selectors of one selector that name built-in components:
 * `.list view > text` → `.list [data-plaza="view"] > [data-plaza="text"]`, and `page` →
 * the page root; any other tag names the element the view renders it as (`a` → `wx-a`, see
 * `inertTagName`). Attribute selectors, strings, classes, ids and pseudo-classes are left alone
 * (`:nth-child(odd)` is not a tag).
 */
export function rewriteTagSelectors(selector: string, rewrite: TagRewrite): string {
  let out = '';
  let i = 0;
  // A type selector can only open a compound: at the start, after a combinator, a comma or `(`.
  let compoundStart = true;
  while (i < selector.length) {
    const c = selector[i]!;
    if (c === '[' || c === '"' || c === "'") {
      const end = selector.indexOf(c === '[' ? ']' : c, i + 1);
      const stop = end < 0 ? selector.length : end + 1;
      out += selector.slice(i, stop);
      i = stop;
      compoundStart = false;
    } else if (c === '\\') {
      out += selector.slice(i, i + 2);
      i += 2;
      compoundStart = false;
    } else if (/[\s>+~,(]/.test(c)) {
      out += c;
      i++;
      compoundStart = true;
    } else if (/[-_a-zA-Z]/.test(c)) {
      const name = /^-?[_a-zA-Z][-\w]*/.exec(selector.slice(i))?.[0] ?? c;
      const lower = name.toLowerCase();
      if (compoundStart && BUILTIN_TAGS.has(lower)) out += `[data-plaza="${lower}"]`;
      else if (compoundStart && rewrite.page && lower === 'page') out += PAGE_ROOT_SELECTOR;
      else if (compoundStart) out += inertName(name);
      else out += name;
      i += name.length;
      compoundStart = false;
    } else {
      // `.`, `#`, `:`, `*`, `)`, …: what follows is a class, id, pseudo or the end of a group.
      out += c;
      i++;
      compoundStart = false;
    }
  }
  return out;
}
