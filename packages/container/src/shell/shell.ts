import { DEFAULT_SYSTEM_INFO, type SystemInfo } from '@plaza/runtime';
import { type CapsuleButton, createCapsule } from './capsule.ts';
import { NavigationBar } from './navigation-bar.ts';
import { pageWindow, type ShellManifest, type WindowConfig } from './page-window.ts';
import { SHELL_STYLE } from './shell-style.ts';
import { TabBar } from './tab-bar.ts';

/** How long a push/pop slide lasts (ms): close to the platforms' native transition. */
export const TRANSITION_MS = 300;

export interface PageSlot {
  element: HTMLElement;
  navigationBar: NavigationBar;
  frame: HTMLIFrameElement;
}

export interface ShellPage extends PageSlot {
  pageId: string;
  path: string;
  window: WindowConfig;
}

export interface ShellOptions {
  manifest: ShellManifest;
  onBack(): void;
  onTab(path: string): void;
  onRestart(): void;
  /** The home button: back to the program's home page (its first page). */
  onHome?(): void;
  /** Resolves a package file (tab icons) to a URL the host page can load. */
  fileUrl(path: string): string | undefined;
  /** Draws the capsule (··· / ◎) over the pages and reports its taps. */
  onCapsule?(button: CapsuleButton): void;
  /** Insets the super app knows better than its page's `env()` (its own status bar, a notch). */
  safeArea?: Partial<SafeAreaInsets>;
}

export interface SafeAreaInsets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

type StackAction = 'launch' | 'navigateTo' | 'redirectTo' | 'navigateBack' | 'switchTab' | 'reLaunch';

/**
 * The host-side frame of a running mini program: a stack of pages (each a navigation bar
 * over its sandboxed view frame) that slides on push and pop, the tab bar, the host's
 * overlay layer, and the error page with its restart button.
 */
export class Shell {
  readonly root: HTMLElement;
  /** Where host sheets and toasts go. */
  readonly overlay: HTMLElement;
  private readonly pagesArea: HTMLElement;
  readonly tabBar: TabBar;
  private readonly errorPage: HTMLElement;
  private readonly pages = new Map<string, ShellPage>();
  private visible: string[] = [];

  constructor(
    private readonly host: HTMLElement,
    private readonly options: ShellOptions,
  ) {
    const doc = host.ownerDocument;
    installStyle(doc);
    this.root = doc.createElement('div');
    this.root.className = 'plaza-container';
    this.pagesArea = doc.createElement('div');
    this.pagesArea.className = 'plaza-pages';
    this.tabBar = new TabBar(doc, options.manifest.appConfig.tabBar ?? {}, options.fileUrl, options.onTab);
    this.overlay = doc.createElement('div');
    this.overlay.className = 'plaza-overlay';
    this.errorPage = doc.createElement('div');
    this.errorPage.className = 'plaza-error';
    this.errorPage.setAttribute('role', 'alert');
    this.errorPage.hidden = true;
    this.root.append(this.pagesArea, this.tabBar.element);
    if (options.onCapsule) this.root.append(createCapsule(doc, options.onCapsule));
    this.root.append(this.overlay, this.errorPage);
    host.append(this.root);
  }

  /**
   * A page's place made ahead of time, hidden: a frame cannot move once it has loaded (moving
   * an iframe reloads it), so the spare frame that boots before navigation lives in its slot.
   */
  createSlot(frame: HTMLIFrameElement): PageSlot {
    const doc = this.host.ownerDocument;
    const element = doc.createElement('section');
    element.className = 'plaza-page';
    element.hidden = true;
    const navigationBar = new NavigationBar(doc, this.options.onBack, () => this.options.onHome?.());
    frame.className = 'plaza-view';
    element.append(navigationBar.element, frame);
    this.pagesArea.append(element);
    return { element, navigationBar, frame };
  }

  /** Gives a slot to a page the logic created; it stays hidden until the stack shows it. */
  claimSlot(slot: PageSlot, pageId: string, path: string): ShellPage {
    const window = pageWindow(this.options.manifest, path);
    slot.element.dataset.pageId = pageId;
    slot.element.dataset.path = path;
    slot.navigationBar.configure(window);
    const page = { ...slot, pageId, path, window };
    this.pages.set(pageId, page);
    return page;
  }

  page(pageId: string): ShellPage | undefined {
    return this.pages.get(pageId);
  }

  /** The program's home page (its first), or one of its tabs: pages that need no way home. */
  isHome(path: string): boolean {
    const pages = this.options.manifest.appConfig.pages;
    const first = Array.isArray(pages) ? String(pages[0] ?? '') : '';
    const tabs = this.options.manifest.appConfig.tabBar?.list ?? [];
    return path === first.replace(/^\/+/, '') || tabs.some((t) => t.pagePath.replace(/^\/+/, '') === path);
  }

  /** The page on top of the stack. */
  top(): ShellPage | undefined {
    const id = this.visible.at(-1);
    return id ? this.pages.get(id) : undefined;
  }

