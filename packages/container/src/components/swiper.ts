import { type BuiltinComponent, truthy } from '../view/index.ts';
import { componentElement } from './component-element.ts';

interface SwiperState {
  current: number;
  timer?: ReturnType<typeof setInterval>;
  dots: HTMLElement;
}

const swipers = new WeakMap<Element, SwiperState>();

function itemsOf(el: Element): HTMLElement[] {
  return Array.from(el.children).filter(
    (c): c is HTMLElement => c.getAttribute('data-plaza') === 'swiper-item',
  );
}

/** Moves to `index` (wrapping when circular); `source` names what moved it for `change`. */
function show(el: HTMLElement, state: SwiperState, index: number, circular: boolean): number {
  const count = itemsOf(el).length;
  if (count === 0) return 0;
  const next = circular ? (index + count) % count : Math.max(0, Math.min(count - 1, index));
  state.current = next;
  el.style.setProperty('--plaza-swiper-current', String(next));
  itemsOf(el).forEach((item, i) => {
    item.setAttribute('aria-hidden', String(i !== next));
    item.setAttribute('aria-roledescription', 'slide');
    item.setAttribute('aria-label', `${i + 1} of ${count}`);
  });
  state.dots.replaceChildren(
    ...itemsOf(el).map((_, i) => {
      const dot = el.ownerDocument.createElement('i');
      if (i === next) dot.setAttribute('data-active', '');
      return dot;
    }),
  );
  return next;
}

/**
 * `swiper`: slides its `swiper-item`s (CSS transforms driven by `--plaza-swiper-current`),
 * swiped by pointer, arrow keys or autoplay; `change` carries `{ current, source }`.
 */
export const swiper: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'div', 'swiper');
    el.setAttribute('role', 'region');
    el.setAttribute('aria-roledescription', 'carousel');
    el.tabIndex = 0;
    const dots = ctx.document.createElement('div');
    dots.setAttribute('data-plaza', 'swiper-dots');
    dots.setAttribute('aria-hidden', 'true');
    el.append(dots);
    const state: SwiperState = { current: 0, dots };
    swipers.set(el, state);
    const move = (delta: number, source: string) => {
      const before = state.current;
      const now = show(el, state, before + delta, truthy(ctx.attrs().circular));
      if (now !== before)
        ctx.emit('change', {
          current: now,
          currentItemId: itemsOf(el)[now]?.getAttribute('data-item-id') ?? '',
          source,
        });
    };
    let startX: number | undefined;
    el.addEventListener('pointerdown', (event) => {
      startX = event.clientX;
    });
    el.addEventListener('pointerup', (event) => {
      if (startX === undefined) return;
      const dx = event.clientX - startX;
      startX = undefined;
      if (Math.abs(dx) > 40) move(dx < 0 ? 1 : -1, 'touch');
    });
    el.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight') move(1, 'touch');
      if (event.key === 'ArrowLeft') move(-1, 'touch');
    });
    el.addEventListener('plaza-autoplay', () => move(1, 'autoplay'));
    return el;
  },
  handles: [
    'current',
    'autoplay',
    'interval',
    'duration',
    'circular',
    'indicator-dots',
    'indicator-color',
    'indicator-active-color',
    'vertical',
    'current-item-id',
  ],
  update(element, attrs, previous) {
    const el = element as HTMLElement;
    const state = swipers.get(el)!;
    el.toggleAttribute('data-vertical', truthy(attrs.vertical));
    state.dots.hidden = !truthy(attrs['indicator-dots']);
    if (typeof attrs['indicator-active-color'] === 'string')
      el.style.setProperty('--plaza-dot-active', attrs['indicator-active-color']);
    if (typeof attrs['indicator-color'] === 'string')
      el.style.setProperty('--plaza-dot', attrs['indicator-color']);
    el.style.setProperty('--plaza-swiper-duration', `${Number(attrs.duration ?? 500)}ms`);
    // Items render after the swiper itself: position once they are in.
    queueMicrotask(() => {
      const wanted = attrs.current !== previous.current ? Number(attrs.current ?? 0) : state.current;
      show(el, state, wanted, truthy(attrs.circular));
    });
    const autoplay = truthy(attrs.autoplay);
    const interval = Number(attrs.interval ?? 5000);
    if (autoplay !== truthy(previous.autoplay) || attrs.interval !== previous.interval) {
      if (state.timer !== undefined) clearInterval(state.timer);
      state.timer = undefined;
      if (autoplay) {
        state.timer = setInterval(
          () => {
            if (!el.isConnected) return clearInterval(state.timer);
            el.dispatchEvent(new el.ownerDocument.defaultView!.Event('plaza-autoplay'));
          },
          Math.max(100, interval),
        );
      }
    }
  },
};

export const swiperItem: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'div', 'swiper-item');
    el.setAttribute('role', 'group');
    return el;
  },
  handles: ['item-id'],
  update(element, attrs) {
    element.setAttribute('data-item-id', typeof attrs['item-id'] === 'string' ? attrs['item-id'] : '');
  },
};
