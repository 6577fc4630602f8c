/** The style languages a program may write its stylesheets in, beside the dialect's own. */
export type StyleLanguage = 'less' | 'scss' | 'sass';

const languageByExtension: Record<string, StyleLanguage> = {
  '.less': 'less',
  '.scss': 'scss',
  '.sass': 'sass',
};

/** `less`, `scss` or `sass` for a stylesheet a preprocessor compiles; `undefined` for plain styles. */
export function styleLanguageOf(path: string): StyleLanguage | undefined {
  const dot = path.lastIndexOf('.');
  return dot === -1 ? undefined : languageByExtension[path.slice(dot)];
}

/**
 * The compiler plugins `project.config.json` turns on (`setting.useCompilerPlugins`): WeChat's
 * devtools take an array whose items are a plugin's name (`"less"`) or an object naming it
 * (`{ "type": "sass", "option": {…} }`). Unknown items are left out, as the devtools do.
 *
 * @example
 * compilerPlugins({ useCompilerPlugins: ['typescript', { type: 'less', option: {} }] }) // Set { 'typescript', 'less' }
 */
export function compilerPlugins(setting: unknown): Set<'typescript' | 'less' | 'sass'> {
  const plugins = new Set<'typescript' | 'less' | 'sass'>();
  const list =
    setting && typeof setting === 'object'
      ? (setting as { useCompilerPlugins?: unknown }).useCompilerPlugins
      : [];
  if (!Array.isArray(list)) return plugins;
  for (const item of list) {
    const name =
      typeof item === 'string'
        ? item
        : item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string'
          ? (item as { type: string }).type
          : undefined;
    if (name === 'typescript' || name === 'less' || name === 'sass') plugins.add(name);
  }
  return plugins;
}

/**
 * Stylesheet extensions in the order a page's or component's style is looked up: the
 * preprocessors' sources first (with the plugin on, the devtools compile `index.less` into the
 * `index.wxss` the page loads, so a committed `.wxss` beside it is a stale copy), then the
 * dialect's own.
 */
export function styleExtensions(dialectStyle: string, plugins: ReadonlySet<string>): string[] {
  return [
    ...(plugins.has('less') ? ['.less'] : []),
    ...(plugins.has('sass') ? ['.scss', '.sass'] : []),
    dialectStyle,
  ];
}
