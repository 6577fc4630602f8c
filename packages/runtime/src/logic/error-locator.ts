import { decode, type SourceMapMappings } from '@jridgewell/sourcemap-codec';

/** Where an error happened in the mini program's own files. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
}

/** The name the evaluated bundle carries in stack traces. */
export const LOGIC_SOURCE_URL = 'plaza-logic.js';
/** Lines `new Function` puts before the body's first line (`function anonymous(a\n) {\n`). */
export const FUNCTION_HEADER_LINES = 2;

const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json[^,]*;base64,([A-Za-z0-9+/=]+)\s*$/;
const DEFINE = /__plaza_define\(\s*(['"])([^'"]+)\1/;
const FRAME = new RegExp(`${LOGIC_SOURCE_URL.replace('.', '\\.')}:(\\d+):(\\d+)`);

interface SourceMap {
  sources: string[];
  mappings: SourceMapMappings;
}

/**
 * Maps stack frames of the evaluated `logic.js` back to the author's file, line and column.
 * The compiler's bundle carries an inline source map (esbuild reprints every module, so
 * bundle lines are not source lines); a bundle without one (hand-written, or from a test
 * harness) is read module by module: each `__plaza_define('<file>', …)` starts a module whose
 * body begins on the next line (after the compiler's `(function () {` line when present).
 */
export class ErrorLocator {
  private readonly starts: { line: number; file: string }[] = [];
  private map: SourceMap | undefined;
  /** The bundle text until the first error needs it: launching pays nothing for locating. */
  private pending: string | undefined;

  /** `headerLines`: lines the evaluator adds before the bundle (0 when it runs as a script). */
  constructor(
    source?: string,
    private readonly headerLines = FUNCTION_HEADER_LINES,
  ) {
    this.pending = source || undefined;
  }

  private read(source: string): void {
    this.map = inlineMap(source);
    if (this.map) return;
    const lines = source.split('\n');
    lines.forEach((text, i) => {
      const m = DEFINE.exec(text);
      if (!m) return;
      const wrapped = lines[i + 1]?.trim() === '(function () {';
      // `line` is the bundle line just before the module's first own line.
      this.starts.push({ line: i + 1 + (wrapped ? 1 : 0), file: m[2]! });
    });
  }

  locate(stack: string | undefined, fallbackFile?: string): ErrorLocation {
    const fallback = fallbackFile ? { file: fallbackFile } : {};
    const frame = stack ? FRAME.exec(stack) : null;
    if (!frame) return fallback;
    if (this.pending !== undefined) {
      this.read(this.pending);
      this.pending = undefined;
    }
    const line = Number(frame[1]) - this.headerLines;
    const column = Number(frame[2]);
    if (this.map) return this.mapped(line, column) ?? fallback;
    let start: { line: number; file: string } | undefined;
    for (const s of this.starts) if (s.line < line) start = s;
    if (!start) return fallback;
    return { file: start.file, line: line - start.line, column };
  }

  /** The original position of bundle `line:column` (1-based), from the nearest mapping at or before it. */
  private mapped(line: number, column: number): ErrorLocation | undefined {
    const segments = this.map!.mappings[line - 1];
    if (!segments?.length) return undefined;
    let best = segments[0]!;
    for (const segment of segments) if (segment[0] <= column - 1) best = segment;
    if (best.length < 4) return undefined;
    const file = this.map!.sources[best[1]!];
    return file === undefined ? undefined : { file, line: best[2]! + 1, column: best[3]! + 1 };
  }
}

function inlineMap(source: string): SourceMap | undefined {
  const tail = source.slice(Math.max(0, source.lastIndexOf('//# sourceMappingURL=')));
  const m = INLINE_MAP.exec(tail);
  if (!m) return undefined;
  try {
    const json = JSON.parse(decodeBase64(m[1]!)) as { sources?: unknown; mappings?: unknown };
    if (!Array.isArray(json.sources) || typeof json.mappings !== 'string') return undefined;
    return { sources: json.sources.map(String), mappings: decode(json.mappings) };
  } catch {
    // A damaged map only costs precision: the define-based reading still names the file.
    return undefined;
  }
}

// The map is ASCII JSON except for file names: its bytes are UTF-8. Decoded without
// TextDecoder, which a bare realm does not have.
function decodeBase64(text: string): string {
  const binary = atob(text);
  return decodeURIComponent(
    binary.replace(/[%\x80-\xff]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`),
  );
}
