/** A point in a source file: `offset` is 0-based, `line` and `column` are 1-based. */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/** The span a node or an error covers. */
export interface SourceLocation {
  start: Position;
  end: Position;
}

/**
 * Maps offsets of one source to positions. Line starts are computed once, so
 * every lookup is a binary search: templates ask for thousands of positions.
 */
export function createLocator(source: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) {
    if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  }
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, source.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { offset: clamped, line: low + 1, column: clamped - lineStarts[low]! + 1 };
  };
}

/** Builds the location of `[start, end)` with a locator. */
export function spanOf(locate: (offset: number) => Position, start: number, end: number): SourceLocation {
  return { start: locate(start), end: locate(end) };
}
