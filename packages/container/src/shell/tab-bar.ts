import type { TabBarConfig } from './page-window.ts';

/** The tab bar of `app.json`: shown on tab pages, a tap switches tabs. */
export class TabBar {
  readonly element: HTMLElement;
  private readonly items: {
    path: string;
    button: HTMLButtonElement;
    icon?: HTMLImageElement;
    item: NonNullable<TabBarConfig['list']>[number];
  }[] = [];

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
      button.append(label);
      button.addEventListener('click', () => onSelect(path));
      this.element.append(button);
      this.items.push({ path, button, icon, item });
    }
    this.element.hidden = true;
  }

  /** Shows the bar when `path` is a tab page, with that tab selected. */
  select(path: string | undefined): void {
    const current = this.items.find((i) => i.path === path);
    this.element.hidden = !current;
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
