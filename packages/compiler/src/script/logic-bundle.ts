import { decode, encode, type SourceMapMappings } from '@jridgewell/sourcemap-codec';

/** The comment that carries a bundle's source map inline (a standard devtools read too). */
export const SOURCE_MAP_PREFIX = '//# sourceMappingURL=data:application/json;charset=utf-8;base64,';

/**
 * `logic.js` as it is assembled: module after module, with one source map for the whole
 * bundle, so a runtime error anywhere maps back to the author's file, line and column even
 * though esbuild reprints every module (ES modules and TypeScript grow helper lines, blank
 * lines and comments vanish).
 */
export class LogicBundle {
  private readonly chunks: string[] = [];
  private readonly sources: string[] = [];
  private readonly mappings: SourceMapMappings = [];

  constructor(header: string) {
    this.append(header, undefined, 0);
  }

  /**
   * Adds a module's wrapped code. `map` is the esbuild source map of its body, whose first
   * line is line `bodyLine` (0-based) of `code`; `source` is the author's file.
   */
  add(code: string, source: string, map: string | undefined, bodyLine: number): void {
    this.append(code, map ? { source, map } : undefined, bodyLine);
  }

  /** The bundle text, its source map inline at the end. */
  text(): string {
    const map = {
      version: 3,
      file: 'logic.js',
      sources: this.sources,
      names: [],
      mappings: encode(this.mappings),
    };
    const body = this.chunks.join('\n');
    return `${body}\n${SOURCE_MAP_PREFIX}${Buffer.from(JSON.stringify(map)).toString('base64')}\n`;
  }

  private append(code: string, mapped: { source: string; map: string } | undefined, bodyLine: number): void {
    // Chunks are joined by one newline; a chunk that ends in one leaves an empty line.
    const lines = code.split('\n').length;
    const start = this.mappings.length;
    for (let i = 0; i < lines; i++) this.mappings.push([]);
    this.chunks.push(code);
    if (!mapped) return;
    const sourceIndex = this.sources.push(mapped.source) - 1;
    const decoded = decode((JSON.parse(mapped.map) as { mappings: string }).mappings);
    decoded.forEach((segments, i) => {
      const line = this.mappings[start + bodyLine + i];
      if (!line) return;
      for (const segment of segments) {
        if (segment.length >= 4) line.push([segment[0], sourceIndex, segment[2]!, segment[3]!]);
      }
    });
  }
}
