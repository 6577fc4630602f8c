/** Where an error happened in the mini program's own files. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
}

/** The name the evaluated bundle carries in stack traces. */
export const LOGIC_SOURCE_URL = 'plaza-logic.js';
/** Lines the evaluator puts before the bundle's first line (`new Function` adds two). */
const HEADER_LINES = 2;

/**
 * Maps stack frames of the evaluated `logic.js` back to the module they fall in:
 * each `__plaza_define('<file>', …)` call starts a module, and the line inside it is
 * counted from the line after that call.
 */
export class ErrorLocator {
  private readonly starts: { line: number; file: string }[] = [];

  constructor(source?: string) {
    if (!source) return;
    const lines = source.split('\n');
    const define = /__plaza_define\(\s*(['"])([^'"]+)\1/;
    lines.forEach((text, i) => {
      const m = define.exec(text);
      if (m) this.starts.push({ line: i + 1, file: m[2]! });
    });
  }

  locate(stack: string | undefined, fallbackFile?: string): ErrorLocation {
    const frame = stack
      ? new RegExp(`${LOGIC_SOURCE_URL.replace('.', '\\.')}:(\\d+):(\\d+)`).exec(stack)
      : null;
    if (!frame || this.starts.length === 0) return fallbackFile ? { file: fallbackFile } : {};
    const sourceLine = Number(frame[1]) - HEADER_LINES;
    let start: { line: number; file: string } | undefined;
    for (const s of this.starts) if (s.line <= sourceLine) start = s;
    if (!start) return fallbackFile ? { file: fallbackFile } : {};
    return { file: start.file, line: Math.max(1, sourceLine - start.line), column: Number(frame[2]) };
  }
}
