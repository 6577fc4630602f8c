/**
 * Values a mini program sets on the host's chrome (navigation bar, tab bar, page background,
 * action sheet). They end up in the host page's CSS and `<img>` elements, so each is checked
 * for what it claims to be before it gets there: a colour is a colour, an icon is a file of
 * the program's own package. Anything else is refused, never passed on.
 *
 * Colours: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa` (the platforms document hex colours) and
 * CSS colour keywords (`white`, `transparent`…), which some programs write. Functions
 * (`rgb()`, `hsl()`, `var()`, `url()`) are refused: the platforms do not document them, and
 * a value without parentheses cannot fetch or reach host variables.
 */
import type { ShellManifest, TabBarConfig } from './page-window.ts';

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const KEYWORD = /^[a-z]{3,20}$/i;

/** `value` when it is a colour the chrome accepts, else undefined. */
export function chromeColour(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return HEX.test(trimmed) || KEYWORD.test(trimmed) ? trimmed : undefined;
}

/**
 * A package file path (`images/home.png`, `/images/home.png`), normalised, or undefined when
 * it is a URL, climbs out of the package (`..`), or carries anything but plain path segments.
 */
export function packageFilePath(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const segments = value.replace(/^\/+/, '').split('/');
  const plain = segments.every((s) => s !== '' && s !== '.' && s !== '..' && !/[\\:?#%\s]/.test(s));
  return plain && segments.length > 0 ? segments.join('/') : undefined;
}

/** A refused value: where it was set and what it was. */
export interface RefusedValue {
  field: string;
  value: unknown;
}

const COLOUR_FIELDS = [
  'navigationBarBackgroundColor',
  'backgroundColor',
  'backgroundColorTop',
  'backgroundColorBottom',
];

/**
 * The manifest with every chrome colour and tab icon checked: refused values are dropped (the
 * chrome falls back to its defaults) and reported through `refuse`.
 */
export function checkedChrome<M extends ShellManifest>(manifest: M, refuse: (r: RefusedValue) => void): M {
  const windowOf = (window: Record<string, unknown> | undefined, where: string) => {
    if (!window) return window;
    const out = { ...window };
    for (const field of COLOUR_FIELDS) {
      if (out[field] === undefined) continue;
      if (chromeColour(out[field]) === undefined) {
        refuse({ field: `${where}.${field}`, value: out[field] });
        delete out[field];
      }
    }
    const text = out.navigationBarTextStyle;
    if (text !== undefined && text !== 'white' && text !== 'black') {
      refuse({ field: `${where}.navigationBarTextStyle`, value: text });
      delete out.navigationBarTextStyle;
    }
    return out;
  };
  const tabBarOf = (tabBar: TabBarConfig | undefined): TabBarConfig | undefined => {
    if (!tabBar) return tabBar;
    const out: TabBarConfig = { ...tabBar };
    for (const field of ['color', 'selectedColor', 'backgroundColor'] as const) {
      if (out[field] !== undefined && chromeColour(out[field]) === undefined) {
        refuse({ field: `tabBar.${field}`, value: out[field] });
        delete out[field];
      }
    }
    if (out.borderStyle !== undefined && out.borderStyle !== 'black' && out.borderStyle !== 'white') {
      refuse({ field: 'tabBar.borderStyle', value: out.borderStyle });
      delete out.borderStyle;
    }
    out.list = (tabBar.list ?? []).map((item, index) => {
      const checked = { ...item };
      for (const field of ['iconPath', 'selectedIconPath'] as const) {
        if (checked[field] === undefined) continue;
        const path = packageFilePath(checked[field]);
        if (path === undefined) {
          refuse({ field: `tabBar.list[${index}].${field}`, value: checked[field] });
          delete checked[field];
        } else checked[field] = path;
      }
      return checked;
    });
    return out;
  };
  const appConfig = manifest.appConfig;
  const pageConfigs = Object.fromEntries(
    Object.entries(manifest.pageConfigs ?? {}).map(([path, config]) => {
      const nested = config.window as Record<string, unknown> | undefined;
      const checked = nested
        ? { ...config, window: windowOf(nested, `${path}.window`) }
        : windowOf(config, path);
      return [path, checked ?? config];
    }),
  );
  return {
    ...manifest,
    appConfig: {
      ...appConfig,
      window: windowOf(appConfig.window, 'window'),
      ...(appConfig.tabBar ? { tabBar: tabBarOf(appConfig.tabBar) } : {}),
    },
    ...(manifest.pageConfigs ? { pageConfigs } : {}),
  };
}
