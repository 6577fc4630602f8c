import { type BuiltinComponent, basicComponents, setAttribute, truthy } from '../view/index.ts';
import { componentElement } from './component-element.ts';
import { FORM_ACTION, fieldsUnder, registerField, requestFormAction, stringAttr } from './form-field.ts';

/** The DOM event a share button raises for its page frame. */
export const SHARE_REQUEST = 'plaza-share';

/**
 * `form`: a `form-type="submit"` button inside fires `submit` with `detail.value` holding
 * every named control's value; `form-type="reset"` clears them and fires `reset`. Not a real
 * `<form>`: the frame's CSP forbids form submission anyway, and nothing should navigate.
 */
export const form: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'div', 'form');
    el.setAttribute('role', 'form');
    el.addEventListener(FORM_ACTION, (event) => {
      event.stopPropagation();
      const fields = fieldsUnder(el);
      if ((event as CustomEvent).detail === 'reset') {
        for (const field of fields) field.reset();
        ctx.emit('reset', {});
        return;
      }
      const value: Record<string, unknown> = {};
      for (const field of fields) value[field.name()] = field.value();
      ctx.emit('submit', { value, target: {} });
    });
    return el;
  },
  handles: ['report-submit'],
};

const basic = basicComponents();

/** `button`: the basic button plus `form-type`, `hover-class`, `open-type="share"|"contact"`. */
export const button: BuiltinComponent = {
  ...basic.get('button')!,
  create(ctx) {
    const el = basic.get('button')!.create(ctx) as HTMLButtonElement;
    el.addEventListener('click', () => {
      const attrs = ctx.attrs();
      if (truthy(attrs.disabled) || truthy(attrs.loading)) return;
      const formType = attrs['form-type'];
      if (formType === 'submit' || formType === 'reset') requestFormAction(el, formType);
      const openType = attrs['open-type'];
      if (openType === 'contact') ctx.emit('contact', {}, { openType: 'contact' });
      // Sharing asks the page (`onShareAppMessage`), which the page frame does for the button.
      if (openType === 'share')
        el.dispatchEvent(
          new ctx.document.defaultView!.CustomEvent(SHARE_REQUEST, { bubbles: true, detail: { id: el.id } }),
        );
    });
    const hover = (on: boolean) => {
      const cls = ctx.attrs()['hover-class'];
      const name = typeof cls === 'string' && cls !== 'none' ? cls : cls === 'none' ? '' : 'button-hover';
      if (name && !truthy(ctx.attrs().disabled))
        for (const c of name.split(/\s+/)) el.classList.toggle(c, on);
    };
    el.addEventListener('pointerdown', () => hover(true));
    for (const type of ['pointerup', 'pointerleave', 'pointercancel'])
      el.addEventListener(type, () => hover(false));
    return el;
  },
  handles: [...(basic.get('button')!.handles ?? []), 'hover-class', 'hover-stay-time', 'hover-start-time'],
  update(element, attrs, previous, ctx) {
    basic.get('button')!.update?.(element, attrs, previous, ctx);
    const el = element as HTMLButtonElement;
    el.setAttribute('aria-busy', String(truthy(attrs.loading)));
    el.type = attrs['form-type'] === 'submit' ? 'submit' : 'button';
  },
};

/** `input` / `textarea`: the basic fields plus `focus`, `name` (forms) and reset. */
function field(tag: 'input' | 'textarea'): BuiltinComponent {
  const base = basic.get(tag)!;
  return {
    ...base,
    create(ctx) {
      const el = base.create(ctx) as HTMLInputElement | HTMLTextAreaElement;
      el.setAttribute('data-plaza', tag);
      registerField(el, {
        name: () => stringAttr(ctx.attrs().name),
        value: () => el.value,
        reset: () => {
          el.value = '';
        },
      });
      return el;
    },
    handles: [...(base.handles ?? []), 'name', 'confirm-type', 'placeholder-class', 'auto-height'],
    update(element, attrs, previous, ctx) {
      base.update?.(element, attrs, previous, ctx);
      const el = element as HTMLInputElement;
      setAttribute(el, 'enterkeyhint', attrs['confirm-type'] ?? (tag === 'input' ? 'done' : undefined));
      setAttribute(el, 'aria-label', attrs.placeholder);
      const focus = truthy(attrs.focus) || truthy(attrs['auto-focus']);
      if (focus && !truthy(previous.focus) && el.ownerDocument.activeElement !== el)
        queueMicrotask(() => el.focus());
      if (!focus && truthy(previous.focus)) el.blur();
    },
  };
}

export const input = field('input');
export const textarea = field('textarea');
