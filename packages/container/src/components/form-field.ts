/**
 * What `<form>` needs of a control: its `name`, its current value and how to reset it.
 * Controls register their element here; the form walks its subtree and asks each one.
 */
export interface FormField {
  name(): string;
  value(): unknown;
  reset(): void;
}

const fields = new WeakMap<Element, FormField>();

export function registerField(element: Element, field: FormField): void {
  fields.set(element, field);
}

export function fieldOf(element: Element): FormField | undefined {
  return fields.get(element);
}

/** The named controls under `root`, outermost first (a group hides its own options). */
export function fieldsUnder(root: Element): FormField[] {
  const found: FormField[] = [];
  const walk = (node: Element) => {
    for (const child of Array.from(node.children)) {
      const field = fields.get(child);
      if (field) {
        if (field.name()) found.push(field);
        continue;
      }
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** Asks the enclosing `<form>` to submit or reset (what `form-type` buttons do). */
export const FORM_ACTION = 'plaza-form-action';

export function requestFormAction(from: Element, action: 'submit' | 'reset'): void {
  const view = from.ownerDocument.defaultView;
  if (!view) return;
  from.dispatchEvent(new view.CustomEvent(FORM_ACTION, { bubbles: true, detail: action }));
}

export function stringAttr(value: unknown, fallback = ''): string {
  return value === undefined || value === null ? fallback : String(value);
}
