import type { ModalOptions } from '@plaza/runtime';
import { HostRefusal } from '@plaza/runtime';
import { chromeColour } from './chrome-values.ts';

/**
 * The host's own sheets and toasts, drawn in the host page over the mini program (never in
 * its frames, so a program cannot fake or read them): toast, loading, modal, action sheet,
 * and the consent sheet for personal data.
 */
export class HostUi {
  private toast: HTMLElement | undefined;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly layer: HTMLElement) {}

  showToast(
    options: { title: string; icon?: string; duration?: number; mask?: boolean },
    loading = false,
  ): void {
    this.hideToast();
    const doc = this.layer.ownerDocument;
    const box = doc.createElement('div');
    box.className = 'plaza-toast';
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    const icon = loading ? 'loading' : (options.icon ?? 'success');
    if (icon !== 'none') {
      const mark = doc.createElement('span');
      mark.className = `plaza-toast-icon plaza-toast-${icon}`;
      mark.textContent = icon === 'success' ? '✓' : icon === 'error' ? '✕' : '';
      box.append(mark);
    } else {
      box.classList.add('plaza-toast-text');
    }
    const title = doc.createElement('span');
    title.textContent = options.title;
    box.append(title);
    // `mask`: a clear shield over the whole program takes the taps until the toast goes.
    const shown = options.mask ? doc.createElement('div') : box;
    if (shown !== box) {
      shown.className = 'plaza-toast-mask';
      shown.append(box);
    }
    this.layer.append(shown);
    this.toast = shown;
    if (!loading) this.toastTimer = setTimeout(() => this.hideToast(), options.duration ?? 1500);
  }

  hideToast(): void {
    if (this.toastTimer !== undefined) clearTimeout(this.toastTimer);
    this.toastTimer = undefined;
    this.toast?.remove();
    this.toast = undefined;
  }

  showModal(options: ModalOptions): Promise<{ confirm: boolean; cancel: boolean; content?: string }> {
    return new Promise((resolve) => {
      const { dialog, body, close } = this.dialog('plaza-modal', options.title ?? '');
      const doc = this.layer.ownerDocument;
      let field: HTMLInputElement | undefined;
      if (options.editable) {
        field = doc.createElement('input');
        field.placeholder = options.placeholderText ?? '';
        field.value = options.content ?? '';
        body.append(field);
      } else if (options.content) {
        const p = doc.createElement('p');
        p.textContent = options.content;
        body.append(p);
      }
      const actions = doc.createElement('div');
      actions.className = 'plaza-modal-actions';
      const answer = (confirm: boolean) => {
        close();
        resolve({ confirm, cancel: !confirm, ...(field ? { content: field.value } : {}) });
      };
      if (options.showCancel !== false)
        actions.append(this.button(options.cancelText ?? 'Cancel', () => answer(false), 'cancel'));
      actions.append(this.button(options.confirmText ?? 'OK', () => answer(true), 'confirm'));
      dialog.append(actions);
      (field ?? (actions.lastElementChild as HTMLElement)).focus();
    });
  }

  showActionSheet(options: { itemList: string[]; itemColor?: string }): Promise<{ tapIndex: number }> {
    return new Promise((resolve, reject) => {
      const { dialog, close } = this.dialog('plaza-action-sheet', '');
      options.itemList.forEach((item, tapIndex) => {
        const button = this.button(
          item,
          () => {
            close();
            resolve({ tapIndex });
          },
          'item',
        );
        const colour = chromeColour(options.itemColor);
        if (colour) button.style.color = colour;
        dialog.append(button);
      });
      dialog.append(
        this.button(
          'Cancel',
          () => {
            close();
            reject(new HostRefusal('cancel'));
          },
          'cancel',
        ),
      );
      (dialog.querySelector('button') as HTMLElement | null)?.focus();
    });
  }

  /**
   * Asks the user to allow `appName` a scope; resolves with the answer. Drawn as the host's
   * own sheet, not as a modal: it rises from the bottom edge of the whole phone (over the
   * program's navigation bar and tab bar), carries the app's icon and name under the host's
   * mark, and is marked `data-host-sheet`, none of which `showModal` can draw, so a program
   * cannot pass its own dialog off as this one.
   */
  askConsent(app: { name: string; icon?: string }, scope: string, reason: string): Promise<boolean> {
    return new Promise((resolve) => {
      const doc = this.layer.ownerDocument;
      const { dialog, body, close } = this.dialog('plaza-host-sheet', '');
      dialog.dataset.hostSheet = 'consent';
      const header = doc.createElement('div');
      header.className = 'plaza-host-sheet-app';
      const icon = doc.createElement(app.icon ? 'img' : 'span');
      icon.className = 'plaza-host-sheet-icon';
      if (app.icon) (icon as HTMLImageElement).src = app.icon;
      else icon.textContent = [...app.name][0] ?? '?';
      icon.setAttribute('aria-hidden', 'true');
      const name = doc.createElement('strong');
      name.textContent = app.name;
      const mark = doc.createElement('span');
      mark.className = 'plaza-host-sheet-mark';
      mark.textContent = 'asks through Plaza';
      header.append(icon, name, mark);
      const heading = doc.createElement('h2');
      heading.textContent = `Use ${SCOPE_NAMES[scope] ?? scope}?`;
      const why = doc.createElement('p');
      why.textContent = reason;
      body.append(header, heading, why);
      dialog.setAttribute('aria-label', `${app.name}: ${heading.textContent}`);
      const actions = doc.createElement('div');
      actions.className = 'plaza-modal-actions';
      const answer = (allowed: boolean) => {
        close();
        resolve(allowed);
      };
      actions.append(
        this.button("Don't allow", () => answer(false), 'cancel'),
        this.button('Allow', () => answer(true), 'confirm'),
      );
      dialog.append(actions);
      (actions.lastElementChild as HTMLElement).focus();
    });
  }

  private dialog(kind: string, title: string): { dialog: HTMLElement; body: HTMLElement; close: () => void } {
    const doc = this.layer.ownerDocument;
    const mask = doc.createElement('div');
    mask.className = 'plaza-mask';
    const dialog = doc.createElement('div');
    dialog.className = kind;
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    if (title) {
      const heading = doc.createElement('h2');
      heading.textContent = title;
      dialog.append(heading);
      dialog.setAttribute('aria-label', title);
    }
    const body = doc.createElement('div');
    body.className = 'plaza-dialog-body';
    dialog.append(body);
    mask.append(dialog);
    this.layer.append(mask);
    return { dialog, body, close: () => mask.remove() };
  }

  private button(label: string, onClick: () => void, role: string): HTMLButtonElement {
    const button = this.layer.ownerDocument.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.dataset.role = role;
    button.addEventListener('click', onClick);
    return button;
  }
}

const SCOPE_NAMES: Record<string, string> = {
  'scope.camera': 'your camera',
  'scope.userLocation': 'your location',
  'scope.clipboard': 'your clipboard',
};
