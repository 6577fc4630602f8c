import type { ViewCommand } from '@plaza/runtime';

/**
 * Carries out a program's command on its page's frame: scroll the page, drop the keyboard,
 * paint the background behind the page, load a font face. Resolves when done; rejects with
 * the reason the program sees after `:fail `.
 */
export async function runViewCommand(doc: Document, command: ViewCommand): Promise<void> {
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
