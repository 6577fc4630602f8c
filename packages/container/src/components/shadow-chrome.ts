/**
 * A component's own chrome (a modal's title and buttons, an audio player's controls) lives in
 * a shadow root: the program's children, which the view patches in the light DOM, are shown
 * through its `<slot>`, and the page's styles cannot reach the chrome.
 */
export function shadowChrome(element: HTMLElement, css: string, html: string): ShadowRoot {
  const root = element.attachShadow({ mode: 'open' });
  // Static markup only: program text always goes in through `textContent`.
  root.innerHTML = `<style>${css}</style>${html}`;
  return root;
}

/** An element of the chrome by its `part` name. */
export function part<T extends HTMLElement = HTMLElement>(root: ShadowRoot, name: string): T {
  const found = root.querySelector<T>(`[part="${name}"]`);
  if (!found) throw new Error(`chrome part ${name} missing`);
  return found;
}
