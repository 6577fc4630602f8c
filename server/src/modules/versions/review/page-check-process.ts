/**
 * Runs in its own process (see `page-checks.ts`): opens every page of a package in the
 * headless simulator and prints one JSON line with the result. The program is untrusted
 * code; a process of its own means a crash or an endless loop costs only this process.
 */
import { allPages, launch, loadProgram, type ProgramError, SimulatorError } from '@plaza/simulator';
import type { PageRun } from './page-checks.ts';

/** A page's document larger than this is not painted (its check still counts). */
const markupLimit = 2_000_000;

async function checkPage(program: Awaited<ReturnType<typeof loadProgram>>, path: string): Promise<PageRun> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const sim = await launch('', { program, path, timeout: 3_000, failOnError: false });
    // The first render's follow-ups (onReady, 0 ms timers, requests) count too.
    await sim.settle();
    // A page may leave at once for another (a deep link with nothing to show, like an empty
    // cart's confirmation page): it still loaded, as `plaza check` counts it.
    const rendered =
      sim.visited.includes(path) && sim.getCurrentPages().length > 0 && sim.root.childNodes.length > 0;
    const errors = sim.errors.map(plainError);
    // The whole document, its <style> elements included, for the review's screenshot.
    const markup = rendered ? sim.document.documentElement.outerHTML : '';
    sim.close();
    return {
      path,
      rendered,
      ms: ms(),
      errors,
      ...(markup && markup.length <= markupLimit ? { markup } : {}),
    };
  } catch (error) {
    const programErrors = (error as { programErrors?: ProgramError[] }).programErrors;
    const errors = programErrors?.map(plainError) ?? [
      {
        source: error instanceof SimulatorError ? error.code : 'simulator',
        message: (error as Error).message,
      },
    ];
    return { path, rendered: false, ms: ms(), errors };
  }
}

function plainError(e: ProgramError) {
  return {
    source: e.source,
    message: e.message,
    ...(e.file ? { file: e.file } : {}),
    ...(e.line ? { line: e.line } : {}),
    ...(e.column ? { column: e.column } : {}),
  };
}

async function run(archive: string): Promise<unknown> {
  let program: Awaited<ReturnType<typeof loadProgram>>;
  try {
    program = await loadProgram(archive);
  } catch (error) {
    return { load: { ok: false, error: (error as Error).message }, pages: [] };
  }
  const pages: PageRun[] = [];
  for (const path of allPages(program)) pages.push(await checkPage(program, path));
  return { load: { ok: true }, pages };
}

// The simulator records the program's unhandled rejections while a page runs; one that
// surfaces after its page closed must not take the other pages' checks down with it.
process.on('unhandledRejection', () => {});

const archive = process.argv[2];
if (!archive) {
  process.stderr.write('usage: page-check-process <package.tgz>\n');
  process.exit(2);
}
const result = await run(archive);
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
