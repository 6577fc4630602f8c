/**
 * Built-in component names a stylesheet may select by tag (`view { … }`). The view does not
 * render them as elements of those names (a `view` is a `div`, an `image` an `img`), but it
 * marks each one `data-plaza="<name>"`, so the tag becomes that attribute selector.
 */
export const BUILTIN_TAGS: ReadonlySet<string> = new Set([
  'view',
  'text',
  'image',
  'icon',
  'button',
  'input',
  'textarea',
  'checkbox',
  'checkbox-group',
  'radio',
  'radio-group',
  'switch',
  'slider',
  'picker',
  'picker-view',
  'picker-view-column',
  'form',
  'label',
  'navigator',
  'scroll-view',
  'swiper',
  'swiper-item',
  'movable-area',
  'movable-view',
  'progress',
  'rich-text',
  'video',
  'canvas',
  'web-view',
  'cover-view',
  'cover-image',
  'map',
  'audio',
  'camera',
  'editor',
  'live-player',
  'live-pusher',
  'page-container',
  'root-portal',
  'match-media',
  'ad',
  'official-account',
  'open-data',
]);

/** The element every page renders into: what a `page { … }` rule styles. */
export const PAGE_ROOT_SELECTOR = 'plaza-page';

export interface TagRewrite {
  /** Whether `page` names the page root (app and page stylesheets; a component cannot style its page). */
  page: boolean;
}

/**
 * Rewrites the type selectors of one selector that name built-in components:
 * `.list view > text` → `.list [data-plaza="view"] > [data-plaza="text"]`, and `page` →
 * the page root. Attribute selectors, strings, classes, ids and pseudo-classes are left alone
 * (`:nth-child(odd)` is not a tag), as are names that are not built-ins (custom components,
 * plain HTML).
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
