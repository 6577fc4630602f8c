import {
  type BuiltinComponent,
  BuiltinRegistry,
  plainElement,
  setAttribute,
  truthy,
} from './builtin-registry.ts';

type Field = HTMLInputElement | HTMLTextAreaElement;

function textField(tag: 'input' | 'textarea'): BuiltinComponent {
  return {
    create(ctx) {
      const el = ctx.document.createElement(tag) as Field;
      const detail = () => ({ value: el.value, cursor: el.selectionStart ?? el.value.length });
      el.addEventListener('input', () => ctx.emit('input', { ...detail(), keyCode: 0 }));
      el.addEventListener('focus', () => ctx.emit('focus', { value: el.value, height: 0 }));
      el.addEventListener('blur', () => ctx.emit('blur', { value: el.value, cursor: detail().cursor }));
      el.addEventListener('keydown', (event) => {
        const key = (event as KeyboardEvent).key;
        if (key === 'Enter' && (tag === 'input' || truthy(ctx.attrs()['confirm-type'])))
          ctx.emit('confirm', { value: el.value });
      });
      return el;
    },
    handles: ['value', 'placeholder', 'disabled', 'maxlength', 'type', 'password', 'focus', 'auto-focus'],
    update(element, attrs, previous) {
      const el = element as Field;
      // As on the platforms, the field takes the template's value only when that value changes:
      // a field with no value bound keeps what the user typed through any later setData.
      if (attrs.value !== previous.value) {
        const value = attrs.value === undefined || attrs.value === null ? '' : String(attrs.value);
        // Writing the same value back would move the caret while the user types.
        if (el.value !== value) el.value = value;
      }
      setAttribute(el, 'placeholder', attrs.placeholder);
      setAttribute(el, 'disabled', truthy(attrs.disabled));
      const max = Number(attrs.maxlength ?? 140);
      if (max >= 0) el.setAttribute('maxlength', String(max));
      else el.removeAttribute('maxlength');
      if (el.tagName === 'INPUT') {
        const type = truthy(attrs.password)
          ? 'password'
          : attrs.type === 'number' || attrs.type === 'digit'
            ? 'number'
            : 'text';
        if ((el as HTMLInputElement).type !== type) (el as HTMLInputElement).type = type;
      }
    },
    model: { value: 'input' },
  };
}

const image: BuiltinComponent = {
  create(ctx) {
    const el = ctx.document.createElement('img');
    el.addEventListener('load', () => ctx.emit('load', { width: el.naturalWidth, height: el.naturalHeight }));
    el.addEventListener('error', () => ctx.emit('error', { errMsg: `GET ${el.src} failed` }));
    return el;
  },
  handles: ['src', 'mode', 'lazy-load'],
  update(el, attrs) {
    setAttribute(el, 'src', attrs.src);
    const fit: Record<string, string> = {
      scaleToFill: 'fill',
      aspectFit: 'contain',
      aspectFill: 'cover',
      widthFix: 'cover',
    };
    const mode = typeof attrs.mode === 'string' ? attrs.mode : 'scaleToFill';
    (el as HTMLElement).style.objectFit = fit[mode] ?? 'none';
    if (mode === 'widthFix') (el as HTMLElement).style.height = 'auto';
  },
};

