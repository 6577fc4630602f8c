import { type BuiltinComponent, type BuiltinContext, truthy } from '../view/index.ts';
import { activatable } from './accessible.ts';
import { componentElement } from './component-element.ts';
import { registerField, stringAttr } from './form-field.ts';

type Mode = 'selector' | 'multiSelector' | 'date' | 'time' | 'region';

function labelOf(item: unknown, rangeKey: unknown): string {
  if (item !== null && typeof item === 'object' && typeof rangeKey === 'string')
    return stringAttr((item as Record<string, unknown>)[rangeKey]);
  return stringAttr(item);
}

function columnsOf(attrs: Record<string, unknown>, mode: Mode): unknown[][] {
  const range = Array.isArray(attrs.range) ? attrs.range : [];
  return mode === 'multiSelector' ? range.map((column) => (Array.isArray(column) ? column : [])) : [range];
}

/** The picker's selection as the dialects report it. */
function currentValue(attrs: Record<string, unknown>, mode: Mode): unknown {
  if (mode === 'multiSelector') return Array.isArray(attrs.value) ? attrs.value.map(Number) : [];
  if (mode === 'selector') return Number(attrs.value ?? 0) || 0;
  return stringAttr(attrs.value);
}

/**
 * `picker`: tapping its content opens a bottom sheet (a modal dialog in the page frame) with
 * the columns; Confirm fires `change` (`detail.value`: index, indices, `YYYY-MM-DD` or `HH:mm`),
 * Cancel fires `cancel`, and a multi-column move fires `columnchange`.
 */
export const picker: BuiltinComponent = {
  create(ctx) {
    const el = activatable(componentElement(ctx.document, 'div', 'picker'), 'button');
    el.setAttribute('aria-haspopup', 'dialog');
    let chosen: unknown;
    el.addEventListener('click', (event) => {
      if ((event.target as Element).closest('[data-plaza="picker-sheet"]')) return;
      const attrs = ctx.attrs();
      if (truthy(attrs.disabled)) return;
      openSheet(ctx, attrs, (value) => {
        chosen = value;
        ctx.emit('change', { value });
      });
    });
    registerField(el, {
      name: () => stringAttr(ctx.attrs().name),
      value: () => chosen ?? currentValue(ctx.attrs(), (ctx.attrs().mode as Mode) ?? 'selector'),
      reset: () => {
        chosen = undefined;
      },
    });
    return el;
  },
  handles: [
    'mode',
    'range',
    'range-key',
    'value',
    'disabled',
    'start',
    'end',
    'fields',
    'name',
    'header-text',
  ],
  update(element, attrs) {
    (element as HTMLElement).toggleAttribute('aria-disabled', truthy(attrs.disabled));
  },
  model: { value: 'change' },
};

