import type { SourceLocation } from './location.ts';

/**
 * Renders the lines around `loc` with line numbers and a caret under the
 * error, the way Babel and Vue print it:
 * ```
 *   2 | <view>
 * > 3 |   {{ a + }}
 *     |        ^
 * ```
 */
export function codeFrame(source: string, loc: SourceLocation, contextLines = 2): string {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, loc.start.line - contextLines);
  const last = Math.min(lines.length, loc.end.line + contextLines, loc.start.line + contextLines);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = lines[n - 1] ?? '';
    const marker = n === loc.start.line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(width)} | ${text}`);
    if (n === loc.start.line) {
      const sameLine = loc.end.line === loc.start.line;
      const length = sameLine ? Math.max(1, loc.end.column - loc.start.column) : 1;
      const pad = text.slice(0, loc.start.column - 1).replace(/[^\t]/g, ' ');
      out.push(`  ${' '.repeat(width)} | ${pad}${'^'.repeat(Math.min(length, 80))}`);
    }
  }
  return out.join('\n');
}
