/**
 * Components about layering and conditions: `cover-view` and `cover-image` (on the platforms
 * they float over native map/video layers; here those are ordinary DOM, so a raised stacking
 * layer is enough), `root-portal`, `match-media` and `page-container`.
 */
import { type BuiltinComponent, setAttribute, truthy } from '../view/index.ts';
import { componentElement } from './component-element.ts';
import { stringAttr } from './form-field.ts';

/** `cover-view`: a view above native layers; `scroll-top` scrolls it. */
export const coverView: BuiltinComponent = {
  create: (ctx) => componentElement(ctx.document, 'div', 'cover-view'),
  handles: ['scroll-top', 'marker-id', 'slot'],
  update(element, attrs) {
    const top = Number(attrs['scroll-top']);
    if (Number.isFinite(top) && attrs['scroll-top'] !== undefined) (element as HTMLElement).scrollTop = top;
  },
};

/** `cover-image`: an image above native layers, with `load`/`error`. */
export const coverImage: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'img', 'cover-image');
    el.addEventListener('load', () => ctx.emit('load', { width: el.naturalWidth, height: el.naturalHeight }));
    el.addEventListener('error', () => ctx.emit('error', { errMsg: `GET ${el.src} failed` }));
    return el;
  },
  handles: ['src', 'aria-label', 'referrer-policy'],
  update(element, attrs, previous) {
    const el = element as HTMLImageElement;
    el.alt = stringAttr(attrs['aria-label']);
    // Setting the same src again reloads the image and fires `load` again: a handler that
    // calls setData would then loop.
    if (attrs.src !== previous.src) setAttribute(el, 'src', attrs.src);
  },
};

/**
 * `root-portal`: its children leave every ancestor's stacking context, clip and transform, as
 * if written at the page root: the element goes to the browser's top layer (a manual popover).
 */
export const rootPortal: BuiltinComponent = {
  create: (ctx) => componentElement(ctx.document, 'div', 'root-portal'),
  handles: ['enable'],
  update(element, attrs) {
    const el = element as HTMLElement;
    const enable = attrs.enable === undefined || truthy(attrs.enable);
    if (enable && !el.hasAttribute('popover')) {
      el.setAttribute('popover', 'manual');
      // A popover can only open once it is in the document: the view inserts it after update.
      queueMicrotask(() => {
        if (el.isConnected && el.hasAttribute('popover')) el.showPopover();
      });
    } else if (!enable && el.hasAttribute('popover')) {
      if (el.matches(':popover-open')) el.hidePopover();
      el.removeAttribute('popover');
    }
  },
};

const MEDIA_FEATURES: readonly [string, string][] = [
  ['min-width', 'min-width'],
  ['max-width', 'max-width'],
  ['width', 'width'],
  ['min-height', 'min-height'],
  ['max-height', 'max-height'],
  ['height', 'height'],
];

/** The media query of a `match-media`'s attributes (numbers are px); '' matches always. */
export function mediaQueryOf(attrs: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [attr, feature] of MEDIA_FEATURES) {
    const value = Number(attrs[attr]);
    if (attrs[attr] !== undefined && attrs[attr] !== '' && Number.isFinite(value))
      parts.push(`(${feature}: ${value}px)`);
  }
  if (attrs.orientation === 'landscape' || attrs.orientation === 'portrait')
    parts.push(`(orientation: ${attrs.orientation})`);
  return parts.join(' and ');
}

/** `match-media`: its children only while the page matches the attributes' media query. */
export const matchMedia: BuiltinComponent = {
  create: (ctx) => componentElement(ctx.document, 'div', 'match-media'),
  handles: ['min-width', 'max-width', 'width', 'min-height', 'max-height', 'height', 'orientation'],
  update(element, attrs) {
    const el = element as HTMLElement & { __plazaMedia?: MediaQueryList };
    const query = mediaQueryOf(attrs);
    if (el.__plazaMedia?.media === (query || 'all')) return;
    const view = el.ownerDocument.defaultView;
    if (!view) return;
    const list = view.matchMedia(query || 'all');
    const apply = () => el.toggleAttribute('data-unmatched', !list.matches);
    list.addEventListener('change', () => {
      if (el.__plazaMedia === list) apply();
    });
    el.__plazaMedia = list;
    apply();
  },
};

/**
 * `page-container`: a layer over the page (a modal `<dialog>`: focus stays inside, Escape
 * closes) opened by `show`, with the enter/leave events in the platforms' order; a tap on the
 * overlay fires `clickoverlay`.
 */
export const pageContainer: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'dialog', 'page-container');
    el.addEventListener('cancel', (event) => {
      // Escape is the keyboard's back gesture: the program decides, through `show`.
      event.preventDefault();
      leave(el, ctx.emit);
    });
    el.addEventListener('click', (event) => {
      if (event.target !== el) return;
      const box = el.getBoundingClientRect();
      const inside =
        event.clientX >= box.left &&
        event.clientX <= box.right &&
        event.clientY >= box.top &&
        event.clientY <= box.bottom;
      if (!inside && truthy(ctx.attrs().overlay ?? true)) ctx.emit('clickoverlay', {});
    });
    return el;
  },
  handles: ['show', 'duration', 'z-index', 'overlay', 'position', 'round', 'close-on-slide-down'],
  update(element, attrs, previous, ctx) {
    const el = element as HTMLDialogElement;
    el.setAttribute('data-position', stringAttr(attrs.position, 'bottom'));
    el.toggleAttribute('data-round', truthy(attrs.round));
    el.toggleAttribute('data-no-overlay', attrs.overlay !== undefined && !truthy(attrs.overlay));
    const show = truthy(attrs.show);
    if (show === truthy(previous.show) && Object.keys(previous).length > 0) return;
    queueMicrotask(() => {
      if (show && !el.open && el.isConnected) {
        ctx.emit('beforeenter', {});
        el.showModal();
        ctx.emit('enter', {});
        ctx.emit('afterenter', {});
      } else if (!show && el.open) {
        el.close();
        ctx.emit('leave', {});
        ctx.emit('afterleave', {});
      }
    });
  },
};

function leave(el: HTMLDialogElement, emit: (type: string, detail: unknown) => void): void {
  if (!el.open) return;
  emit('beforeleave', {});
}
