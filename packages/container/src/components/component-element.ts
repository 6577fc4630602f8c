/** A built-in component's element, marked with its component name for the stylesheet and for tests. */
export function componentElement<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  name: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.setAttribute('data-plaza', name);
  return element;
}
