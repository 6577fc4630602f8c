import { writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { type BuildResult, type CompilerError, build as compile } from '@plaza/compiler';
import { PLAIN_HTML_TAGS } from '@plaza/compiler/render-runtime';
import { containerComponents } from '@plaza/container';
import { MEMBER_NOTES, unsupportedUsage } from '@plaza/runtime';
import {
  allPages,
  describeError,
  launch,
  type Program,
  type ProgramError,
  SimulatorError,
} from '@plaza/simulator';
import type { CommandIo } from '../io.ts';
import { formatDiagnostic } from '../report/compiler-diagnostic.ts';
import { gatherReport } from '../report/gather-report.ts';
import { migrationReportHtml } from '../report/html-report.ts';
import { screenshotPages } from '../report/page-screenshots.ts';
import { installDependencies } from './dependency-install.ts';

/** What `plaza check` found for one page. */
export interface PageCheck {
  path: string;
  rendered: boolean;
  /** The page the program went on to while loading this one (an empty cart sends the user back, say). */
  leftFor?: string;
  /** Milliseconds from launch to the first render (or to the failure). */
  ms: number;
  errors: ProgramError[];
  /**
   * Promise rejections the program left unhandled. On the platforms they are logged (and reach
   * `App.onUnhandledRejection`) while the page goes on rendering, so they do not fail the page;
   * a page they kept from rendering still fails as not rendered.
   */
  warnings: ProgramError[];
}

/** The whole report, as `--json` prints it. */
export interface CheckReport {
  ok: boolean;
  dialect?: string;
  build: {
    errors: Array<{ code: string; message: string; file?: string; line?: number; column?: number }>;
    warnings: Array<{ code: string; message: string; file?: string; line?: number; column?: number }>;
  };
  pages: PageCheck[];
  /** What the program uses that Plaza does not run yet (`tt.`/`wx.` APIs, built-in components). */
  unsupported: { apis: string[]; components: string[] };
  /**
   * What the program uses that Plaza runs only in part, with what it leaves out (the notes of
   * docs/api-matrix.md): `wx.cloud` with no cloud backend, ads with no ad network…
   */
  partial: { apis: Array<{ name: string; note: string }> };
  /** Errors of the app itself (`app.js` throwing), once each: every page shows them too. */
  app: { errors: ProgramError[] };
  /**
   * The `package.json` dependencies the check installed itself (`npm install --ignore-scripts`
   * into a cache), because the program had no `node_modules`: the author's own install does it.
   */
  installed: Array<{ packageJson: string; dependencies: string[]; folder: string; failure?: string }>;
}

export interface CheckOptions {
  json: boolean;
  /** Also write the migration report, with each page's screenshot, as one HTML file here. */
  html?: string;
}

/**
 * `plaza check <dir> [--json] [--html report.html]`: builds, opens every page of app.json
 * (subpackages too) in the simulator, and reports per page whether it rendered and which
 * runtime errors it raised, plus the APIs and components Plaza lacks. Any failing page (or
 * build error) exits 1.
 */
export async function check(dir: string, options: CheckOptions, io: CommandIo): Promise<number> {
  const root = resolve(io.cwd, dir);
  // What the view actually renders: the container's registry of built-in components.
  const builtinTags = new Set(containerComponents({ webViewOrigins: [] }).tags());
  let result = compile(root, { builtinTags });
  // Dependencies nobody installed: the author's `npm install`, done here into a cache.
  const manifests = new Set(
    result.warnings
      .filter((w) => w.code === 'PLZ_PROJ_NPM_NOT_INSTALLED' && w.file)
      .map((w) => resolve(result.root ?? root, w.file!)),
  );
  const installs = [...manifests].map((manifest) => installDependencies(manifest));
  if (installs.some((install) => !install.failure)) {
    const installedDependencies = new Map(installs.map((i) => [i.manifest, i.folder]));
    result = compile(root, { builtinTags, installedDependencies });
  }
  const report: CheckReport = {
    ok: false,
    build: { errors: [], warnings: [] },
    pages: [],
    unsupported: { apis: [], components: [] },
    partial: { apis: [] },
    app: { errors: [] },
    installed: installs.map(({ manifest, folder, names, failure }) => ({
      packageJson: relative(root, manifest).split(sep).join('/') || 'package.json',
      dependencies: names,
      folder,
      ...(failure ? { failure } : {}),
    })),
  };
  report.build.errors = result.errors.map((e) => e.toJSON());
  report.build.warnings = result.warnings.map((e) => e.toJSON());
  if (!result.manifest) {
    if (options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else for (const error of result.errors) io.stderr(formatDiagnostic(error, result.root ?? root, io.cwd));
    if (!options.json) io.stderr(`\nCheck failed: the program does not build.\n`);
    if (options.html) await writeHtmlReport(root, result, report, options.html, io);
    return 1;
  }
  const text = (name: string) => String(result.files?.get(name) ?? '');
  const program = { manifest: result.manifest, logic: text('logic.js'), view: text('view.js') };
  report.dialect = program.manifest.dialect;
  // Plain HTML tags render as inert elements of their own name, as on the platforms: not missing.
  report.unsupported = unsupportedUsage(program.manifest.usage, [...builtinTags, ...PLAIN_HTML_TAGS]);
  report.partial.apis = partialUsage(program.manifest.usage.apis);
  const pages = allPages(program);
  // A page app.json lists without a template is still a page that fails, at its own place.
  for (const path of result.pageErrors.keys()) if (!pages.includes(path)) pages.push(path);
  // A program may reject a promise with a bare value (`reject('not logged in')`), which no
  // simulator can claim by its realm: it belongs to the page being checked, one at a time.
  const strays: unknown[] = [];
  // Objects are the simulator's to route (it tells them by realm); only bare values are strays.
  const onStray = (reason: unknown) => {
    if (reason === null || (typeof reason !== 'object' && typeof reason !== 'function')) strays.push(reason);
  };
  process.on('unhandledRejection', onStray);
  try {
    for (const path of pages) {
      const stopped = result.pageErrors.get(path);
      const page = stopped
        ? { path, rendered: false, ms: 0, errors: stopped.map(buildError), warnings: [] }
        : await checkPage(root, program, path);
      for (const reason of strays.splice(0))
        page.warnings.push({ source: 'promise', message: `Uncaught (in promise) ${String(reason)}` });
      report.pages.push(page);
    }
  } finally {
    process.off('unhandledRejection', onStray);
  }
  report.app.errors = appErrors(report.pages);
  report.ok = report.pages.every((p) => p.rendered && p.errors.length === 0);
  if (options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else printReport(report, dir, io);
  if (options.html) await writeHtmlReport(root, result, report, options.html, io);
  return report.ok ? 0 : 1;
}

async function writeHtmlReport(
  root: string,
  result: BuildResult,
  report: CheckReport,
  file: string,
  io: CommandIo,
): Promise<void> {
  const screenshots =
    result.files && result.manifest
      ? await screenshotPages(
          result.files,
          report.pages.map((page) => page.path),
        )
      : { shots: new Map<string, string>() };
  const target = resolve(io.cwd, file);
  writeFileSync(target, migrationReportHtml(gatherReport(root, result, report, screenshots)));
  // The JSON on stdout stays machine-readable: the note goes to stderr.
  // A path that climbs out of the working folder reads better whole.
  const shown = relative(io.cwd, target);
  io.stderr(`Migration report written to ${shown && !shown.startsWith('..') ? shown : target}\n`);
}

async function checkPage(root: string, program: Program, path: string): Promise<PageCheck> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const sim = await launch(root, { program, path, timeout: 3_000, failOnError: false });
    // Let the first render's follow-ups (onReady, timers of 0 ms, requests) run too.
    await sim.settle();
    const top = sim.getCurrentPages().at(-1)?.path;
    // A page may leave at once for another (a deep link with nothing to show): it still loaded.
    const rendered = sim.visited.includes(path) && top !== undefined && sim.root.childNodes.length > 0;
    const page: PageCheck = {
      path,
      rendered,
      ...(top && top !== path ? { leftFor: top } : {}),
      ms: ms(),
      ...splitRejections(sim.errors),
    };
    sim.close();
    return page;
  } catch (error) {
    const programErrors = (error as { programErrors?: ProgramError[] }).programErrors;
    const errors = programErrors ?? [
      {
        source: error instanceof SimulatorError ? error.code : 'simulator',
        message: (error as Error).message,
      },
    ];
    return { path, rendered: false, ms: ms(), ...splitRejections(errors) };
  }
}

/** A page's errors apart from its unhandled rejections, which are warnings (see `PageCheck`). */
function splitRejections(all: readonly ProgramError[]): Pick<PageCheck, 'errors' | 'warnings'> {
  return {
    errors: all.filter((error) => error.source !== 'promise'),
    warnings: all.filter((error) => error.source === 'promise'),
  };
}

/** A build error that stops a page, in the shape of the page's runtime errors. */
function buildError(error: CompilerError): ProgramError {
  const json = error.toJSON();
  return {
    source: 'build',
    message: `${json.message} [${json.code}]`,
    ...(json.file ? { file: json.file } : {}),
    ...(json.line ? { line: json.line } : {}),
    ...(json.column ? { column: json.column } : {}),
  };
}

/** The errors raised in the app's own script, as every page that loaded it saw them, once each. */
function appErrors(pages: PageCheck[]): ProgramError[] {
  const seen = new Map<string, ProgramError>();
  for (const page of pages) {
    for (const error of page.errors) {
      if (!error.file || !/^app\.(js|ts)$/.test(error.file)) continue;
      seen.set(`${error.line}:${error.column}:${error.message}`, error);
    }
  }
  return [...seen.values()];
}

function printReport(report: CheckReport, dir: string, io: CommandIo): void {
  io.stdout(
    `Checked ${dir} (${report.dialect}): ${report.pages.length} page${report.pages.length === 1 ? '' : 's'}\n`,
  );
  for (const line of installNotes(report)) io.stdout(`  ${line}\n`);
  if (report.app.errors.length) {
    io.stdout('  The app itself fails, so every page does:\n');
    for (const error of report.app.errors) io.stdout(`         ${describeError(error)}\n`);
  }
  for (const page of report.pages) {
    const ok = page.rendered && page.errors.length === 0;
    io.stdout(
      `  ${ok ? 'ok  ' : 'FAIL'} ${page.path}${ok ? ` rendered in ${page.ms} ms` : page.rendered ? '' : ' did not render'}${page.leftFor ? `, then went to ${page.leftFor}` : ''}\n`,
    );
    for (const error of page.errors) io.stdout(`         ${describeError(error)}\n`);
    for (const warning of page.warnings) io.stdout(`         warning: ${describeError(warning)}\n`);
  }
  const api = report.dialect === 'wx' ? 'wx' : 'tt';
  const { apis, components } = report.unsupported;
  if (apis.length || components.length) {
    io.stdout('\nNot supported by Plaza yet:\n');
    if (apis.length) io.stdout(`  APIs: ${apis.map((a) => `${api}.${a}`).join(', ')}\n`);
    if (components.length) io.stdout(`  components: ${components.map((c) => `<${c}>`).join(', ')}\n`);
  }
  if (report.partial.apis.length) {
    io.stdout('\nWorking here only in part:\n');
    for (const { name, note } of report.partial.apis) io.stdout(`  ${api}.${name}: ${note}\n`);
  }
  const failed = report.pages.filter((p) => !(p.rendered && p.errors.length === 0)).length;
  io.stdout(failed ? `\n${failed} page${failed === 1 ? '' : 's'} failed.\n` : '\nAll pages render.\n');
}

/** The members `apis` names that run here only in part, each with its note minus the `partial:` mark. */
function partialUsage(apis: readonly string[]): CheckReport['partial']['apis'] {
  return [...apis].sort().flatMap((name) => {
    // Own names only: a program may use `wx.constructor` or `wx.toString`.
    const note = Object.hasOwn(MEMBER_NOTES, name) ? MEMBER_NOTES[name] : undefined;
    return note?.startsWith('partial: ') ? [{ name, note: note.slice('partial: '.length) }] : [];
  });
}

/** What the check installed for the program, one sentence per `package.json`. */
export function installNotes(report: Pick<CheckReport, 'installed'>): string[] {
  return report.installed.map(({ packageJson, dependencies, folder, failure }) =>
    failure
      ? `npm install of ${packageJson}'s dependencies (${dependencies.join(', ')}) failed: ${failure}`
      : `${packageJson}'s dependencies (${dependencies.join(', ')}) were not installed: installed them with npm install --ignore-scripts into ${folder}, as the author's own npm install would`,
  );
}
