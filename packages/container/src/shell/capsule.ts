export type CapsuleButton = 'more' | 'close';

/**
 * The platforms' capsule at the top right of every page (even a `custom` navigation bar):
 * ··· opens the host's menu, ◎ leaves the program. A super app that draws its own leaves it
 * out; the container only reports the taps.
 */
export function createCapsule(document: Document, onTap: (button: CapsuleButton) => void): HTMLElement {
  const capsule = document.createElement('div');
  capsule.className = 'plaza-capsule';
  capsule.setAttribute('role', 'group');
  capsule.setAttribute('aria-label', 'Mini program menu');
  const button = (name: CapsuleButton, label: string, text: string) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = `plaza-capsule-${name}`;
    element.setAttribute('aria-label', label);
    element.textContent = text;
    element.addEventListener('click', () => onTap(name));
    return element;
  };
  capsule.append(button('more', 'More', '···'), button('close', 'Close', '◎'));
  return capsule;
}
