/**
 * The 2016 feedback components, still used by old programs: `loading`, `toast`, `modal` and
 * `action-sheet` (its items are in `action-sheet-items.ts`). Each shows its children (the
 * message, the items) and is driven by the program through `hidden`. Loaded on first use:
 * few programs have them, so no page frame parses them at boot.
 */

// From its own module: the view's index would bring the whole view into this bundle.
import { truthy } from '../../view/builtins/builtin-registry.ts';
import type { BuiltinContext } from '../../view/index.ts';
import { SHEET_CANCEL } from '../action-sheet-items.ts';
import { stringAttr } from '../form-field.ts';
import { defineLazyComponent, type LazyComponent } from '../lazy-component.ts';
import { part, shadowChrome } from '../shadow-chrome.ts';

const BOX = `:host { position: fixed; z-index: 5000; left: 50%; top: 45%; transform: translate(-50%, -50%); min-width: 120px; max-width: 70%; padding: 16px 14px; box-sizing: border-box; border-radius: 8px; background: rgba(17,17,17,.78); color: #fff; font-size: 15px; text-align: center; }
:host([hidden]) { display: none; }
[part="spinner"] { display: block; width: 34px; height: 34px; margin: 4px auto 10px; border: 3px solid rgba(255,255,255,.35); border-top-color: #fff; border-radius: 50%; animation: spin .8s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { [part="spinner"] { animation-duration: 3s; } }`;

/** A message box announced politely to screen readers: `loading` and `toast`. */
function statusBox(el: HTMLElement, chrome: string): void {
  el.setAttribute('role', 'status');
  el.setAttribute('aria-live', 'polite');
  shadowChrome(el, BOX, chrome);
}

const nothing = () => {};

/** `loading`: a spinner and its message. */
const loading: LazyComponent = {
  mount: (el) => statusBox(el, '<span part="spinner" aria-hidden="true"></span><slot></slot>'),
  update: nothing,
};

/** `toast`: its message for `duration` ms (1500), then `change` asks the program to hide it. */
const toast: LazyComponent = {
  mount: (el) => statusBox(el, '<span part="icon" aria-hidden="true">✓</span><div><slot></slot></div>'),
  update(element, attrs, previous, ctx) {
    const shown = !truthy(attrs.hidden);
    const was = !truthy(previous.hidden) && Object.keys(previous).length > 0;
    if (!shown || was) return;
    const duration = Number(attrs.duration ?? 1500);
    const view = element.ownerDocument.defaultView;
    view?.setTimeout(() => ctx.emit('change', { value: false }), Number.isFinite(duration) ? duration : 1500);
  },
};

const DIALOG = `:host { position: fixed; inset: 0; z-index: 5000; display: flex; align-items: center; justify-content: center; background: rgba(0,0,0,.6); }
:host([hidden]) { display: none; }
[part="panel"] { width: 80%; max-width: 300px; border-radius: 12px; background: #fff; color: #111; text-align: center; overflow: hidden; }
[part="title"] { margin: 0; padding: 24px 24px 8px; font-size: 17px; font-weight: 700; }
[part="title"]:empty { display: none; }
[part="body"] { padding: 8px 24px 24px; color: rgba(0,0,0,.55); font-size: 15px; }
[part="buttons"] { display: flex; border-top: 1px solid rgba(0,0,0,.1); }
button { flex: 1; border: 0; background: none; font: inherit; font-size: 17px; padding: 14px 0; cursor: pointer; color: #111; }
button + button { border-left: 1px solid rgba(0,0,0,.1); }
[part="confirm"] { color: #576b95; font-weight: 700; }
button:focus-visible { outline: 2px solid #576b95; outline-offset: -2px; }
[part="cancel"][hidden] { display: none; }`;

/** `modal`: a titled dialog around its children with Confirm and (unless `no-cancel`) Cancel. */
const modal: LazyComponent = {
  mount(el, ctx) {
    const root = shadowChrome(
      el,
      DIALOG,
      `<div part="panel" role="dialog" aria-modal="true" aria-labelledby="title"><h2 part="title" id="title"></h2><div part="body"><slot></slot></div><div part="buttons"><button part="cancel" type="button"></button><button part="confirm" type="button"></button></div></div>`,
    );
    part(root, 'confirm').addEventListener('click', () => ctx.emit('confirm', {}));
    part(root, 'cancel').addEventListener('click', () => ctx.emit('cancel', {}));
    el.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !truthy(ctx.attrs()['no-cancel'])) ctx.emit('cancel', {});
    });
  },
  update(element, attrs, previous) {
    const root = element.shadowRoot!;
    part(root, 'title').textContent = stringAttr(attrs.title);
    part(root, 'confirm').textContent = stringAttr(attrs['confirm-text'], 'Confirm');
    part(root, 'cancel').textContent = stringAttr(attrs['cancel-text'], 'Cancel');
    part(root, 'cancel').hidden = truthy(attrs['no-cancel']);
    // Opening moves the focus into the dialog, as a screen-reader user expects.
    if (!truthy(attrs.hidden) && (truthy(previous.hidden) || Object.keys(previous).length === 0))
      queueMicrotask(() => part(root, 'confirm').focus());
  },
};

const SHEET = `:host { position: fixed; inset: 0; z-index: 5000; display: flex; flex-direction: column; justify-content: flex-end; background: rgba(0,0,0,.6); }
:host([hidden]) { display: none; }
[part="panel"] { background: #f7f7f7; border-radius: 12px 12px 0 0; overflow: hidden; padding-bottom: env(safe-area-inset-bottom); }`;

/**
 * `action-sheet`: a sheet of its items; a tap on the mask or on `action-sheet-cancel` (or
 * Escape) fires `change` so the program hides it.
 */
const actionSheet: LazyComponent = {
  mount(el, ctx: BuiltinContext) {
    const root = shadowChrome(el, SHEET, '<div part="panel" role="menu"><slot></slot></div>');
    const dismiss = () => ctx.emit('change', { value: false });
    el.addEventListener('click', (event) => {
      if (event.target === el && !part(root, 'panel').contains(event.composedPath()[0] as Node)) dismiss();
    });
    el.addEventListener(SHEET_CANCEL, dismiss);
    el.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') dismiss();
    });
  },
  update: nothing,
};

defineLazyComponent('loading', loading);
defineLazyComponent('toast', toast);
defineLazyComponent('modal', modal);
defineLazyComponent('action-sheet', actionSheet);
