/** A sheet of the host's: a dialog form over a mask, closed by `close()`. */
export interface SheetFrame {
  form: HTMLFormElement;
  /** The row of buttons at the foot of the sheet. */
  actions: HTMLDivElement;
  /** Adds a button to the foot; `submit` ones submit the form. */
  button(text: string, type?: 'button' | 'submit'): HTMLButtonElement;
  close(): void;
}

/** Opens a titled sheet in the host's layer (`className` styles its body). */
export function openSheet(layer: HTMLElement, title: string, className: string): SheetFrame {
  const doc = layer.ownerDocument;
  const mask = doc.createElement('div');
  mask.className = 'plaza-mask';
  const form = doc.createElement('form');
  form.className = `plaza-modal ${className}`;
  form.setAttribute('role', 'dialog');
  form.setAttribute('aria-modal', 'true');
  form.setAttribute('aria-label', title);
  const heading = doc.createElement('h2');
  heading.textContent = title;
  const actions = doc.createElement('div');
  actions.className = 'plaza-modal-actions';
  form.append(heading, actions);
  mask.append(form);
  layer.append(mask);
  return {
    form,
    actions,
    button(text, type = 'button') {
      const button = doc.createElement('button');
      button.type = type;
      button.textContent = text;
      actions.append(button);
      return button;
    },
    close: () => mask.remove(),
  };
}