const button: BuiltinComponent = {
  create(ctx) {
    const el = ctx.document.createElement('button');
    el.setAttribute('type', 'button');
    el.addEventListener('click', () => {
      const attrs = ctx.attrs();
      if (truthy(attrs.disabled)) return;
      const openType = typeof attrs['open-type'] === 'string' ? attrs['open-type'] : '';
      // Consent buttons: the logic asks the host, then the handler gets the answer as detail.
      if (openType === 'getPhoneNumber') ctx.emit('getphonenumber', {}, { openType });
      else if (openType === 'getUserInfo') ctx.emit('getuserinfo', {}, { openType });
      // The chat with the merchant; the card is the page named, or the page the button is on.
      else if (openType === 'contact') {
        const text = (name: string) =>
          typeof attrs[name] === 'string' ? (attrs[name] as string) : undefined;
        ctx.contact({
          path: text('send-message-path'),
          title: text('send-message-title'),
          showCard: attrs['show-message-card'] === undefined || truthy(attrs['show-message-card']),
        });
      }
    });
    return el;
  },
  handles: ['disabled', 'type', 'size', 'plain', 'loading', 'open-type', 'form-type'],
  update(el, attrs) {
    setAttribute(el, 'disabled', truthy(attrs.disabled));
    setAttribute(el, 'data-type', attrs.type ?? 'default');
    setAttribute(el, 'data-size', attrs.size);
    setAttribute(el, 'data-plain', truthy(attrs.plain));
    setAttribute(el, 'data-loading', truthy(attrs.loading));
  },
};

const scrollView: BuiltinComponent = {
  create(ctx) {
    const el = ctx.document.createElement('div') as HTMLElement;
    el.setAttribute('data-plaza', 'scroll-view');
    let lastTop = 0;
    let lastLeft = 0;
    el.addEventListener('scroll', () => {
      const detail = {
        scrollLeft: el.scrollLeft,
        scrollTop: el.scrollTop,
        scrollHeight: el.scrollHeight,
        scrollWidth: el.scrollWidth,
        deltaX: el.scrollLeft - lastLeft,
        deltaY: el.scrollTop - lastTop,
      };
      lastTop = el.scrollTop;
      lastLeft = el.scrollLeft;
      ctx.emit('scroll', detail);
      const attrs = ctx.attrs();
      const lower = Number(attrs['lower-threshold'] ?? 50);
      const upper = Number(attrs['upper-threshold'] ?? 50);
      if (detail.deltaY > 0 && el.scrollHeight - el.scrollTop - el.clientHeight <= lower)
        ctx.emit('scrolltolower', { direction: 'bottom' });
      if (detail.deltaY < 0 && el.scrollTop <= upper) ctx.emit('scrolltoupper', { direction: 'top' });
    });
    return el;
  },
  handles: ['scroll-x', 'scroll-y', 'scroll-top', 'scroll-left', 'lower-threshold', 'upper-threshold'],
  update(element, attrs, previous) {
    const el = element as HTMLElement;
    el.style.overflowX = truthy(attrs['scroll-x']) ? 'auto' : 'hidden';
    el.style.overflowY = truthy(attrs['scroll-y']) ? 'auto' : 'hidden';
    if (attrs['scroll-top'] !== previous['scroll-top'] && attrs['scroll-top'] !== undefined)
      el.scrollTop = Number(attrs['scroll-top']);
    if (attrs['scroll-left'] !== previous['scroll-left'] && attrs['scroll-left'] !== undefined)
      el.scrollLeft = Number(attrs['scroll-left']);
  },
};

const navigator: BuiltinComponent = {
  create(ctx) {
    const el = ctx.document.createElement('div');
    el.setAttribute('data-plaza', 'navigator');
    el.addEventListener('click', () => {
      const attrs = ctx.attrs();
      const openType = typeof attrs['open-type'] === 'string' ? attrs['open-type'] : 'navigate';
      const url = typeof attrs.url === 'string' ? attrs.url : undefined;
      ctx.navigate(openType, url, attrs.delta === undefined ? undefined : Number(attrs.delta));
    });
    return el;
  },
  handles: ['url', 'open-type', 'delta', 'hover-class', 'target'],
};

/** The built-ins every view has; `src/components/` adds the rest to a registry made from this one. */
export function basicComponents(): BuiltinRegistry {
  return new BuiltinRegistry()
    .define('view', plainElement('div', 'view'))
    .define('text', plainElement('span', 'text'))
    .define('block', plainElement('plaza-block'))
    .define('image', image)
    .define('button', button)
    .define('input', textField('input'))
    .define('textarea', textField('textarea'))
    .define('scroll-view', scrollView)
    .define('navigator', navigator);
}
