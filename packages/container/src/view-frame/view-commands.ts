import type { IntersectionEntry, Rect, ViewCommand } from '@plaza/runtime';

const observers = new Map<number, IntersectionObserver>();

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
 * the reason the program sees after `:fail `.
 */
export async function runViewCommand(
  doc: Document,
  command: ViewCommand,
  intersected: (entry: IntersectionEntry) => void,
): Promise<void> {
  const win = doc.defaultView!;
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
    case 'font': {
      const face = new FontFace(command.family, command.source, command.descriptors);
      await face.load();
      doc.fonts.add(face);
      return;
    }
  }
}