  /** Shows the stack's top page, sliding it in on a push. */
  showStack(stack: string[], action: StackAction): void {
    const previousTop = this.top();
    this.visible = stack;
    const top = this.top();
    if (!top) return;
    top.navigationBar.setCanGoBack(stack.length > 1);
    top.navigationBar.setCanGoHome(stack.length === 1 && !this.isHome(top.path));
    this.tabBar.select(top.path);
    top.element.hidden = false;
    top.element.classList.toggle('plaza-with-tabbar', !this.tabBar.element.hidden);
    for (const page of this.pages.values()) {
      if (page !== top && page !== previousTop) page.element.hidden = true;
    }
    if (previousTop && previousTop !== top) {
      if (action === 'navigateTo') {
        this.animate(top.element, 'plaza-push-in');
        this.animate(previousTop.element, 'plaza-push-under', () => {
          if (this.top() !== previousTop) previousTop.element.hidden = true;
        });
      } else if (action === 'navigateBack') {
        this.animate(top.element, 'plaza-pop-reveal');
      } else {
        previousTop.element.hidden = true;
      }
    }
  }

  /** A destroyed page leaves: sliding out when it was on screen (a pop). */
  removePage(pageId: string): void {
    const page = this.pages.get(pageId);
    if (!page) return;
    this.pages.delete(pageId);
    if (page === this.top() || !page.element.hidden) {
      page.element.style.zIndex = '2';
      this.animate(page.element, 'plaza-pop-out', () => page.element.remove());
    } else {
      page.element.remove();
    }
  }

  showError(message: string, detail?: string): void {
    const doc = this.host.ownerDocument;
    const heading = doc.createElement('h2');
    heading.textContent = 'This mini program has stopped';
    const text = doc.createElement('p');
    text.textContent = message;
    const restart = doc.createElement('button');
    restart.type = 'button';
    restart.className = 'plaza-restart';
    restart.textContent = 'Restart';
    restart.addEventListener('click', () => this.options.onRestart());
    const parts: Node[] = [heading, text];
    if (detail) {
      const pre = doc.createElement('pre');
      pre.textContent = detail;
      parts.push(pre);
    }
    this.errorPage.replaceChildren(...parts, restart);
    this.errorPage.hidden = false;
    restart.focus();
  }

  /** Clears every page and the error page, for a restart. */
  clear(): void {
    for (const section of Array.from(this.pagesArea.children)) section.remove();
    this.pages.clear();
    this.visible = [];
    this.tabBar.select(undefined);
    this.errorPage.hidden = true;
    this.overlay.replaceChildren();
  }

  destroy(): void {
    this.clear();
    this.root.remove();
  }

  /** The screen as the program sees it: the container's size and the safe areas. */
  systemInfo(): SystemInfo {
    const width = this.root.clientWidth || DEFAULT_SYSTEM_INFO.windowWidth;
    const height = this.root.clientHeight || DEFAULT_SYSTEM_INFO.windowHeight;
    const inset = this.safeArea();
    const view = this.host.ownerDocument.defaultView;
    return {
      ...DEFAULT_SYSTEM_INFO,
      pixelRatio: view?.devicePixelRatio ?? 2,
      screenWidth: width,
      screenHeight: height,
      windowWidth: width,
      windowHeight: height,
      statusBarHeight: inset.top,
      language: view?.navigator.language ?? DEFAULT_SYSTEM_INFO.language,
      safeArea: {
        left: inset.left,
        right: width - inset.right,
        top: inset.top,
        bottom: height - inset.bottom,
        width: width - inset.left - inset.right,
        height: height - inset.top - inset.bottom,
      },
    };
  }

  /**
   * `env(safe-area-inset-*)` of the host page, or what the host passed instead (frames see
   * zeros, so the shell hands them these).
   */
  safeArea(): SafeAreaInsets {
    const doc = this.host.ownerDocument;
    const probe = doc.createElement('div');
    probe.style.cssText =
      'position:absolute;visibility:hidden;padding:env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left)';
    this.root.append(probe);
    const style = doc.defaultView!.getComputedStyle(probe);
    const inset = {
      top: parseFloat(style.paddingTop) || 0,
      right: parseFloat(style.paddingRight) || 0,
      bottom: parseFloat(style.paddingBottom) || 0,
      left: parseFloat(style.paddingLeft) || 0,
    };
    probe.remove();
    return { ...inset, ...this.options.safeArea };
  }

  private animate(element: HTMLElement, name: string, done?: () => void): void {
    element.classList.remove('plaza-push-in', 'plaza-push-under', 'plaza-pop-out', 'plaza-pop-reveal');
    // Restart the animation even if the same class was there a moment ago.
    void element.offsetWidth;
    element.classList.add(name);
    element.dataset.transition = name;
    setTimeout(() => {
      element.classList.remove(name);
      delete element.dataset.transition;
      done?.();
    }, TRANSITION_MS);
  }
}

function installStyle(doc: Document): void {
  if (doc.getElementById('plaza-container-style')) return;
  const style = doc.createElement('style');
  style.id = 'plaza-container-style';
  style.textContent = SHELL_STYLE;
  doc.head.append(style);
}
