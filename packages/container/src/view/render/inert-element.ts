/**
 * Elements for the tags of a template that are not built-in components. Nothing a template
 * writes may become an element the browser gives behaviour to (`<meta http-equiv=refresh>`
 * navigates, `<link rel=prefetch>` and `<img>` fetch, `<a>` and `<form>` navigate on a click,
 * `<style>` styles with remote urls…). The platforms render such tags as plain boxes; so does
 * Plaza: a tag keeps its own element only when that element has no behaviour (the browser
 * does not know it, or it is a formatting or structure element whose attributes are
 * filtered anyway); any other becomes a custom element `wx-<tag>` that no one defines.
 */

/** HTML elements with no behaviour of their own: they keep their name, so `span { … }` rules still match. */
const PLAIN = new Set(
  (
    'div span p i b em strong small sub sup u s del ins mark code pre kbd samp var abbr cite q dfn time ' +
    'h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote figure figcaption section article header footer ' +
    'nav main aside address hr br wbr table caption thead tbody tfoot tr td th col colgroup center font'
  ).split(' '),
);

/**
 * Names the DOM creates as bare elements but HTML's parser or another namespace gives meaning
 * to: never kept, so a serialised and re-parsed page cannot turn them live either.
 */
const PARSER_SPECIAL = new Set(
  'svg math noscript noembed noframes xmp plaintext listing portal frame frameset image'.split(' '),
);

const CUSTOM_NAME = /^[a-z][a-z0-9._-]*$/;

/**
 * An element for template tag `tag` that the browser gives no behaviour to.
 * @example inertElement(document, 'meta') // <wx-meta>
 */
export function inertElement(document: Document, tag: string): Element {
  const lower = tag.toLowerCase();
  if (PLAIN.has(lower)) return document.createElement(lower);
  if (CUSTOM_NAME.test(lower) && !PARSER_SPECIAL.has(lower) && !isKnownHtml(document, lower))
    return document.createElement(lower);
  return document.createElement(CUSTOM_NAME.test(lower) ? `wx-${lower}` : 'wx-unknown');
}

const known = new WeakMap<Document, Map<string, boolean>>();

/**
 * Whether `tag` names an element the browser gives an interface of its own: one it does not
 * know (or a custom element name) is a bare `HTMLUnknownElement`/`HTMLElement`.
 */
function isKnownHtml(document: Document, tag: string): boolean {
  const cache = known.get(document) ?? new Map<string, boolean>();
  known.set(document, cache);
  let answer = cache.get(tag);
  if (answer === undefined) {
    const view = document.defaultView as (Window & typeof globalThis) | null;
    const proto = Object.getPrototypeOf(document.createElement(tag));
    answer = !view || (proto !== view.HTMLElement?.prototype && proto !== view.HTMLUnknownElement?.prototype);
    cache.set(tag, answer);
  }
  return answer;
}

/**
 * Attributes the view sets on an element itself; any other attribute is a property for a
 * built-in (which applies it in `update`) or for nothing, and never reaches the DOM, so no
 * `href`, `src`, `srcdoc`, `action`, `formaction` or `on*` a template writes is ever live.
 */
export const DOM_ATTRIBUTE = /^(class|style|id|hidden|role|aria-[a-z-]+|data-[\w.:-]+)$/;
