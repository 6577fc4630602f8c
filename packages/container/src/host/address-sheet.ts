import { HostRefusal } from '@plaza/runtime';

/** The form's fields: the dialects' name, its label, the browser's autofill token, whether required. */
const FIELDS = [
  ['userName', 'Name', 'name', true],
  ['telNumber', 'Phone', 'tel', true],
  ['provinceName', 'Province', 'address-level1', true],
  ['cityName', 'City', 'address-level2', true],
  ['countyName', 'District', 'address-level3', false],
  ['detailInfo', 'Street address', 'street-address', true],
  ['postalCode', 'Postal code', 'postal-code', false],
] as const;

/**
 * `wx.chooseAddress` in a browser: the host's form for a delivery address, its fields marked
 * for the browser's own address autofill (the web's address book). Resolves with the dialects'
 * fields, rejects with `cancel`.
 */
export function askAddress(layer: HTMLElement): Promise<Record<string, string>> {
  const doc = layer.ownerDocument;
  return new Promise((resolve, reject) => {
    const mask = doc.createElement('div');
    mask.className = 'plaza-mask';
    const form = doc.createElement('form');
    form.className = 'plaza-modal plaza-address';
    form.setAttribute('role', 'dialog');
    form.setAttribute('aria-modal', 'true');
    form.setAttribute('aria-label', 'Delivery address');
    const heading = doc.createElement('h2');
    heading.textContent = 'Delivery address';
    form.append(heading);
    const inputs = new Map<string, HTMLInputElement>();
    for (const [name, text, autocomplete, required] of FIELDS) {
      const label = doc.createElement('label');
      label.textContent = text;
      const input = doc.createElement('input');
      input.name = name;
      input.autocomplete = autocomplete;
      input.required = required;
      if (name === 'telNumber') input.type = 'tel';
      label.append(input);
      form.append(label);
      inputs.set(name, input);
    }
    const actions = doc.createElement('div');
    actions.className = 'plaza-modal-actions';
    const cancel = doc.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    const save = doc.createElement('button');
    save.type = 'submit';
    save.textContent = 'Use this address';
    actions.append(cancel, save);
    form.append(actions);
    cancel.addEventListener('click', () => {
      mask.remove();
      reject(new HostRefusal('cancel'));
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      mask.remove();
      const value = (name: string) => inputs.get(name)?.value.trim() ?? '';
      resolve({
        ...Object.fromEntries(FIELDS.map(([name]) => [name, value(name)])),
        // The national code of the district needs the platform's address book; a typed address has none.
        nationalCode: '',
      });
    });
    mask.append(form);
    layer.append(mask);
    inputs.get('userName')?.focus();
  });
}
