import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type BuildResult, type CompilerError, codeFrame, loadProject } from '@plaza/compiler';
import type { ProgramError } from '@plaza/simulator';
import { type CheckReport, installNotes } from '../commands/check.ts';
import { type MigrationReport, pageStatus, type ReportMessage, type ReportPage } from './migration-report.ts';
import { pageReach } from './page-reach.ts';
import type { PageScreenshots } from './page-screenshots.ts';

/**
 * Puts together what `plaza check` found (the build's messages, each page's run in the
 * simulator, the unsupported uses) with the pages' screenshots, and attributes every build
 * message and unsupported use to the pages whose files it concerns.
 */
export function gatherReport(
  projectDir: string,
  build: BuildResult,
  checked: CheckReport,
  screenshots: PageScreenshots,
): MigrationReport {
  const installs = new Map(
    checked.installed.map((install) => [join(projectDir, install.packageJson), install.folder]),
  );
  const { project } = loadProject(projectDir, installs);
  const reach = project ? pageReach(project) : new Map();
  const readSource = (file: string) => {
    const full = project ? join(project.root, file) : undefined;
    return full && existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
  const pagesOf = (file: string | undefined) =>
    file ? [...reach].filter(([, r]) => r.files.has(file)).map(([page]) => page) : [];

  const byPage = new Map<string, ReportMessage[]>();
  const appMessages: ReportMessage[] = [];
  const place = (message: ReportMessage, pages: string[]) => {
    if (!pages.length) appMessages.push(message);
    for (const page of pages) byPage.set(page, [...(byPage.get(page) ?? []), message]);
  };
  for (const [level, list] of [
    ['error', build.errors],
    ['warning', build.warnings],
  ] as const) {
    for (const error of list) place(buildMessage(error, level), pagesOf(error.file));
  }

  for (const note of installNotes(checked))
    appMessages.push({ level: 'warning', code: 'npm install', text: note });

  const checkedPages = new Map(checked.pages.map((page) => [page.path, page]));
  const paths = checked.pages.length ? checked.pages.map((p) => p.path) : (project?.pages ?? []);
  const pages: ReportPage[] = paths.map((path) => {
    const run = checkedPages.get(path);
    const messages = [
      ...(byPage.get(path) ?? []),
      ...(run?.errors ?? []).map((error) => runtimeMessage(error, 'error', readSource)),
      ...(run?.warnings ?? []).map((error) => runtimeMessage(error, 'warning', readSource)),
    ];
    const rendered = run?.rendered ?? false;
    const screenshot = screenshots.shots.get(path);
    return {
      path,
      status: pageStatus(rendered, messages),
      rendered,
      ...(run ? { ms: run.ms } : {}),
      ...(run?.leftFor ? { leftFor: run.leftFor } : {}),
      messages,
      ...(screenshot ? { screenshot } : {}),
    };
  });

  const namespace = checked.dialect === 'tt' ? 'tt' : 'wx';
  const unsupported = [
    ...checked.unsupported.apis.map((name) => ({
      kind: 'API' as const,
      name: `${namespace}.${name}`,
      pages: paths.filter((page) => reach.get(page)?.apis.has(name)),
    })),
    ...checked.unsupported.components.map((name) => ({
      kind: 'component' as const,
      name: `<${name}>`,
      pages: paths.filter((page) => reach.get(page)?.tags.has(name)),
    })),
  ];
  const runtimeCount = (kind: 'errors' | 'warnings') =>
    pages.reduce((sum, page) => sum + (checkedPages.get(page.path)?.[kind].length ?? 0), 0);
  return {
    app: appName(projectDir),
    ...(project ? { dialect: project.dialect } : {}),
    generatedAt: `${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    built: Boolean(build.manifest),
    pages,
    appMessages,
    unsupported,
    totals: {
      errors: build.errors.length + runtimeCount('errors'),
      warnings: build.warnings.length + runtimeCount('warnings'),
    },
    ...(screenshots.unavailable ? { screenshotsUnavailable: screenshots.unavailable } : {}),
  };
}

function buildMessage(error: CompilerError, level: 'error' | 'warning'): ReportMessage {
  return {
    level,
    code: error.code,
    text: error.message,
    ...(error.file
      ? { where: `${error.file}${error.loc ? `:${error.loc.start.line}:${error.loc.start.column}` : ''}` }
      : {}),
    ...(error.frame ? { frame: error.frame } : {}),
  };
}

function runtimeMessage(
  error: ProgramError,
  level: ReportMessage['level'],
  readSource: (file: string) => string | undefined,
): ReportMessage {
  const source = error.file ? readSource(error.file) : undefined;
  const frame =
    source !== undefined && error.line
      ? codeFrame(source, {
          start: { offset: 0, line: error.line, column: error.column ?? 1 },
          end: { offset: 0, line: error.line, column: (error.column ?? 1) + 1 },
        })
      : undefined;
  return {
    level,
    code: error.source,
    text: error.message,
    ...(error.file
      ? { where: [error.file, error.line, error.column].filter((part) => part !== undefined).join(':') }
      : {}),
    ...(frame ? { frame } : {}),
  };
}

/** The project's own name (`projectname` of its project.config.json, here or one level up), else its folder's. */
function appName(projectDir: string): string {
  for (const dir of [projectDir, dirname(projectDir)]) {
    const file = join(dir, 'project.config.json');
    if (!existsSync(file)) continue;
    try {
      const name = (JSON.parse(readFileSync(file, 'utf8')) as { projectname?: unknown }).projectname;
      if (typeof name === 'string' && name.trim()) return name.trim();
    } catch {
      // A broken project.config.json is the build's to report; the folder names the app.
    }
  }
  return basename(projectDir);
}
