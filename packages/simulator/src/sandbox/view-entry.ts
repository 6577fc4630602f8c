// Runs inside the view realm (bundled with the view layer and a light DOM): the page-side
// half of the container, the same role the browser's sandboxed frame plays. The package's
// view.js (templates, wxs/sjs) is evaluated here, never in Node's realm.
import { ViewRegistry } from '@plaza/compiler/render-runtime';
import { containerComponents } from '@plaza/container';
import { createView } from '@plaza/container/view';
import { parseHTML } from 'linkedom';

declare const self: {
  __plaza_boot?: () => void;
  __plaza_start?: () => void;
  __plaza_view_define?: ViewRegistry['define'];
  __plaza_wxs_define?: ViewRegistry['defineWxs'];
  __plaza_window_width?: string;
  __plaza_view_api?: ViewApi;
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage: (message: unknown) => void;
};

/** What the simulator reaches into the realm for: the DOM, and user input as a browser fires it. */
export interface ViewApi {
  document: Document;
  root: Element;
  pageElement(id: string): Element | undefined;
  /** A page or component instance as the view knows it: its template path and host element. */
  instance(id: string): { path: string; host: Element } | undefined;
  click(el: Element): void;
  type(el: HTMLInputElement, value: string): void;
  destroy(): void;
}

// Boot in two steps: the first leaves the two define functions for the simulator to run
// view.js as a script of this realm (which forbids eval); the second starts the view.
const registry = new ViewRegistry();
self.__plaza_boot = () => {
  delete self.__plaza_boot;
  self.__plaza_view_define = (id, module) => registry.define(id, module);
  self.__plaza_wxs_define = (path, factory) => registry.defineWxs(path, factory);
};

self.__plaza_start = () => {
  const width = Number(self.__plaza_window_width ?? 375);
  delete self.__plaza_start;
  delete self.__plaza_view_define;
  delete self.__plaza_wxs_define;
  const { document, Event } = parseHTML(
    '<!doctype html><html><head></head><body><div id="plaza-pages"></div></body></html>',
  ) as unknown as { document: Document; Event: typeof globalThis.Event };
  // A light DOM has no media queries: `match-media` gets the simulated screen's answer.
  Object.assign(document.defaultView as object, {
    matchMedia: (media: string) => ({
      media,
      matches: mediaMatches(media, width, SCREEN_HEIGHT),
      addEventListener() {},
      removeEventListener() {},
    }),
  });
  const root = document.getElementById('plaza-pages')!;
  const view = createView({
    document,
    root,
    viewModules: registry,
    send: (message) => self.postMessage(message),
    // The full set the browser container renders, so tests see what users see.
    builtins: containerComponents({ webViewOrigins: [] }),
    windowWidth: width,
  });
  // A light DOM has no layout: pointer coordinates are the element's origin.
  const pointerEvent = (type: string) => {
    const event = new Event(type, { bubbles: true, cancelable: true });
    for (const key of ['clientX', 'clientY', 'pageX', 'pageY', 'screenX', 'screenY']) {
      Object.defineProperty(event, key, { value: 0 });
    }
    return event;
  };
  self.__plaza_view_api = {
    document,
    root,
    pageElement: (id) => view.pageElement(id),
    instance: (id) => view.instance(id),
    click(el) {
      el.dispatchEvent(pointerEvent('mousedown'));
      el.dispatchEvent(pointerEvent('mouseup'));
      el.dispatchEvent(pointerEvent('click'));
    },
    type(el, value) {
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    destroy: () => view.destroy(),
  };
  self.onmessage = (event) => {
    view.receive(event.data);
  };
};

/** The simulated phone's height in CSS pixels (its width comes from the scenario). */
const SCREEN_HEIGHT = 667;

/** Whether a media query of width, height and orientation features (joined by `and`) holds. */
function mediaMatches(media: string, width: number, height: number): boolean {
  return media
    .split(/\s+and\s+/)
    .map((part) => part.trim().replace(/^\(|\)$/g, ''))
    .every((feature) => {
      if (feature === 'all' || feature === 'screen' || feature === '') return true;
      const [name, raw] = feature.split(':').map((s) => s.trim());
      if (name === 'orientation') return raw === (height >= width ? 'portrait' : 'landscape');
      const value = Number.parseFloat(raw ?? '');
      const sizes: Record<string, boolean> = {
        'min-width': width >= value,
        'max-width': width <= value,
        width: width === value,
        'min-height': height >= value,
        'max-height': height <= value,
        height: height === value,
      };
      return sizes[name ?? ''] ?? false;
    });
}
