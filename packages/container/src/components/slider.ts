import { type BuiltinComponent, truthy } from '../view/index.ts';
import { componentElement } from './component-element.ts';
import { registerField, stringAttr } from './form-field.ts';

/**
 * `slider`: a native range input (keyboard and screen readers for free) with the dialects'
 * events: `changing` while dragging, `change` when let go, both `{ value }`.
 */
export const slider: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'div', 'slider');
    const range = ctx.document.createElement('input');
    range.type = 'range';
    const shown = ctx.document.createElement('span');
    shown.setAttribute('data-plaza', 'slider-value');
    el.append(range, shown);
    const value = () => Number(range.value);
    range.addEventListener('input', () => {
      shown.textContent = range.value;
      ctx.emit('changing', { value: value() });
    });
    range.addEventListener('change', () => ctx.emit('change', { value: value() }));
    registerField(el, {
      name: () => stringAttr(ctx.attrs().name),
      value,
      reset: () => {
        range.value = stringAttr(ctx.attrs().min, '0');
      },
    });
    return el;
  },
  handles: [
    'min',
    'max',
    'step',
    'value',
    'disabled',
    'show-value',
    'activeColor',
    'active-color',
    'block-size',
    'name',
  ],
  update(element, attrs, previous) {
    const range = element.querySelector('input')!;
    const shown = element.querySelector('span')!;
    range.min = stringAttr(attrs.min, '0');
    range.max = stringAttr(attrs.max, '100');
    range.step = stringAttr(attrs.step, '1');
    range.disabled = truthy(attrs.disabled);
    if (attrs.value !== previous.value || range.dataset.ready === undefined) {
      range.value = stringAttr(attrs.value, range.min);
      range.dataset.ready = '';
    }
    shown.hidden = !truthy(attrs['show-value']);
    shown.textContent = range.value;
    const color = attrs['active-color'] ?? attrs.activeColor;
    if (typeof color === 'string') range.style.accentColor = color;
  },
  model: { value: 'change' },
};
