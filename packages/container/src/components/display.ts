import { type BuiltinComponent, basicComponents, truthy } from '../view/index.ts';
import { activatable } from './accessible.ts';
import { componentElement } from './component-element.ts';
import { stringAttr } from './form-field.ts';

const ICONS: Record<string, { glyph: string; color: string; label: string }> = {
  success: { glyph: '✓', color: '#07c160', label: 'success' },
  success_no_circle: { glyph: '✓', color: '#07c160', label: 'success' },
  info: { glyph: 'i', color: '#10aeff', label: 'information' },
  warn: { glyph: '!', color: '#f76260', label: 'warning' },
  waiting: { glyph: '◷', color: '#10aeff', label: 'waiting' },
  cancel: { glyph: '✕', color: '#f43530', label: 'cancel' },
  download: { glyph: '↓', color: '#07c160', label: 'download' },
  search: { glyph: '⌕', color: '#b2b2b2', label: 'search' },
  clear: { glyph: '✕', color: '#b2b2b2', label: 'clear' },
};

/** `icon`: the dialects' icon set, drawn with text glyphs, labelled for screen readers. */
export const icon: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'span', 'icon');
    el.setAttribute('role', 'img');
    return el;
  },
  handles: ['type', 'size', 'color'],
  update(element, attrs) {
    const el = element as HTMLElement;
    const spec = ICONS[stringAttr(attrs.type)] ?? { glyph: '', color: '#999', label: stringAttr(attrs.type) };
    el.textContent = spec.glyph;
    el.setAttribute('aria-label', spec.label);
    el.setAttribute('data-type', stringAttr(attrs.type));
    const size = stringAttr(attrs.size, '23');
    el.style.setProperty('--plaza-icon-size', /^\d+(\.\d+)?$/.test(size) ? `${size}px` : size);
    el.style.setProperty('--plaza-icon-color', stringAttr(attrs.color, spec.color));
  },
};

/** `progress`: a bar with `role="progressbar"` and `aria-valuenow`; `show-info` prints the percent. */
export const progress: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'div', 'progress');
    el.setAttribute('role', 'progressbar');
    el.setAttribute('aria-valuemin', '0');
    el.setAttribute('aria-valuemax', '100');
    return el;
  },
  handles: [
    'percent',
    'show-info',
    'stroke-width',
    'color',
    'activeColor',
    'active-color',
    'backgroundColor',
    'background-color',
    'active',
    'border-radius',
    'font-size',
  ],
  update(element, attrs) {
    const el = element as HTMLElement;
    const percent = Math.max(0, Math.min(100, Number(attrs.percent ?? 0) || 0));
    el.setAttribute('aria-valuenow', String(percent));
    el.style.setProperty('--plaza-progress', `${percent}%`);
    el.style.setProperty('--plaza-progress-height', `${Number(attrs['stroke-width'] ?? 6)}px`);
    const active = attrs['active-color'] ?? attrs.activeColor ?? attrs.color;
    if (typeof active === 'string') el.style.setProperty('--plaza-progress-color', active);
    const background = attrs['background-color'] ?? attrs.backgroundColor;
    if (typeof background === 'string') el.style.setProperty('--plaza-progress-background', background);
    el.toggleAttribute('data-show-info', truthy(attrs['show-info']));
    el.setAttribute('data-percent', `${percent}%`);
  },
};

const ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  lt: '<',
  gt: '>',
  amp: '&',
  apos: "'",
  quot: '"',
  ensp: '\u2002',
  emsp: '\u2003',
};

