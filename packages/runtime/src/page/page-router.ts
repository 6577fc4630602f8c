import type { NavigationAction } from '../api/create-api.ts';
import type { Instance } from '../component/instance.ts';
import { type PageRoute, parsePageUrl } from './page-url.ts';

/** The dialects' limit on stacked pages. */
export const PAGE_STACK_LIMIT = 10;

/** What the router asks of the logic layer to make and retire pages. */
export interface PageLifecycle {
  exists(path: string): boolean;
  isTab(path: string): boolean;
  /** Makes the page instance; nothing of the program runs yet. */
  create(route: PageRoute): Instance;
  /** Runs the page's onLoad (and a Component page's created/attached) and renders it. */
  load(page: Instance, route: PageRoute): void;
  show(page: Instance): void;
  hide(page: Instance): void;
  unload(page: Instance): void;
  announce(action: NavigationAction | 'launch', stack: readonly Instance[]): void;
}

/** A refused navigation; the message is the reason after `<api>:fail `. */
export class NavigationRefusal extends Error {}

/**
 * The page stack and its five moves, with the dialects' rules: at most ten pages,
 * tab pages only through switchTab (and kept alive there), back never past the first page.
 */
export class PageRouter {
  stack: Instance[] = [];
  private readonly tabs = new Map<string, Instance>();

  constructor(private readonly pages: PageLifecycle) {}

  get top(): Instance | undefined {
    return this.stack[this.stack.length - 1];
  }

  launch(route: PageRoute): void {
    const page = this.enter(route, (p) => {
      this.stack = [p];
    });
    if (this.pages.isTab(route.path)) this.tabs.set(route.path, page);
    this.pages.show(page);
    this.pages.announce('launch', this.stack);
  }

  run(action: NavigationAction, options: { url?: unknown; delta?: unknown }): void {
    if (action === 'navigateBack') {
      this.back(typeof options.delta === 'number' ? options.delta : 1);
      return;
    }
    const route = this.resolve(String(options.url ?? ''));
    if (action === 'navigateTo') this.navigateTo(route);
    else if (action === 'redirectTo') this.redirectTo(route);
    else if (action === 'switchTab') this.switchTab(route);
    else this.reLaunch(route);
    this.pages.announce(action, this.stack);
  }

  private resolve(url: string): PageRoute {
    const route = parsePageUrl(url, this.top?.def.path ?? '');
    if (route.path === '' || !this.pages.exists(route.path))
      throw new NavigationRefusal(`page "${route.path}" is not found`);
    return route;
  }

  private navigateTo(route: PageRoute): void {
    if (this.pages.isTab(route.path)) throw new NavigationRefusal('can not navigateTo a tabbar page');
    if (this.stack.length >= PAGE_STACK_LIMIT) throw new NavigationRefusal('webview count limit exceed');
    const previous = this.top;
    if (previous) this.pages.hide(previous);
    const page = this.enter(route, (p) => this.stack.push(p));
    this.pages.show(page);
  }

  private redirectTo(route: PageRoute): void {
    if (this.pages.isTab(route.path)) throw new NavigationRefusal('can not redirectTo a tabbar page');
    const previous = this.stack.pop();
    if (previous) this.retire(previous);
    const page = this.enter(route, (p) => this.stack.push(p));
    this.pages.show(page);
  }

  private back(delta: number): void {
    if (this.stack.length <= 1) throw new NavigationRefusal('cannot navigate back at first page.');
    const count = Math.min(Math.max(1, Math.floor(delta)), this.stack.length - 1);
    for (let i = 0; i < count; i++) this.retire(this.stack.pop()!);
    this.pages.show(this.top!);
    this.pages.announce('navigateBack', this.stack);
  }

  private switchTab(route: PageRoute): void {
    if (!this.pages.isTab(route.path)) throw new NavigationRefusal('can not switch to no-tabBar page');
    const current = this.top;
    for (const page of [...this.stack].reverse()) {
      if (this.tabs.get(page.def.path) === page) continue;
      this.retire(page);
    }
    let target = this.tabs.get(route.path);
    if (current && current !== target && this.tabs.get(current.def.path) === current)
      this.pages.hide(current);
    if (!target) {
      target = this.enter(route, (p) => {
        this.stack = [p];
      });
      this.tabs.set(route.path, target);
    } else if (target === current) {
      this.stack = [target];
      return;
    }
    this.stack = [target];
    this.pages.show(target);
  }

  private reLaunch(route: PageRoute): void {
    for (const page of [...this.stack].reverse()) this.retire(page, true);
    for (const page of this.tabs.values()) this.pages.unload(page);
    this.tabs.clear();
    const page = this.enter(route, (p) => {
      this.stack = [p];
    });
    if (this.pages.isTab(route.path)) this.tabs.set(route.path, page);
    this.pages.show(page);
  }

  /**
   * Makes a page, puts it in the stack, then loads it: on the platforms `getCurrentPages()`
   * already ends with the page while its onLoad runs.
   */
  private enter(route: PageRoute, place: (page: Instance) => void): Instance {
    const page = this.pages.create(route);
    place(page);
    this.pages.load(page, route);
    return page;
  }

  /** Unloads a page leaving the stack, unless it is a tab page kept alive. */
  private retire(page: Instance, force = false): void {
    if (!force && this.tabs.get(page.def.path) === page) {
      this.pages.hide(page);
      return;
    }
    if (this.tabs.get(page.def.path) === page) this.tabs.delete(page.def.path);
    this.pages.unload(page);
  }
}
