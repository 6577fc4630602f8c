/**
 * Makes a non-native control reachable and operable from the keyboard, as a screen-reader
 * user expects: a role, a tab stop, and Enter/Space doing what a tap does (the click also
 * becomes the view's `tap`).
 */
export function activatable(element: HTMLElement, role: string): HTMLElement {
  element.setAttribute('role', role);
  element.tabIndex = 0;
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    element.click();
  });
  return element;
}

/** Keeps `aria-disabled` and the tab stop in line with `disabled`. */
export function setDisabled(element: HTMLElement, disabled: boolean): void {
  element.toggleAttribute('aria-disabled', disabled);
  if (disabled) element.setAttribute('aria-disabled', 'true');
  element.tabIndex = disabled ? -1 : 0;
}
