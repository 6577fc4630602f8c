import { inertTagName, PLAIN_HTML_TAGS } from '@plaza/compiler/render-runtime';

/**
 * Elements for the tags of a template that are not built-in components. Nothing a template
 * writes may become an element the browser gives behaviour to (`<meta http-equiv=refresh>`
 * navigates, `<link rel=prefetch>` and `<img>` fetch, `<a>` and `<form>` navigate on a click,
 * `<style>` styles with remote urls…). The platforms render such tags as plain boxes; so does
 * Plaza: a tag keeps its own element only when that element has no behaviour (the browser
 * does not know it, or it is a formatting or structure element whose attributes are
 * filtered anyway); any other becomes a custom element `wx-<tag>` that no one defines.
 */

/**
 * An element for template tag `tag` that the browser gives no behaviour to, named by the
 * rule stylesheets are compiled with; a name that rule keeps but this browser knows as a
 * live element still becomes `wx-<tag>` (safety first, though its type selector then misses).
 * @example inertElement(document, 'meta') // <wx-meta>
 */
export function inertElement(document: Document, tag: string): Element {
  const name = inertTagName(tag);
  if (name.startsWith('wx-') || PLAIN_HTML_TAGS.has(name) || !isKnownHtml(document, name))
    return document.createElement(name);
  return document.createElement(`wx-${name}`);
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
