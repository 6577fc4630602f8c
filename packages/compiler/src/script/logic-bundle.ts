import { encode, type SourceMapMappings } from '@jridgewell/sourcemap-codec';
import { decodedMap } from './decoded-map.ts';

/** The comment that carries a bundle's source map inline (a standard devtools read too). */
export const SOURCE_MAP_PREFIX = '//# sourceMappingURL=data:application/json;charset=utf-8;base64,';

interface Chunk {
  code: string;
  mapped: { source: string; map: string } | undefined;
  bodyLine: number;
}

/** The last bundle printed: a rebuild whose modules are all the same prints the same text. */
let printed: { chunks: Chunk[]; text: string } | undefined;

/**
 * `logic.js` as it is assembled: module after module, with one source map for the whole
 * bundle, so a runtime error anywhere maps back to the author's file, line and column even
 * though esbuild reprints every module (ES modules and TypeScript grow helper lines, blank
 * lines and comments vanish).
 */
export class LogicBundle {
  private readonly chunks: Chunk[] = [];

  constructor(header: string) {
    this.chunks.push({ code: header, mapped: undefined, bodyLine: 0 });
  }

  /**
   * Adds a module's wrapped code. `map` is the esbuild source map of its body, whose first
   * line is line `bodyLine` (0-based) of `code`; `source` is the author's file.
   */
  add(code: string, source: string, map: string | undefined, bodyLine: number): void {
    this.chunks.push({ code, mapped: map ? { source, map } : undefined, bodyLine });
  }

  /** The bundle text, its source map inline at the end. */
  text(): string {
    if (printed && sameChunks(printed.chunks, this.chunks)) return printed.text;
    const sources: string[] = [];
    const mappings: SourceMapMappings = [];
    for (const { code, mapped, bodyLine } of this.chunks) {
      // Chunks are joined by one newline; a chunk that ends in one leaves an empty line.
      const start = mappings.length;
      const lines = lineCount(code);
      for (let i = 0; i < lines; i++) mappings.push([]);
      if (!mapped) continue;
      const sourceIndex = sources.push(mapped.source) - 1;
      decodedMap(mapped.source, mapped.map).forEach((segments, i) => {
        const line = mappings[start + bodyLine + i];
        if (!line) return;
        for (const segment of segments) {
          if (segment.length >= 4) line.push([segment[0], sourceIndex, segment[2]!, segment[3]!]);
        }
      });
    }
    const map = { version: 3, file: 'logic.js', sources, names: [], mappings: encode(mappings) };
    const body = this.chunks.map((chunk) => chunk.code).join('\n');
    const text = `${body}\n${SOURCE_MAP_PREFIX}${Buffer.from(JSON.stringify(map)).toString('base64')}\n`;
    printed = { chunks: [...this.chunks], text };
    return text;
  }
}

function lineCount(code: string): number {
  let lines = 1;
  for (let at = code.indexOf('\n'); at !== -1; at = code.indexOf('\n', at + 1)) lines++;
  return lines;
}

function sameChunks(a: Chunk[], b: Chunk[]): boolean {
  if (a.length !== b.length) return false;
  return a.every(
    (chunk, i) =>
      chunk.code === b[i]!.code &&
      chunk.bodyLine === b[i]!.bodyLine &&
      chunk.mapped?.source === b[i]!.mapped?.source &&
      chunk.mapped?.map === b[i]!.mapped?.map,
  );
}