/** `text`: inline text; `selectable`/`user-select` allow selection, `decode` turns entities into characters. */
export const text: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'span', 'text');
    return el;
  },
  handles: ['selectable', 'user-select', 'decode', 'space'],
  update(element, attrs) {
    const el = element as HTMLElement;
    el.toggleAttribute('data-selectable', truthy(attrs.selectable) || truthy(attrs['user-select']));
    if (truthy(attrs.decode)) {
      // Child text is rendered after this update.
      queueMicrotask(() => {
        for (const node of Array.from(el.childNodes)) {
          if (node.nodeType !== 3) continue;
          const decoded = (node.textContent ?? '').replace(
            /&(nbsp|lt|gt|amp|apos|quot|ensp|emsp);/g,
            (_, name: string) => ENTITIES[name] ?? '',
          );
          if (decoded !== node.textContent) node.textContent = decoded;
        }
      });
    }
  },
};

const baseNavigator = basicComponents().get('navigator')!;

/** `navigator`: the basic link, reachable by keyboard as a link. */
export const navigator: BuiltinComponent = {
  ...baseNavigator,
  create(ctx) {
    return activatable(baseNavigator.create(ctx) as HTMLElement, 'link');
  },
};

/** `movable-area` / `movable-view`: drag within the area; `change` carries `{ x, y, source }`. */
export const movableArea: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'div', 'movable-area');
    return el;
  },
};

const positions = new WeakMap<Element, { x: number; y: number }>();
const placers = new WeakMap<Element, (x: number, y: number, source: string) => void>();

export const movableView: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'div', 'movable-view');
    el.tabIndex = 0;
    positions.set(el, { x: 0, y: 0 });
    const place = (x: number, y: number, source: string) => {
      const area = el.parentElement;
      const direction = stringAttr(ctx.attrs().direction, 'none');
      const pos = positions.get(el)!;
      const maxX = area ? Math.max(0, area.clientWidth - el.offsetWidth) : Number.POSITIVE_INFINITY;
      const maxY = area ? Math.max(0, area.clientHeight - el.offsetHeight) : Number.POSITIVE_INFINITY;
      const nx = direction === 'all' || direction === 'horizontal' ? Math.max(0, Math.min(maxX, x)) : pos.x;
      const ny = direction === 'all' || direction === 'vertical' ? Math.max(0, Math.min(maxY, y)) : pos.y;
      if (nx === pos.x && ny === pos.y) return;
      pos.x = nx;
      pos.y = ny;
      el.style.transform = `translate(${nx}px, ${ny}px)`;
      if (source) ctx.emit('change', { x: nx, y: ny, source });
    };
    let drag: { x: number; y: number; px: number; py: number } | undefined;
    el.addEventListener('pointerdown', (event) => {
      const pos = positions.get(el)!;
      drag = { x: pos.x, y: pos.y, px: event.clientX, py: event.clientY };
      el.setPointerCapture?.(event.pointerId);
    });
    el.addEventListener('pointermove', (event) => {
      if (drag) place(drag.x + event.clientX - drag.px, drag.y + event.clientY - drag.py, 'touch');
    });
    el.addEventListener('pointerup', () => {
      drag = undefined;
    });
    el.addEventListener('keydown', (event) => {
      const pos = positions.get(el)!;
      const step = { ArrowLeft: [-10, 0], ArrowRight: [10, 0], ArrowUp: [0, -10], ArrowDown: [0, 10] }[
        event.key
      ];
      if (step) place(pos.x + step[0]!, pos.y + step[1]!, 'touch');
    });
    placers.set(el, place);
    return el;
  },
  handles: ['direction', 'x', 'y', 'disabled', 'inertia', 'out-of-bounds', 'damping', 'friction', 'scale'],
  update(element, attrs, previous) {
    if (attrs.x === previous.x && attrs.y === previous.y) return;
    const place = placers.get(element);
    const pos = positions.get(element)!;
    const x = attrs.x === undefined ? pos.x : Number(attrs.x);
    const y = attrs.y === undefined ? pos.y : Number(attrs.y);
    const direction = stringAttr(attrs.direction, 'none');
    if (direction === 'none') return;
    queueMicrotask(() => place?.(x, y, ''));
  },
};
