/**
 * Prints a rendered tree as stable, readable markup: one element per line, indented,
 * attributes sorted, whitespace collapsed, an element holding only text kept on one line.
 * The caller leaves out the attributes the view layer uses for its own bookkeeping, so a
 * snapshot changes only when what the user sees changes.
 *
 * @example
 * snapshotOf(root) // '<view class="shop">\n  <text class="shop__name">Plaza Noodle House</text>\n</view>'
 */
export function snapshotOf(root: Node, options: SnapshotOptions = {}): string {
  const lines: string[] = [];
  const attribute = options.attribute ?? defaultAttribute;
  const tagName = options.tagName ?? ((el: Element) => el.tagName.toLowerCase());
  const walk = (node: Node, depth: number): void => {
    const pad = '  '.repeat(depth);
    if (node.nodeType === TEXT_NODE) {
      const text = collapse(node.textContent ?? '');
      if (text) lines.push(`${pad}${text}`);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== FRAGMENT_NODE) return;
    if (node.nodeType === FRAGMENT_NODE) {
      for (const child of Array.from(node.childNodes)) walk(child, depth);
      return;
    }
    const el = node as Element;
    if (options.skip?.(el)) return;
    const tag = tagName(el);
    const attrs = Array.from(el.attributes)
      .map((a) => [a.name, attribute(a.name, a.value)] as const)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => (value === '' ? name : `${name}="${collapse(value!)}"`))
      .sort()
      .join(' ');
    const open = `<${tag}${attrs ? ` ${attrs}` : ''}`;
    const children = Array.from(el.childNodes).filter(
      (c) => c.nodeType !== TEXT_NODE || collapse(c.textContent ?? '') !== '',
    );
    if (children.length === 0) {
      lines.push(`${pad}${open} />`);
    } else if (children.every((c) => c.nodeType === TEXT_NODE)) {
      lines.push(`${pad}${open}>${collapse(children.map((c) => c.textContent).join(''))}</${tag}>`);
    } else {
      lines.push(`${pad}${open}>`);
      for (const child of children) walk(child, depth + 1);
      lines.push(`${pad}</${tag}>`);
    }
  };
  walk(root, 0);
  return lines.join('\n');
}

export interface SnapshotOptions {
  /** The value to print for an attribute, or undefined to leave it out (default: all but `style`). */
  attribute?: (name: string, value: string) => string | undefined;
  /** How to name an element (e.g. to map a rendered tag back to the template's). */
  tagName?: (el: Element) => string;
  /** Elements to leave out with their subtree. */
  skip?: (el: Element) => boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const FRAGMENT_NODE = 11;

function defaultAttribute(name: string, value: string): string | undefined {
  return name === 'style' ? undefined : value;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
