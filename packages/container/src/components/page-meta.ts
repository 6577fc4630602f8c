/**
 * `page-meta` and its `navigation-bar`: page settings written in the template. `page-meta`
 * styles the page root and scrolls it; `navigation-bar` drives the host's navigation chrome
 * (outside this frame) through the host.
 */
import { type BuiltinComponent, truthy } from '../view/index.ts';
import { componentElement } from './component-element.ts';
import type { AskHost } from './component-requests.ts';
import { stringAttr } from './form-field.ts';

export function pageMeta(): BuiltinComponent {
  return {
    create(ctx) {
      const el = componentElement(ctx.document, 'div', 'page-meta');
      const view = ctx.document.defaultView;
      view?.addEventListener('resize', () =>
        ctx.emit('resize', { size: { windowWidth: view.innerWidth, windowHeight: view.innerHeight } }),
      );
      let settle: number | undefined;
      view?.addEventListener('scroll', () => {
        ctx.emit('scroll', { scrollTop: view.scrollY });
        if (settle !== undefined) view.clearTimeout(settle);
        settle = view.setTimeout(() => ctx.emit('scrolldone', { scrollTop: view.scrollY }), 150);
      });
      return el;
    },
    handles: [
      'background-text-style',
      'background-color',
      'background-color-top',
      'background-color-bottom',
      'root-background-color',
      'root-font-size',
      'page-font-size',
      'page-style',
      'scroll-top',
      'scroll-duration',
      'page-orientation',
    ],
    update(element, attrs, previous) {
      const doc = element.ownerDocument;
      const html = doc.documentElement;
      const changed = (name: string) => attrs[name] !== previous[name];
      // The view inserts the element after its first update: the page root is found then.
      queueMicrotask(() => {
        const page = element.closest('plaza-page') as HTMLElement | null;
        if (page && changed('page-style')) page.style.cssText = stringAttr(attrs['page-style']);
        if (page && changed('page-font-size')) page.style.fontSize = cssLength(attrs['page-font-size']);
      });
      if (changed('root-font-size')) html.style.fontSize = cssLength(attrs['root-font-size']);
      if (changed('root-background-color') || changed('background-color'))
        html.style.background = stringAttr(attrs['root-background-color'] ?? attrs['background-color']);
      if (changed('scroll-top') && attrs['scroll-top'] !== undefined) {
        const top = Number.parseFloat(stringAttr(attrs['scroll-top']));
        const smooth = Number(attrs['scroll-duration'] ?? 300) > 0;
        if (Number.isFinite(top)) doc.defaultView?.scrollTo({ top, behavior: smooth ? 'smooth' : 'instant' });
      }
    },
  };
}

/** A number is px; anything else is a CSS length of its own (`16px`, `1.2rem`). */
function cssLength(value: unknown): string {
  const text = stringAttr(value);
  return /^\d+(\.\d+)?$/.test(text) ? `${text}px` : /^[\d.]+(px|rem|em|%)$/.test(text) ? text : '';
}

/** `navigation-bar` (inside `page-meta`): title, colours and the loading mark of the host's bar. */
export function navigationBar(ask: AskHost): BuiltinComponent {
  return {
    create: (ctx) => componentElement(ctx.document, 'div', 'navigation-bar'),
    handles: [
      'title',
      'loading',
      'front-color',
      'background-color',
      'color-animation-duration',
      'color-animation-timing-func',
    ],
    update(_element, attrs, previous) {
      const keys = ['title', 'loading', 'front-color', 'background-color'];
      if (Object.keys(previous).length > 0 && keys.every((k) => attrs[k] === previous[k])) return;
      void ask({
        kind: 'navigation-bar',
        ...(attrs.title !== undefined ? { title: stringAttr(attrs.title) } : {}),
        ...(attrs['front-color'] !== undefined ? { frontColor: stringAttr(attrs['front-color']) } : {}),
        ...(attrs['background-color'] !== undefined
          ? { backgroundColor: stringAttr(attrs['background-color']) }
          : {}),
        loading: truthy(attrs.loading),
      });
    },
  };
}
