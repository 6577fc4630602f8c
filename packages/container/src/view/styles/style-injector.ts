/** Rules every view needs whatever the program's styles say. */
const BASE_CSS = [
  '[hidden] { display: none !important; }',
  'plaza-page { display: block; }',
  'plaza-slot, plaza-block, plaza-slot-fallback { display: contents; }',
  'plaza-slot-fallback[hidden] { display: none; }',
  // `virtualHost: true`: the component's host box does not exist; its content lays out in the parent.
  '[data-virtual-host] { display: contents !important; }',
  '[data-plaza="view"] { display: block; }',
].join('\n');

/**
 * Puts compiled stylesheets into the document once each: the app's global style first,
 * then each page's and component's as it is first rendered.
 */
export class StyleInjector {
  private readonly injected = new Map<string, Element>();
  private readonly pageStyles = new Map<string, Element>();

  constructor(
    private readonly document: Document,
    private readonly root: Element,
  ) {
    this.add('plaza:base', BASE_CSS);
  }

  add(id: string, css: string | undefined): Element | undefined {
    if (!css || this.injected.has(id)) return undefined;
    const style = this.document.createElement('style');
    style.setAttribute('data-plaza-style', id);
    style.textContent = css;
    (this.document.head ?? this.root).appendChild(style);
    this.injected.set(id, style);
    return style;
  }

  /**
   * A stylesheet that changed while the program runs (`plaza dev`): one already in the
   * document takes the new rules in place; `false` when `id` was never put in.
   */
  replace(id: string, css: string | undefined): boolean {
    const style = this.injected.get(id);
    if (!style) return false;
    style.textContent = css ?? '';
    return true;
  }

  /**
   * Page stylesheets are not prefixed (only components' are), so two pages' rules would
   * meet: only the visible page's stylesheet applies.
   */
  addPage(path: string, css: string | undefined): void {
    const style = this.add(path, css);
    if (style) this.pageStyles.set(path, style);
    this.showPage(path);
  }

  showPage(path: string): void {
    for (const [page, style] of this.pageStyles) {
      if (page === path) style.removeAttribute('media');
      else style.setAttribute('media', 'not all');
    }
  }

  has(id: string): boolean {
    return this.injected.has(id);
  }
}

/** `--plaza-rpx`: one rpx is a 750th of the view's width. */
export function setRpxUnit(root: Element, width: number): void {
  (root as HTMLElement).style.setProperty('--plaza-rpx', `${width / 750}px`);
}
