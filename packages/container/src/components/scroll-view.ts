import { type BuiltinComponent, basicComponents, truthy } from '../view/index.ts';

const base = basicComponents().get('scroll-view')!;

/**
 * `scroll-view`: the basic scroller (scroll, scrolltolower/upper, scroll-top/left) plus
 * `scroll-into-view`, `scroll-with-animation` and the custom refresher
 * (`refresher-enabled`, `refresher-triggered`, `bindrefresherrefresh`).
 */
export const scrollView: BuiltinComponent = {
  ...base,
  create(ctx) {
    const el = base.create(ctx) as HTMLElement;
    el.tabIndex = 0;
    let startY: number | undefined;
    el.addEventListener('pointerdown', (event) => {
      startY = truthy(ctx.attrs()['refresher-enabled']) && el.scrollTop <= 0 ? event.clientY : undefined;
    });
    el.addEventListener('pointerup', (event) => {
      if (startY === undefined) return;
      const pulled = event.clientY - startY;
      startY = undefined;
      const threshold = Number(ctx.attrs()['refresher-threshold'] ?? 45);
      if (pulled >= threshold) {
        el.setAttribute('data-refreshing', '');
        ctx.emit('refresherrefresh', { dy: pulled });
      }
    });
    return el;
  },
  handles: [
    ...(base.handles ?? []),
    'scroll-into-view',
    'scroll-with-animation',
    'refresher-enabled',
    'refresher-triggered',
    'refresher-threshold',
    'enable-back-to-top',
    'enhanced',
    'show-scrollbar',
  ],
  update(element, attrs, previous, ctx) {
    const el = element as HTMLElement;
    el.style.scrollBehavior = truthy(attrs['scroll-with-animation']) ? 'smooth' : 'auto';
    base.update?.(element, attrs, previous, ctx);
    const target = attrs['scroll-into-view'];
    if (typeof target === 'string' && target && target !== previous['scroll-into-view']) {
      // The target may be among children rendered after this update.
      queueMicrotask(() => {
        const child = el.querySelector<HTMLElement>(`#${CSS.escape(target)}`);
        if (child) {
          if (truthy(attrs['scroll-y'])) el.scrollTop = child.offsetTop;
          if (truthy(attrs['scroll-x'])) el.scrollLeft = child.offsetLeft;
        }
      });
    }
    if (truthy(previous['refresher-triggered']) && !truthy(attrs['refresher-triggered'])) {
      el.removeAttribute('data-refreshing');
      ctx.emit('refresherrestore', {});
    }
    if (truthy(attrs['refresher-triggered'])) el.setAttribute('data-refreshing', '');
  },
};
