import { type BuiltinComponent, truthy } from '../view/index.ts';
import { activatable, setDisabled } from './accessible.ts';
import { componentElement } from './component-element.ts';
import { registerField, stringAttr } from './form-field.ts';

type Kind = 'checkbox' | 'radio';

const state = new WeakMap<Element, { checked: boolean; value: string; disabled: boolean }>();

function groupOf(element: Element, kind: Kind): Element | null {
  return element.parentElement?.closest(`[data-plaza="${kind}-group"]`) ?? null;
}

function optionsIn(group: Element, kind: Kind): HTMLElement[] {
  return Array.from(group.querySelectorAll<HTMLElement>(`[data-plaza="${kind}"]`)).filter(
    (el) => groupOf(el, kind) === group,
  );
}

function setChecked(element: HTMLElement, checked: boolean): void {
  const s = state.get(element);
  if (s) s.checked = checked;
  element.setAttribute('aria-checked', String(checked));
}

/** The value a group reports: every checked checkbox, or the one checked radio. */
function groupValue(group: Element, kind: Kind): unknown {
  const checked = optionsIn(group, kind).filter((el) => state.get(el)?.checked);
  const values = checked.map((el) => state.get(el)!.value);
  return kind === 'checkbox' ? values : (values[0] ?? '');
}

/** `checkbox` and `radio`: an option that reports through its group's `change`. */
function option(kind: Kind): BuiltinComponent {
  return {
    create(ctx) {
      const el = activatable(componentElement(ctx.document, 'div', kind), kind);
      state.set(el, { checked: false, value: '', disabled: false });
      el.addEventListener('click', () => {
        const s = state.get(el)!;
        if (s.disabled) return;
        const group = groupOf(el, kind);
        if (kind === 'radio') {
          if (s.checked) return;
          if (group) for (const other of optionsIn(group, kind)) setChecked(other, false);
          setChecked(el, true);
        } else {
          setChecked(el, !s.checked);
        }
        group?.dispatchEvent(new ctx.document.defaultView!.Event('plaza-choice'));
      });
      return el;
    },
    handles: ['checked', 'value', 'disabled', 'color'],
    update(element, attrs, previous) {
      const el = element as HTMLElement;
      const s = state.get(el)!;
      s.value = stringAttr(attrs.value);
      s.disabled = truthy(attrs.disabled);
      setDisabled(el, s.disabled);
      if (attrs.checked !== previous.checked || !el.hasAttribute('aria-checked'))
        setChecked(el, truthy(attrs.checked));
      if (typeof attrs.color === 'string') el.style.setProperty('--plaza-choice-color', attrs.color);
    },
  };
}

/** `checkbox-group` and `radio-group`: `change` with `detail.value`, and a form field. */
function group(kind: Kind): BuiltinComponent {
  return {
    create(ctx) {
      const el = componentElement(ctx.document, 'div', `${kind}-group`);
      el.setAttribute('role', kind === 'radio' ? 'radiogroup' : 'group');
      el.addEventListener('plaza-choice', () => ctx.emit('change', { value: groupValue(el, kind) }));
      registerField(el, {
        name: () => stringAttr(ctx.attrs().name),
        value: () => groupValue(el, kind),
        reset: () => {
          for (const option of optionsIn(el, kind)) setChecked(option, false);
        },
      });
      return el;
    },
    handles: ['name'],
  };
}

/** `switch`: a toggle with `change` `{ value: boolean }`; `type="checkbox"` looks like a checkbox. */
export const switchComponent: BuiltinComponent = {
  create(ctx) {
    const el = activatable(componentElement(ctx.document, 'div', 'switch'), 'switch');
    el.setAttribute('aria-checked', 'false');
    el.addEventListener('click', () => {
      if (truthy(ctx.attrs().disabled)) return;
      const value = el.getAttribute('aria-checked') !== 'true';
      el.setAttribute('aria-checked', String(value));
      ctx.emit('change', { value });
    });
    registerField(el, {
      name: () => stringAttr(ctx.attrs().name),
      value: () => el.getAttribute('aria-checked') === 'true',
      reset: () => el.setAttribute('aria-checked', 'false'),
    });
    return el;
  },
  handles: ['checked', 'disabled', 'type', 'color', 'name'],
  update(element, attrs, previous) {
    const el = element as HTMLElement;
    setDisabled(el, truthy(attrs.disabled));
    if (attrs.checked !== previous.checked || !el.hasAttribute('data-ready')) {
      el.setAttribute('aria-checked', String(truthy(attrs.checked)));
      el.setAttribute('data-ready', '');
    }
    el.setAttribute('data-type', attrs.type === 'checkbox' ? 'checkbox' : 'switch');
    if (typeof attrs.color === 'string') el.style.setProperty('--plaza-choice-color', attrs.color);
  },
  model: { checked: 'change' },
};

/** `label`: a tap on it acts on the control it names (`for`) or the first control inside. */
export const label: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'div', 'label');
    el.addEventListener('click', (event) => {
      const target = event.target as Element;
      const controls =
        '[data-plaza="checkbox"],[data-plaza="radio"],[data-plaza="switch"],button,input,textarea';
      if (target.closest(controls)) return;
      const forId = ctx.attrs().for;
      const control =
        typeof forId === 'string' && forId
          ? ctx.document.getElementById(forId)
          : el.querySelector<HTMLElement>(controls);
      if (!control) return;
      if (control instanceof ctx.document.defaultView!.HTMLInputElement || control.tagName === 'TEXTAREA')
        control.focus();
      else control.click();
    });
    return el;
  },
  handles: ['for'],
};

export const checkbox = option('checkbox');
export const radio = option('radio');
export const checkboxGroup = group('checkbox');
export const radioGroup = group('radio');
