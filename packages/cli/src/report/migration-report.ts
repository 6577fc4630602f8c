/** One message of the migration report: a build error or warning, or a runtime error of a page. */
export interface ReportMessage {
  level: 'error' | 'warning';
  /** The catalogue code (`PLZ_TPL_…`) or the runtime's source (`onLoad`, `module`…). */
  code: string;
  text: string;
  /** `pages/a/a.wxml:3:7`, when the message has a place. */
  where?: string;
  /** The author's lines around the place, with a caret. */
  frame?: string;
}

export type PageStatus = 'ok' | 'warning' | 'error';

export interface ReportPage {
  path: string;
  status: PageStatus;
  rendered: boolean;
  ms?: number;
  leftFor?: string;
  messages: ReportMessage[];
  /** A `data:` URI of the page as the browser container showed it. */
  screenshot?: string;
}

/** Something the program uses that Plaza does not run yet, and the pages that use it. */
export interface UnsupportedUse {
  kind: 'API' | 'component';
  /** `wx.openLocation`, `<map>`. */
  name: string;
  pages: string[];
}

/** Everything the HTML migration report shows, gathered by `plaza check --html`. */
export interface MigrationReport {
  app: string;
  dialect?: string;
  generatedAt: string;
  /** False when the program did not build: no page could be opened. */
  built: boolean;
  pages: ReportPage[];
  /** Build messages that concern no single page (app.json, a file no page uses). */
  appMessages: ReportMessage[];
  unsupported: UnsupportedUse[];
  /** Distinct messages: one build error shared by ten pages counts once. */
  totals: { errors: number; warnings: number };
  /** Why pages have no screenshots, when they have none. */
  screenshotsUnavailable?: string;
}

/** A page's status from what happened to it: not rendering or any error is an error. */
export function pageStatus(rendered: boolean, messages: readonly ReportMessage[]): PageStatus {
  if (!rendered || messages.some((m) => m.level === 'error')) return 'error';
  return messages.length ? 'warning' : 'ok';
}
