/**
 * The only markup `<rich-text>` will build: formatting tags and their harmless attributes.
 * Anything else (script, style, iframe, form, object, svg, on* handlers, href, javascript:
 * URLs, CSS `url()`/`expression`) is dropped; text of dropped containers is kept only
 * where reading it is harmless.
 */
import { safeStyle } from './rich-text-style.ts';

const TAGS = new Set([
  'a',
  'abbr',
  'b',
  'big',
  'blockquote',
  'br',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'div',
  'dl',
  'dt',
  'em',
  'fieldset',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'label',
  'legend',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'section',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'tt',
  'u',
  'ul',
]);
/** Tags whose content must not survive as text either. */
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'svg',
  'math',
  'frame',
  'frameset',
  'textarea',
  'select',
  'title',
]);
const ATTRIBUTES = new Set([
  'class',
  'style',
  'id',
  'title',
  'alt',
  'width',
  'height',
  'colspan',
  'rowspan',
  'align',
  'valign',
  'span',
  'start',
  'type',
  'color',
  'size',
  'face',
  'dir',
]);
const SAFE_IMAGE = /^(https?:\/\/|data:image\/(png|gif|jpe?g|webp);)/i;

export type RichTextNode =
  | { type: 'text'; text: string }
  | { type?: 'node'; name: string; attrs?: Record<string, unknown>; children?: RichTextNode[] };

function safeAttribute(tag: string, name: string, value: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower === 'src') return tag === 'img' && SAFE_IMAGE.test(value.trim()) ? value.trim() : undefined;
  if (!ATTRIBUTES.has(lower)) return undefined;
  if (lower === 'style') return safeStyle(value);
  return /javascript:|data:text/i.test(value) ? undefined : value;
}

/** Builds sanitised DOM for `nodes` (a HTML string or the dialects' node array) into `parent`. */
export function renderRichText(document: Document, parent: Element, nodes: unknown): void {
  parent.replaceChildren();
  if (typeof nodes === 'string') {
    // DOMParser makes an inert document: nothing in it loads or runs while it is walked.
    const parsed = new document.defaultView!.DOMParser().parseFromString(nodes, 'text/html');
    for (const child of Array.from(parsed.body.childNodes)) appendParsed(document, parent, child);
    return;
  }
  if (Array.isArray(nodes)) for (const node of nodes) appendNode(document, parent, node as RichTextNode, 0);
}

function appendParsed(document: Document, parent: Element, node: Node): void {
  if (node.nodeType === 3) {
    parent.append(document.createTextNode(node.textContent ?? ''));
    return;
  }
  if (node.nodeType !== 1) return;
  const source = node as Element;
  const attrs: Record<string, string> = {};
  for (const attr of Array.from(source.attributes)) attrs[attr.name] = attr.value;
  appendNode(document, parent, { name: source.tagName.toLowerCase(), attrs, children: [] }, 0, () => {
    return Array.from(source.childNodes);
  });
}

function appendNode(
  document: Document,
  parent: Element,
  node: RichTextNode,
  depth: number,
  parsedChildren?: () => Node[],
): void {
  if (depth > 64 || node === null || typeof node !== 'object') return;
  if (node.type === 'text') {
    parent.append(document.createTextNode(String((node as { text?: unknown }).text ?? '')));
    return;
  }
  const name = String((node as { name?: unknown }).name ?? '').toLowerCase();
  if (DROP_WITH_CONTENT.has(name)) return;
  let target = parent;
  if (TAGS.has(name)) {
    const el = document.createElement(name === 'a' ? 'span' : name);
    for (const [attr, raw] of Object.entries((node as { attrs?: Record<string, unknown> }).attrs ?? {})) {
      if (typeof raw !== 'string' && typeof raw !== 'number') continue;
      const value = safeAttribute(name, attr, String(raw));
      if (value !== undefined) el.setAttribute(attr.toLowerCase(), value);
    }
    parent.append(el);
    target = el;
  }
  if (parsedChildren) {
    for (const child of parsedChildren()) appendParsed(document, target, child);
    return;
  }
  const children = (node as { children?: unknown }).children;
  if (Array.isArray(children))
    for (const child of children) appendNode(document, target, child as RichTextNode, depth + 1);
}
