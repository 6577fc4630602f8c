import type { TabBarChange } from '@plaza/runtime';
import type { TabBarConfig } from './page-window.ts';

/** The tab bar of `app.json`: shown on tab pages, a tap switches tabs. */
export class TabBar {
  readonly element: HTMLElement;
  private readonly items: {
    path: string;
    button: HTMLButtonElement;
    icon?: HTMLImageElement;
    label: HTMLSpanElement;
    badge: HTMLSpanElement;
    item: NonNullable<TabBarConfig['list']>[number];
  }[] = [];
  /** `hideTabBar` hides the bar even on a tab page. */
  private hiddenByApp = false;
  private current: string | undefined;

  constructor(
    document: Document,
    private readonly config: TabBarConfig,
    private readonly iconUrl: (path: string) => string | undefined,
    onSelect: (path: string) => void,
  ) {
    this.element = document.createElement('nav');
    this.element.className = 'plaza-tabbar';
    this.element.setAttribute('role', 'tablist');
    this.element.style.background = config.backgroundColor ?? '#ffffff';
    this.element.dataset.border = config.borderStyle === 'white' ? 'white' : 'black';
    for (const item of config.list ?? []) {
      const path = item.pagePath.replace(/^\/+/, '');
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.dataset.path = path;
      let icon: HTMLImageElement | undefined;
      const iconSrc = item.iconPath ? iconUrl(item.iconPath) : undefined;
      if (iconSrc) {
        icon = document.createElement('img');
        icon.alt = '';
        icon.src = iconSrc;
        button.append(icon);
      }
      const label = document.createElement('span');
      label.textContent = item.text ?? '';
      const badge = document.createElement('span');
      badge.className = 'plaza-tabbar-badge';
      badge.hidden = true;
      button.append(label, badge);
      button.addEventListener('click', () => onSelect(path));
      this.element.append(button);
      this.items.push({ path, button, icon, label, badge, item: { ...item } });
    }
    this.element.hidden = true;
  }

  /**
   * Applies a program's change (`wx.setTabBarBadge`, `wx.hideTabBar`…); returns the reason
   * it cannot, as the platforms word it.
   */
  change(change: TabBarChange): string | undefined {
    if (change.kind === 'visible') {
      this.hiddenByApp = !change.visible;
      this.select(this.current);
      return undefined;
    }
    if (change.kind === 'style') {
      const { color, selectedColor, backgroundColor, borderStyle } = change.style;
      if (color) this.config.color = color;
      if (selectedColor) this.config.selectedColor = selectedColor;
      if (backgroundColor) this.element.style.background = backgroundColor;
      if (borderStyle) this.element.dataset.border = borderStyle === 'white' ? 'white' : 'black';
      this.select(this.current);
      return undefined;
    }
    const entry = this.items[change.index];
    if (!entry) return 'tabbar item not found';
    if (change.kind === 'badge') {
      entry.badge.hidden = change.text === undefined;
      entry.badge.textContent = change.text ?? '';
      entry.badge.classList.remove('plaza-tabbar-dot');
      entry.button.setAttribute('aria-description', change.text ?? '');
    } else if (change.kind === 'dot') {
      entry.badge.hidden = !change.shown;
      entry.badge.textContent = '';
      entry.badge.classList.toggle('plaza-tabbar-dot', change.shown);
      entry.button.setAttribute('aria-description', change.shown ? 'new' : '');
    } else {
      if (change.item.text !== undefined) entry.label.textContent = change.item.text;
      if (change.item.iconPath) entry.item.iconPath = change.item.iconPath;
      if (change.item.selectedIconPath) entry.item.selectedIconPath = change.item.selectedIconPath;
      this.select(this.current);
    }
    return undefined;
  }

  /** Shows the bar when `path` is a tab page, with that tab selected. */
  select(path: string | undefined): void {
    this.current = path;
    const current = this.items.find((i) => i.path === path);
    this.element.hidden = !current || this.hiddenByApp;
    for (const entry of this.items) {
      const selected = entry === current;
      entry.button.setAttribute('aria-selected', String(selected));
      entry.button.tabIndex = selected ? 0 : -1;
      entry.button.style.color = selected
        ? (this.config.selectedColor ?? '#1aad19')
        : (this.config.color ?? '#7a7e83');
      const src = selected ? entry.item.selectedIconPath : entry.item.iconPath;
      if (entry.icon && src) entry.icon.src = this.iconUrl(src) ?? '';
    }
  }
}
