import { chromeColour } from './chrome-values.ts';
import type { WindowConfig } from './page-window.ts';

/** A page's navigation bar: back button, title, colours from its window config. */
export class NavigationBar {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly back: HTMLButtonElement;

  constructor(document: Document, onBack: () => void) {
    this.element = document.createElement('header');
    this.element.className = 'plaza-nav';
    this.element.setAttribute('role', 'banner');
    this.back = document.createElement('button');
    this.back.type = 'button';
    this.back.className = 'plaza-nav-back';
    this.back.setAttribute('aria-label', 'Back');
    this.back.addEventListener('click', onBack);
    this.title = document.createElement('h1');
    this.title.className = 'plaza-nav-title';
    this.element.append(this.back, this.title);
  }

  /** Applies a page's window settings (the bar is made before its page is known). */
  configure(config: WindowConfig): void {
    this.setTitle(config.navigationBarTitleText ?? '');
    this.setColors(
      config.navigationBarTextStyle === 'black' ? '#000000' : '#ffffff',
      config.navigationBarBackgroundColor ?? '#000000',
    );
    this.element.hidden = config.navigationStyle === 'custom';
  }

  setTitle(title: string): void {
    this.title.textContent = title;
  }

  /** Colours that are not colours (`url(…)`) never reach the host page's CSS. */
  setColors(frontColor: string, backgroundColor: string): void {
    this.element.style.color = chromeColour(frontColor) ?? '';
    this.element.style.background = chromeColour(backgroundColor) ?? '';
  }

  /** The spinner beside the title (`wx.showNavigationBarLoading`), announced as busy. */
  setLoading(loading: boolean): void {
    this.element.classList.toggle('plaza-nav-loading', loading);
    this.element.setAttribute('aria-busy', String(loading));
  }

  setCanGoBack(canGoBack: boolean): void {
    this.back.hidden = !canGoBack;
  }
}
