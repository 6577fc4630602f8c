import type { PageWindow } from './view-boot.ts';

const THRESHOLD = 60;

/**
 * Pull-down refresh inside the page frame: dragging down from the top of the page past the
 * threshold shows the three dots and fires `onPullDownRefresh`; the dots stay until the
 * program calls `stopPullDownRefresh` (or `startPullDownRefresh` shows them itself).
 */
export class PullDownRefresh {
  private readonly indicator: HTMLElement;
  private readonly content: HTMLElement;
  private active = false;

  constructor(
    private readonly document: Document,
    content: HTMLElement,
    private readonly settings: PageWindow,
    private readonly onRefresh: () => void,
  ) {
    this.content = content;
    this.indicator = document.createElement('div');
    this.indicator.setAttribute('data-plaza', 'refresh-indicator');
    this.indicator.setAttribute('role', 'progressbar');
    this.indicator.setAttribute('aria-label', 'Refreshing');
    this.indicator.innerHTML = '<i></i><i></i><i></i>';
    this.indicator.hidden = true;
    content.before(this.indicator);
    if (settings.enablePullDownRefresh) this.listen();
  }

  /** Shown by the program (`startPullDownRefresh`) or after a pull; hidden by `stopPullDownRefresh`. */
  setActive(active: boolean): void {
    this.active = active;
    this.indicator.hidden = !active;
    this.content.style.transition = 'transform 0.3s';
    this.content.style.transform = active ? `translateY(${THRESHOLD}px)` : '';
    this.indicator.classList.toggle('dark', this.settings.backgroundTextStyle === 'dark');
  }

  private listen(): void {
    const win = this.document.defaultView!;
    let startY: number | undefined;
    let pulled = 0;
    this.document.addEventListener('pointerdown', (event) => {
      const root = this.document.scrollingElement ?? this.document.documentElement;
      startY = root.scrollTop <= 0 && !this.active ? event.clientY : undefined;
      pulled = 0;
    });
    this.document.addEventListener('pointermove', (event) => {
      if (startY === undefined) return;
      pulled = Math.max(0, event.clientY - startY);
      this.content.style.transition = '';
      this.content.style.transform = pulled > 0 ? `translateY(${Math.min(pulled, THRESHOLD * 1.5)}px)` : '';
      this.indicator.hidden = pulled < THRESHOLD / 2;
    });
    const end = () => {
      if (startY === undefined) return;
      startY = undefined;
      if (pulled >= THRESHOLD) {
        this.setActive(true);
        this.onRefresh();
      } else {
        this.setActive(false);
      }
    };
    win.addEventListener('pointerup', end);
    win.addEventListener('pointercancel', end);
  }
}
