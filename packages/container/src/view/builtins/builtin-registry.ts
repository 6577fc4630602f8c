/** What a built-in component can do besides owning its element. */
export interface BuiltinContext {
  readonly document: Document;
  /** Fires a mini-program event from the element (`input`, `scroll`, `getphonenumber`…). */
  emit(type: string, detail: unknown, options?: { bubbles?: boolean; openType?: string }): void;
  /** Asks the logic's page stack to move (what `<navigator>` does). */
  navigate(openType: string, url?: string, delta?: number): void;
  /** Asks the host, through the logic, to open the customer-service chat (`open-type="contact"`). */
  contact(options: { path?: string; title?: string; showCard: boolean }): void;
  /** The attributes of the element's latest render. */
  attrs(): Record<string, unknown>;
}

/**
 * A built-in component: the DOM it renders to and how its native events become the
 * dialects' events. Register more with `builtins.define(tag, spec)`; the container's
 * `src/components/` fills in the full set (swiper, picker, …) that way.
 */
export interface BuiltinComponent {
  /** Creates the element and wires its DOM listeners (through `ctx.emit`). */
  create(ctx: BuiltinContext): Element;
  /**
   * Applies the attributes the generic pass does not know (`src`, `value`, `disabled`…);
   * called on every render with the previous attributes. Attributes listed in `handles`
   * are left to it; the rest (`class`, `style`, `id`, `hidden`, `data-*`) are set generically.
   */
  update?(
    element: Element,
    attrs: Record<string, unknown>,
    previous: Record<string, unknown>,
    ctx: BuiltinContext,
  ): void;
  handles?: readonly string[];
  /** `model:<attribute>` support: the event whose `detail.value` carries the new value. */
  model?: Readonly<Record<string, string>>;
}

/** Tag → built-in component. */
export class BuiltinRegistry {
  private readonly specs = new Map<string, BuiltinComponent>();

  constructor(base?: BuiltinRegistry) {
    if (base) for (const [tag, spec] of base.specs) this.specs.set(tag, spec);
  }

  define(tag: string, spec: BuiltinComponent): this {
    this.specs.set(tag, spec);
    return this;
  }

  get(tag: string): BuiltinComponent | undefined {
    return this.specs.get(tag);
  }

  tags(): string[] {
    return [...this.specs.keys()];
  }
}

/** An element that needs nothing but a tag (`view` → div). */
export function plainElement(tag: string, className?: string): BuiltinComponent {
  return {
    create: ({ document }) => {
      const el = document.createElement(tag);
      if (className) el.setAttribute('data-plaza', className);
      return el;
    },
  };
}

/** Sets or removes an attribute from a template value (`true` → present, `false`/null → absent). */
export function setAttribute(element: Element, name: string, value: unknown): void {
  if (value === undefined || value === null || value === false) element.removeAttribute(name);
  else if (value === true) element.setAttribute(name, '');
  else if (typeof value !== 'object' && typeof value !== 'function')
    element.setAttribute(name, String(value));
}

/** Template booleans arrive as booleans or strings (`disabled="{{false}}"`, `disabled="false"`). */
export function truthy(value: unknown): boolean {
  return (
    value === true ||
    (typeof value === 'string' && value !== 'false' && value !== '') ||
    (typeof value === 'number' && value !== 0)
  );
}
