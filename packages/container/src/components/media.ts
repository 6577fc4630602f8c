import { type BuiltinComponent, setAttribute, truthy } from '../view/index.ts';
import { isTransferred } from '../view/query/node-handles.ts';
import { fitCanvas } from './canvas/canvas-size.ts';
import { answerContext } from './component-context.ts';
import { componentElement } from './component-element.ts';
import { renderRichText } from './rich-text-sanitiser.ts';

/**
 * `image`: the dialects' modes (drawn by the stylesheet from `data-mode`, so a template's own
 * `style` is never overwritten), `lazy-load`, and `load`/`error` with the natural size.
 */
export const image: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'img', 'image');
    el.addEventListener('load', () => ctx.emit('load', { width: el.naturalWidth, height: el.naturalHeight }));
    el.addEventListener('error', () => ctx.emit('error', { errMsg: `GET ${el.src} failed` }));
    return el;
  },
  handles: ['src', 'mode', 'lazy-load', 'show-menu-by-longpress', 'webp', 'fade-in', 'aria-label'],
  update(element, attrs, previous) {
    const el = element as HTMLImageElement;
    el.loading = truthy(attrs['lazy-load']) ? 'lazy' : 'eager';
    el.setAttribute('data-mode', typeof attrs.mode === 'string' ? attrs.mode : 'scaleToFill');
    el.alt = typeof attrs['aria-label'] === 'string' ? attrs['aria-label'] : '';
    // The same src set again reloads the image and fires `load` again (a setData loop).
    if (attrs.src !== previous.src) setAttribute(el, 'src', attrs.src);
  },
};

/** `rich-text`: `nodes` as a HTML string or node array, always through the sanitiser. */
export const richText: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'div', 'rich-text');
    return el;
  },
  handles: ['nodes', 'space', 'user-select'],
  update(element, attrs, previous, ctx) {
    if (attrs.nodes !== previous.nodes || element.childNodes.length === 0)
      renderRichText(ctx.document, element, attrs.nodes);
  },
};

/** `video`: a native player; events carry the dialects' details. */
export const video: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'video', 'video');
    el.setAttribute('playsinline', '');
    el.addEventListener('play', () => ctx.emit('play', {}));
    el.addEventListener('pause', () => ctx.emit('pause', {}));
    el.addEventListener('ended', () => ctx.emit('ended', {}));
    el.addEventListener('timeupdate', () =>
      ctx.emit('timeupdate', { currentTime: el.currentTime, duration: el.duration || 0 }),
    );
    el.addEventListener('error', () => ctx.emit('error', { errMsg: 'video load failed' }));
    // A VideoContext reached through a selector query's `context` field.
    answerContext(el, {
      play: () => el.play().then(() => ({})),
      pause: () => el.pause(),
      stop: () => {
        el.pause();
        el.currentTime = 0;
      },
      seek: ({ position }) => {
        el.currentTime = Number(position) || 0;
      },
      playbackRate: ({ rate }) => {
        el.playbackRate = Number(rate) || 1;
      },
      requestFullScreen: () => el.requestFullscreen(),
      exitFullScreen: () => (ctx.document.fullscreenElement ? ctx.document.exitFullscreen() : undefined),
    });
    return el;
  },
  handles: ['src', 'autoplay', 'loop', 'muted', 'controls', 'poster', 'object-fit', 'initial-time'],
  update(element, attrs) {
    const el = element as HTMLVideoElement;
    setAttribute(el, 'src', attrs.src);
    setAttribute(el, 'poster', attrs.poster);
    el.autoplay = truthy(attrs.autoplay);
    el.loop = truthy(attrs.loop);
    el.muted = truthy(attrs.muted);
    el.controls = attrs.controls === undefined ? true : truthy(attrs.controls);
    el.style.objectFit =
      attrs['object-fit'] === 'fill' ? 'fill' : attrs['object-fit'] === 'cover' ? 'cover' : 'contain';
  },
};

/**
 * `canvas`: a legacy canvas (`canvas-id`) the logic's `CanvasContext` draws on through the
 * view, or a `type="2d"`/`"webgl"` canvas whose node a selector query hands to the logic as an
 * OffscreenCanvas. Its pixels follow its box at the device's ratio until it is handed over.
 */
export const canvas: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'canvas', 'canvas');
    return el;
  },
  handles: ['type', 'canvas-id', 'disable-scroll'],
  update(element, attrs) {
    const el = element as HTMLCanvasElement;
    if (attrs.type === '2d' || attrs.type === 'webgl') el.setAttribute('data-type', attrs.type);
    else el.removeAttribute('data-type');
    if (typeof attrs['canvas-id'] === 'string') el.dataset.canvasId = attrs['canvas-id'];
    else delete el.dataset.canvasId;
    // Handed to the logic, its pixels are the logic's to size.
    queueMicrotask(() => {
      if (!isTransferred(el)) fitCanvas(el);
    });
  },
};

/**
 * `web-view`: shows a page of a business domain the app declared, and refuses any other
 * (the frame's CSP `frame-src` refuses it too). A refusal fires `error` with the url.
 */
export function webView(allowedOrigins: readonly string[]): BuiltinComponent {
  return {
    create(ctx) {
      const el = componentElement(ctx.document, 'div', 'web-view');
      return el;
    },
    handles: ['src'],
    update(element, attrs, previous, ctx) {
      if (attrs.src === previous.src && element.childNodes.length > 0) return;
      const src = typeof attrs.src === 'string' ? attrs.src : '';
      let origin = '';
      try {
        const url = new URL(src);
        origin = url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : '';
      } catch {
        origin = '';
      }
      if (!origin || !allowedOrigins.includes(origin)) {
        const refusal = ctx.document.createElement('p');
        refusal.setAttribute('data-plaza', 'web-view-refused');
        refusal.setAttribute('role', 'alert');
        refusal.textContent = `This page cannot be opened: ${origin || src || 'no address'} is not a business domain of this mini program.`;
        element.replaceChildren(refusal);
        ctx.emit('error', { url: src, errMsg: 'web-view:fail domain not allowed' });
        return;
      }
      const frame = ctx.document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts allow-forms allow-same-origin');
      frame.setAttribute('referrerpolicy', 'no-referrer');
      frame.setAttribute('title', 'web page');
      frame.src = src;
      frame.addEventListener('load', () => ctx.emit('load', { src }));
      element.replaceChildren(frame);
    },
  };
}
