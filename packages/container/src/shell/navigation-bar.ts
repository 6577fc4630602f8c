import { chromeColour } from './chrome-values.ts';
import type { WindowConfig } from './page-window.ts';

/**
 * A page's navigation bar: back button, title, colours from its window config, and the home
 * button the platforms show on a page opened alone that is not the home page.
 */
export class NavigationBar {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly back: HTMLButtonElement;
  private readonly home: HTMLButtonElement;
  /** `wx.hideHomeButton` was called on this page. */
  private homeHidden = false;

  constructor(document: Document, onBack: () => void, onHome: () => void = () => {}) {
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
    this.home = document.createElement('button');
    this.home.type = 'button';
    this.home.className = 'plaza-nav-home';
    this.home.setAttribute('aria-label', 'Home');
    this.home.hidden = true;
    this.home.addEventListener('click', onHome);
    this.element.append(this.back, this.home, this.title);
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

  setCanGoHome(canGoHome: boolean): void {
    this.home.hidden = !canGoHome || this.homeHidden;
  }

  /** `wx.hideHomeButton`: this page shows no home button from now on. */
  hideHome(): void {
    this.homeHidden = true;
    this.home.hidden = true;
  }
}
