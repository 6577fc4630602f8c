import { openSheet } from './sheet-frame.ts';

/** The system permissions the sheet lists: its label, the Permissions API's name. */
const PERMISSIONS = [
  ['Location', 'geolocation'],
  ['Camera', 'camera'],
  ['Microphone', 'microphone'],
  ['Notifications', 'notifications'],
] as const;

const WORDS: Record<string, string> = {
  granted: 'Allowed',
  denied: 'Denied',
  prompt: 'Asks first',
};

/**
 * `wx.openAppAuthorizeSetting`: the host's sheet of the app's system permissions as the
 * browser reports them (the Permissions API). The browser's own site settings change them,
 * so the sheet says so and closes on Done.
 */
export async function showAppAuthorizeSetting(layer: HTMLElement): Promise<void> {
  const permissions = layer.ownerDocument.defaultView?.navigator.permissions;
  const states = await Promise.all(
    PERMISSIONS.map(([, name]) =>
      permissions
        ? permissions.query({ name: name as PermissionName }).then(
            (status) => status.state as string,
            () => 'unknown', // a permission this browser does not know
          )
        : 'unknown',
    ),
  );
  const sheet = openSheet(layer, 'System permissions', 'plaza-app-authorize');
  const doc = layer.ownerDocument;
  const list = doc.createElement('dl');
  PERMISSIONS.forEach(([label], i) => {
    const term = doc.createElement('dt');
    term.textContent = label;
    const state = doc.createElement('dd');
    state.textContent = WORDS[states[i]!] ?? 'Unknown';
    list.append(term, state);
  });
  const note = doc.createElement('p');
  note.textContent = "Change these in your browser's site settings.";
  sheet.actions.before(list, note);
  sheet.button('Done', 'submit');
  await new Promise<void>((resolve) =>
    sheet.form.addEventListener('submit', (event) => {
      event.preventDefault();
      sheet.close();
      resolve();
    }),
  );
}
