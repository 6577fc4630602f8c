import { CompilerError, type ErrorHandler } from '../errors.ts';
import type { Position } from '../location.ts';
import type { ValuePart } from './ast.ts';

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the HTML entities templates use (`&lt;`, `&#39;`, `&nbsp;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * Splits `a {{ b }} c` into static and interpolation parts. `start` is the
 * offset of `text` in its file. A `{{` without `}}` is reported and kept as text.
 */
export function splitInterpolations(
  text: string,
  start: number,
  locate: (offset: number) => Position,
  onError: ErrorHandler,
): ValuePart[] {
  const parts: ValuePart[] = [];
  let i = 0;
  const pushStatic = (from: number, to: number) => {
    if (to > from) {
      parts.push({
        type: 'static',
        value: decodeEntities(text.slice(from, to)),
        loc: { start: locate(start + from), end: locate(start + to) },
      });
    }
  };
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) {
      onError(
        new CompilerError('PLZ_TPL_UNCLOSED_INTERPOLATION', [], {
          start: locate(start + open),
          end: locate(start + open + 2),
        }),
      );
      break;
    }
    pushStatic(i, open);
    let source = text.slice(open + 2, close);
    let end = close + 2;
    // `{{ {a: 1}}}` written tight: the first `}}` closes the object, not the mustache.
    let depth = countBraces(source);
    while (text[end] === '}' && depth > 0) {
      source += '}';
      depth--;
      end++;
    }
    const loc = { start: locate(start + open), end: locate(start + end) };
    if (!source.trim()) onError(new CompilerError('PLZ_TPL_EMPTY_INTERPOLATION', [], loc));
    parts.push({ type: 'interpolation', source, loc, sourceOffset: start + open + 2 });
    i = end;
  }
  pushStatic(i, text.length);
  return parts;
}

function countBraces(source: string): number {
  let depth = 0;
  for (const c of source) {
    if (c === '{') depth++;
    else if (c === '}') depth--;
  }
  return depth;
}
