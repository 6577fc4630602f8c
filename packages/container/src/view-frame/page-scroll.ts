import type { PageWindow } from './view-boot.ts';

type PageEvent = (name: 'pageScroll' | 'reachBottom', payload?: unknown) => void;

/**
 * `onPageScroll` and `onReachBottom`: the page frame's document is the page, so its own
 * scroll is the page scroll. Scroll events are coalesced per animation frame; reach-bottom
 * fires once each time the bottom comes within `onReachBottomDistance`.
 */
export function watchPageScroll(win: Window, settings: PageWindow, emit: PageEvent): void {
  const distance = settings.onReachBottomDistance ?? 50;
  let scheduled = false;
  let atBottom = false;
  win.addEventListener(
    'scroll',
    () => {
      if (scheduled) return;
      scheduled = true;
      win.requestAnimationFrame(() => {
        scheduled = false;
        const root = win.document.scrollingElement ?? win.document.documentElement;
        emit('pageScroll', { scrollTop: root.scrollTop });
        const near = root.scrollHeight - root.scrollTop - win.innerHeight <= distance;
        if (near && !atBottom) emit('reachBottom');
        atBottom = near;
      });
    },
    { passive: true },
  );
}
