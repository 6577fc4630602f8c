import type { BuiltinComponent } from '../view/index.ts';
import { activatable } from './accessible.ts';
import { componentElement } from './component-element.ts';

/** What `action-sheet-cancel` tells its sheet. */
export const SHEET_CANCEL = 'plaza-action-sheet-cancel';

/** `action-sheet-item`: one choice of the sheet, a menu item the keyboard reaches. */
export const actionSheetItem: BuiltinComponent = {
  create(ctx) {
    return activatable(componentElement(ctx.document, 'div', 'action-sheet-item'), 'menuitem');
  },
};

/** `action-sheet-cancel`: closes its sheet. */
export const actionSheetCancel: BuiltinComponent = {
  create(ctx) {
    const el = activatable(componentElement(ctx.document, 'div', 'action-sheet-cancel'), 'menuitem');
    el.addEventListener('click', () => {
      const view = el.ownerDocument.defaultView;
      if (view) el.dispatchEvent(new view.CustomEvent(SHEET_CANCEL, { bubbles: true }));
    });
    return el;
  },
};
