/**
 * What the automator does to an element of a page's view, with the DOM alone: the same
 * functions run on the simulator's light DOM (called from Node) and, bundled as one script,
 * inside a page frame in Chromium. Tag names and classes are given back as the author wrote
 * them (`view`, `.card`), not as the view renders them (`div[data-plaza="view"]`, a scoped class).
 */

/** Class prefixes the compiler adds for style isolation, and classes it puts on component hosts. */
export interface StyleScopes {
  prefixes: string[];
  hostClasses: string[];
}

/** An answer the server turns into a coded refusal. */
export interface ViewRefusal {
  refused: 'AUTOMATOR_BAD_PARAMS';
  args: string[];
}

/** Attributes the view keeps for itself: never part of the author's WXML. */
const BOOKKEEPING = new Set(['data-plaza', 'data-instance', 'role', 'tabindex']);

function tagOf(el: Element): string {
  return el.getAttribute('data-plaza') ?? el.tagName.toLowerCase();
}

function authoredClasses(value: string, scopes: StyleScopes): string {
  const names: string[] = [];
  for (const name of value.split(/\s+/).filter(Boolean)) {
    if (scopes.hostClasses.includes(name)) continue;
    const prefix = scopes.prefixes.find((p) => name.startsWith(p));
    const authored = prefix ? name.slice(prefix.length) : name;
    if (!names.includes(authored)) names.push(authored);
  }
  return names.join(' ');
}

function field(el: Element): HTMLInputElement | HTMLTextAreaElement | null {
  return el.matches('input, textarea') ? (el as HTMLInputElement) : el.querySelector('input, textarea');
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function wxmlOf(node: Node, scopes: StyleScopes): string {
  if (node.nodeType === 3) return escapeText(node.textContent ?? '');
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  // A built-in's own inner structure (an input's <input>, a button's label box) is not the author's.
  const attrs: string[] = [];
  for (const attr of Array.from(el.attributes)) {
    if (BOOKKEEPING.has(attr.name) || attr.name.startsWith('aria-')) continue;
    const value = attr.name === 'class' ? authoredClasses(attr.value, scopes) : attr.value;
    if (attr.name === 'class' && !value) continue;
    attrs.push(` ${attr.name}="${value.replace(/"/g, '&quot;')}"`);
  }
  const tag = tagOf(el);
  return `<${tag}${attrs.join('')}>${innerWxml(el, scopes)}</${tag}>`;
}

function innerWxml(el: Element, scopes: StyleScopes): string {
  return Array.from(el.childNodes)
    .map((child) => wxmlOf(child, scopes))
    .join('');
}

function fire(el: Element, type: string, init: Record<string, unknown> = {}): void {
  const view = el.ownerDocument.defaultView as unknown as {
    Event: typeof Event;
    CustomEvent: typeof CustomEvent;
  };
  const event =
    'detail' in init
      ? new view.CustomEvent(type, { bubbles: true, cancelable: true, detail: init.detail })
      : new view.Event(type, { bubbles: true, cancelable: true });
  if (type.startsWith('mouse') || type === 'click') {
    // Where the pointer was, as a mouse event carries it: the view tells a tap from a drag by it.
    const box = 'getBoundingClientRect' in el ? el.getBoundingClientRect() : undefined;
    const x = box ? box.left + box.width / 2 : 0;
    const y = box ? box.top + box.height / 2 : 0;
    for (const [key, value] of Object.entries({
      clientX: x,
      clientY: y,
      pageX: x,
      pageY: y,
      screenX: x,
      screenY: y,
    }))
      Object.defineProperty(event, key, { value });
  }
  el.dispatchEvent(event);
}

export const viewAgent = {
  /** The tag as the author wrote it, and the view's id of a custom component's instance. */
  describe(el: Element): { tagName: string; instance: string | null } {
    const builtin = el.hasAttribute('data-plaza');
    return { tagName: tagOf(el), instance: builtin ? null : el.getAttribute('data-instance') };
  },

  wxml(el: Element, outer: boolean, scopes: StyleScopes): string {
    return outer ? wxmlOf(el, scopes) : innerWxml(el, scopes);
  },

  attributes(el: Element, names: string[], scopes: StyleScopes): Array<string | null> {
    return names.map((name) => {
      const value = el.getAttribute(name);
      return name === 'class' && value !== null ? authoredClasses(value, scopes) : value;
    });
  },

  styles(el: Element, names: string[]): string[] {
    const style = el.ownerDocument.defaultView!.getComputedStyle(el);
    return names.map((name) => style.getPropertyValue(name));
  },

  offset(el: Element): { left: number; top: number } {
    const box = el.getBoundingClientRect();
    const view = el.ownerDocument.defaultView!;
    return { left: box.left + view.scrollX, top: box.top + view.scrollY };
  },

  domProperties(el: Element, names: string[]): unknown[] {
    return names.map((name) => {
      const value = (el as unknown as Record<string, unknown>)[name];
      return typeof value === 'object' || typeof value === 'function' ? null : (value ?? null);
    });
  },

  /**
   * A built-in's properties (`value`, `checked`, `disabled`…) as its form field holds them;
   * `__propPublic` names those the client may ask for.
   */
  properties(el: Element, names: string[]): unknown[] {
    const input = field(el);
    const known: Record<string, unknown> = {
      value: input ? input.value : (el.getAttribute('value') ?? null),
      disabled: input ? input.disabled : el.getAttribute('aria-disabled') === 'true',
      checked: el.getAttribute('aria-checked') === null ? null : el.getAttribute('aria-checked') === 'true',
      placeholder: input?.getAttribute('placeholder') ?? null,
    };
    return names.map((name) =>
      name === '__propPublic'
        ? Object.fromEntries(Object.keys(known).map((key) => [key, true]))
        : (known[name] ?? null),
    );
  },

  /** A tap as the view sees a pointer's: down, up, click. */
  tap(el: Element): void {
    fire(el, 'mousedown');
    fire(el, 'mouseup');
    fire(el, 'click');
  },

  /** Types into an `input`/`textarea` as a keyboard would: the value, then `input`. */
  input(el: Element, value: string): ViewRefusal | null {
    const target = field(el);
    if (!target)
      return { refused: 'AUTOMATOR_BAD_PARAMS', args: ['Element.input', `<${tagOf(el)}> takes no text`] };
    target.value = value;
    fire(target, 'input');
    return null;
  },

  /** A template event (`bind<type>`) fired on the element as its component would fire it. */
  trigger(el: Element, type: string, detail: unknown): void {
    fire(el, 'plaza-trigger', { detail: { type, detail: detail ?? {} } });
  },

  /** The client's per-component helpers (`input.input`, `switch.tap`…). */
  callFunction(el: Element, name: string, args: unknown[]): ViewRefusal | null {
    switch (name) {
      case 'input.input':
      case 'textarea.input':
        return viewAgent.input(el, String(args[0] ?? ''));
      case 'switch.tap':
        viewAgent.tap(el);
        return null;
      default:
        return { refused: 'AUTOMATOR_BAD_PARAMS', args: ['Element.callFunction', `no helper "${name}"`] };
    }
  },
};

export type ViewAgent = typeof viewAgent;
export type ViewOperation = keyof ViewAgent;
