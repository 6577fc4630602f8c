/** The window settings of one page: `app.json` `window` overridden by the page's json. */
export interface WindowConfig {
  navigationBarTitleText?: string;
  navigationBarBackgroundColor?: string;
  navigationBarTextStyle?: 'white' | 'black';
  navigationStyle?: 'default' | 'custom';
  backgroundColor?: string;
  backgroundTextStyle?: 'dark' | 'light';
  enablePullDownRefresh?: boolean;
  onReachBottomDistance?: number;
  disableScroll?: boolean;
}

export interface ShellManifest {
  appConfig: Record<string, unknown> & { window?: Record<string, unknown>; tabBar?: TabBarConfig };
  pageConfigs?: Record<string, Record<string, unknown>>;
}

export interface TabBarConfig {
  color?: string;
  selectedColor?: string;
  backgroundColor?: string;
  borderStyle?: string;
  list?: { pagePath: string; text?: string; iconPath?: string; selectedIconPath?: string }[];
}

export function pageWindow(manifest: ShellManifest, path: string): WindowConfig {
  const page = manifest.pageConfigs?.[path] ?? {};
  // WeChat nests a page's window keys at its json's top level; Douyin accepts `window` too.
  const pageWindowKeys = (page.window as Record<string, unknown> | undefined) ?? page;
  return { ...(manifest.appConfig.window ?? {}), ...pageWindowKeys } as WindowConfig;
}