function openSheet(
  ctx: BuiltinContext,
  attrs: Record<string, unknown>,
  done: (value: unknown) => void,
): void {
  const doc = ctx.document;
  const mode = (typeof attrs.mode === 'string' ? attrs.mode : 'selector') as Mode;
  const overlay = doc.createElement('div');
  overlay.setAttribute('data-plaza', 'picker-sheet');
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-modal', 'true');
  const panel = doc.createElement('div');
  panel.setAttribute('data-plaza', 'picker-panel');
  const header = doc.createElement('div');
  header.setAttribute('data-plaza', 'picker-header');
  const cancel = doc.createElement('button');
  cancel.textContent = 'Cancel';
  cancel.setAttribute('data-action', 'cancel');
  const title = doc.createElement('span');
  title.textContent = stringAttr(attrs['header-text']);
  const confirm = doc.createElement('button');
  confirm.textContent = 'Confirm';
  confirm.setAttribute('data-action', 'confirm');
  header.append(cancel, title, confirm);
  const body = doc.createElement('div');
  body.setAttribute('data-plaza', 'picker-columns');
  panel.append(header, body);
  overlay.append(panel);

  let read: () => unknown;
  if (mode === 'date' || mode === 'time') {
    const field = doc.createElement('input');
    field.type = mode;
    field.value = stringAttr(attrs.value);
    if (attrs.start) field.min = stringAttr(attrs.start);
    if (attrs.end) field.max = stringAttr(attrs.end);
    body.append(field);
    read = () => {
      const fields = attrs.fields;
      if (mode === 'date' && fields === 'year') return field.value.slice(0, 4);
      if (mode === 'date' && fields === 'month') return field.value.slice(0, 7);
      return field.value;
    };
  } else {
    const selected = currentValue(attrs, mode);
    const selects = columnsOf(attrs, mode).map((column, index) => {
      const select = doc.createElement('select');
      select.size = 5;
      select.setAttribute('aria-label', `column ${index + 1}`);
      for (const [i, item] of column.entries())
        select.add(new doc.defaultView!.Option(labelOf(item, attrs['range-key']), String(i)));
      const at = Array.isArray(selected) ? (selected[index] ?? 0) : (selected as number);
      select.selectedIndex = Math.min(Number(at) || 0, column.length - 1);
      if (mode === 'multiSelector') {
        select.addEventListener('change', () =>
          ctx.emit('columnchange', { column: index, value: select.selectedIndex }),
        );
      }
      body.append(select);
      return select;
    });
    read = () =>
      mode === 'multiSelector'
        ? selects.map((s) => Math.max(0, s.selectedIndex))
        : Math.max(0, selects[0]?.selectedIndex ?? 0);
  }
  const close = () => overlay.remove();
  cancel.addEventListener('click', () => {
    close();
    ctx.emit('cancel', {});
  });
  confirm.addEventListener('click', () => {
    const value = read();
    close();
    done(value);
  });
  overlay.addEventListener('click', (event) => {
    if (event.target === overlay) cancel.click();
  });
  overlay.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancel.click();
  });
  doc.body.append(overlay);
  (body.querySelector('select, input') as HTMLElement | null)?.focus();
}

const ITEM_HEIGHT = 34;

/**
 * `picker-view` / `picker-view-column`: always-visible wheels. Each column scrolls with snap
 * points; when a column settles, the view fires `change` with every column's index.
 */
export const pickerView: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'div', 'picker-view');
    el.setAttribute('role', 'group');
    el.addEventListener('plaza-column-settled', () => {
      const columns = Array.from(el.querySelectorAll<HTMLElement>('[data-plaza="picker-view-column"]'));
      ctx.emit('change', { value: columns.map((c) => Math.round(c.scrollTop / ITEM_HEIGHT)) });
    });
    return el;
  },
  handles: ['value', 'indicator-style', 'indicator-class', 'mask-style', 'mask-class'],
  update(element, attrs, previous) {
    if (attrs.value === previous.value || !Array.isArray(attrs.value)) return;
    const values = attrs.value as unknown[];
    // The columns render after their parent: scroll them once they are in.
    queueMicrotask(() => {
      const columns = Array.from(element.querySelectorAll<HTMLElement>('[data-plaza="picker-view-column"]'));
      columns.forEach((column, i) => {
        column.scrollTop = (Number(values[i]) || 0) * ITEM_HEIGHT;
      });
    });
  },
};

export const pickerViewColumn: BuiltinComponent = {
  create(ctx) {
    const el = componentElement(ctx.document, 'div', 'picker-view-column');
    el.setAttribute('role', 'listbox');
    el.tabIndex = 0;
    let settle: ReturnType<typeof setTimeout> | undefined;
    el.addEventListener('scroll', () => {
      if (settle !== undefined) clearTimeout(settle);
      settle = setTimeout(
        () =>
          el.dispatchEvent(new ctx.document.defaultView!.Event('plaza-column-settled', { bubbles: true })),
        120,
      );
    });
    el.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
      if (!step) return;
      event.preventDefault();
      el.scrollTop = (Math.round(el.scrollTop / ITEM_HEIGHT) + step) * ITEM_HEIGHT;
    });
    return el;
  },
};
