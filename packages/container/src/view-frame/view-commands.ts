import type { ContextCommand, IntersectionEntry, Rect, ViewCommand } from '@plaza/runtime';
import type { LegacyCanvasModule } from '../components/canvas/legacy-canvas.ts';
import { callContext } from '../components/component-context.ts';
import type { LazyServices } from '../components/lazy-component.ts';
import { elementOfHandle } from '../view/query/node-handles.ts';
import type { ElementAnimationsModule } from './element-animations.ts';

const observers = new Map<number, IntersectionObserver>();
const preloaded = new Set<HTMLImageElement>();

const rectOf = (r: DOMRectReadOnly | undefined | null): Rect => ({
  top: r?.top ?? 0,
  right: r?.right ?? 0,
  bottom: r?.bottom ?? 0,
  left: r?.left ?? 0,
  width: r?.width ?? 0,
  height: r?.height ?? 0,
});

/**
 * Carries out a program's command on its page's frame: scroll the page, drop the keyboard,
 * paint the background behind the page, load a font face. Resolves when done; rejects with
 * the reason the program sees after `:fail `, or with what the command answers (image data,
 * a decoded image, a context method's result).
 */
export async function runViewCommand(
  doc: Document,
  command: ViewCommand,
  intersected: (entry: IntersectionEntry) => void,
  modules: Pick<LazyServices, 'load'>,
): Promise<unknown> {
  const win = doc.defaultView!;
  const canvas = () => modules.load<LegacyCanvasModule>('canvas');
  const animations = () => modules.load<ElementAnimationsModule>('animate');
  switch (command.kind) {
    case 'scroll': {
      let top = command.scrollTop ?? 0;
      if (command.selector) {
        const target = doc.querySelector(command.selector);
        if (!target) throw new Error(`no element matches "${command.selector}"`);
        top = target.getBoundingClientRect().top + win.scrollY + (command.offsetTop ?? 0);
      }
      win.scrollTo({ top, behavior: command.duration > 0 ? 'smooth' : 'instant' });
      return;
    }
    case 'blur': {
      const active = doc.activeElement as HTMLElement | null;
      if (active && active !== doc.body) active.blur();
      return;
    }
    case 'selection': {
      const field = doc.activeElement;
      if (!(field instanceof win.HTMLInputElement || field instanceof win.HTMLTextAreaElement))
        throw new Error('no focused input');
      return { start: field.selectionStart ?? 0, end: field.selectionEnd ?? 0 };
    }
    case 'observe': {
      const root = command.relativeTo ? doc.querySelector(command.relativeTo) : null;
      if (command.relativeTo && !root) throw new Error(`no element matches "${command.relativeTo}"`);
      const targets = command.observeAll
        ? [...doc.querySelectorAll(command.selector)]
        : [doc.querySelector(command.selector)].filter((t): t is Element => t !== null);
      if (targets.length === 0) throw new Error(`no element matches "${command.selector}"`);
      const { top, right, bottom, left } = command.margins;
      const observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const target = entry.target as HTMLElement;
            intersected({
              id: command.id,
              intersectionRatio: entry.intersectionRatio,
              intersectionRect: rectOf(entry.intersectionRect),
              boundingClientRect: rectOf(entry.boundingClientRect),
              relativeRect: rectOf(entry.rootBounds),
              time: Date.now(),
              dataset: Object.fromEntries(Object.entries(target.dataset).map(([k, v]) => [k, v ?? ''])),
              targetId: target.id,
            });
          }
        },
        {
          root,
          rootMargin: `${top}px ${right}px ${bottom}px ${left}px`,
          threshold: command.thresholds,
        },
      );
      for (const target of targets) observer.observe(target);
      observers.set(command.id, observer);
      return;
    }
    case 'unobserve':
      observers.get(command.id)?.disconnect();
      observers.delete(command.id);
      return;
    case 'media': {
      const found = doc.getElementById(command.id);
      const media =
        found instanceof HTMLMediaElement ? found : found?.querySelector<HTMLMediaElement>('video, audio');
      if (!media) throw new Error(`no video with id "${command.id}"`);
      switch (command.action) {
        case 'play':
          await media.play();
          return;
        case 'pause':
          media.pause();
          return;
        case 'stop':
          media.pause();
          media.currentTime = 0;
          return;
        case 'seek':
          media.currentTime = command.value ?? 0;
          return;
        case 'playbackRate':
          media.playbackRate = command.value ?? 1;
          return;
        case 'requestFullScreen':
          await media.requestFullscreen();
          return;
        case 'exitFullScreen':
          if (doc.fullscreenElement) await doc.exitFullscreen();
          return;
      }
      return;
    }
    case 'background':
      if (command.color) doc.documentElement.style.background = command.color;
      if (command.textStyle) doc.documentElement.dataset.backgroundTextStyle = command.textStyle;
      return;
    case 'preload':
      await Promise.all(
        command.assets.map(async ({ type, src }) => {
          try {
            if (type === 'font') await new FontFace('plaza-preload', `url("${src}")`).load();
            else {
              const image = new win.Image();
              image.src = src;
              await image.decode();
              // Held for the page's life, so the page's own <image> finds it decoded.
              preloaded.add(image);
            }
          } catch {
            throw new Error(`could not load ${src}`);
          }
        }),
      );
      return;
    case 'font': {
      const face = new FontFace(command.family, command.source, command.descriptors);
      await face.load();
      doc.fonts.add(face);
      return;
    }
    case 'canvas.draw':
      return (await canvas()).drawLegacyCanvas(doc, command);
    case 'canvas.export':
      return (await canvas()).exportLegacyCanvas(doc, command);
    case 'canvas.getImageData':
      return (await canvas()).legacyImageData(doc, command);
    case 'canvas.putImageData':
      return (await canvas()).putLegacyImageData(doc, command);
    case 'image':
      return (await canvas()).imageBitmapOf(doc, command.src);
    case 'context':
      return callContext(contextTarget(doc, command), command.method, command.args);
    case 'animate':
      return (await animations()).animateElements(doc, command);
    case 'animate.clear':
      return (await animations()).clearAnimations(doc, command);
  }
}

/**
 * The component a context call names: by the handle a query gave out, or by its tag and id.
 * Only built-in components that answer context calls can be named.
 */
function contextTarget(doc: Document, command: ContextCommand): Element {
  const element = command.token
    ? elementOfHandle(command.token)
    : [...doc.querySelectorAll(`[data-plaza="${CSS.escape(command.component)}"]`)].find(
        (el) => command.id === undefined || el.id === command.id,
      );
  if (!element || element.getAttribute('data-plaza') !== command.component)
    throw new Error(`no ${command.component}${command.id ? ` with id "${command.id}"` : ''}`);
  return element;
}
