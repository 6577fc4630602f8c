/**
 * The template tokenizer: splits .ttml/.wxml source into text, comment and tag
 * tokens with offsets. It never throws; malformed input yields tokens plus
 * problems, so the parser can report many errors in one pass.
 */

export interface RawAttribute {
  name: string;
  /** `undefined` for a bare attribute such as `hidden`. */
  value: string | undefined;
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
}

export type Token =
  | { type: 'text'; start: number; end: number }
  | { type: 'comment'; start: number; end: number }
  | {
      type: 'open';
      name: string;
      attrs: RawAttribute[];
      selfClosing: boolean;
      start: number;
      end: number;
    }
  | { type: 'close'; name: string; start: number; end: number };

export interface TokenizeProblem {
  kind: 'eof-in-tag' | 'eof-in-comment';
  name: string;
  start: number;
  end: number;
}

/** Elements whose content is script, not markup: `<` inside them is not a tag. */
const rawTextElements = new Set(['wxs', 'sjs']);

const isNameChar = (c: string) => !/[\s"'<>/=]/.test(c);

export function tokenize(source: string): { tokens: Token[]; problems: TokenizeProblem[] } {
  const tokens: Token[] = [];
  const problems: TokenizeProblem[] = [];
  const length = source.length;
  let i = 0;
  let textStart = -1;
  let nextClose = -2;
  let nextTag = -2;

  const flushText = (end: number) => {
    if (textStart >= 0 && end > textStart) tokens.push({ type: 'text', start: textStart, end });
    textStart = -1;
  };

  while (i < length) {
    const c = source[i]!;
    if (c === '{' && source[i + 1] === '{') {
      // A mustache may hold `<` (`a < b`): skip to its end so it is not read as a tag. The
      // next `}}` and the next tag start are found once and reused, so that a hostile run of
      // `{{` costs linear time, not quadratic.
      if (nextClose !== -1 && nextClose < i + 2) nextClose = source.indexOf('}}', i + 2);
      if (nextTag !== -1 && nextTag < i + 2) nextTag = findTagStart(source, i + 2);
      const close = nextClose;
      if (textStart < 0) textStart = i;
      if (close >= 0 && (nextTag < 0 || nextTag >= close)) {
        i = close + 2;
      } else {
        i += 2;
      }
      continue;
    }
    if (c !== '<') {
      if (textStart < 0) textStart = i;
      i++;
      continue;
    }
    if (source.startsWith('<!--', i)) {
      flushText(i);
      const close = source.indexOf('-->', i + 4);
      if (close < 0) {
        problems.push({ kind: 'eof-in-comment', name: '', start: i, end: length });
        i = length;
      } else {
        tokens.push({ type: 'comment', start: i, end: close + 3 });
        i = close + 3;
      }
      continue;
    }
    const next = source[i + 1] ?? '';
    if (next === '/') {
      let j = i + 2;
      while (j < length && isNameChar(source[j]!)) j++;
      const name = source.slice(i + 2, j);
      if (!name) {
        if (textStart < 0) textStart = i;
        i++;
        continue;
      }
      flushText(i);
      const close = source.indexOf('>', j);
      if (close < 0) {
        problems.push({ kind: 'eof-in-tag', name, start: i, end: length });
        i = length;
      } else {
        tokens.push({ type: 'close', name, start: i, end: close + 1 });
        i = close + 1;
      }
      continue;
    }
    if (!/[A-Za-z]/.test(next)) {
      // A lone `<` in text, as in `a < b`: keep it as text.
      if (textStart < 0) textStart = i;
      i++;
      continue;
    }
    flushText(i);
    const tagStart = i;
    let j = i + 1;
    while (j < length && isNameChar(source[j]!)) j++;
    const name = source.slice(i + 1, j);
    const attrs: RawAttribute[] = [];
    let selfClosing = false;
    let closed = false;
    while (j < length) {
      const d = source[j]!;
      if (/\s/.test(d)) {
        j++;
        continue;
      }
      if (d === '>') {
        closed = true;
        j++;
        break;
      }
      if (d === '/' && source[j + 1] === '>') {
        selfClosing = true;
        closed = true;
        j += 2;
        break;
      }
      if (d === '<') break; // a new tag starts: this one was never closed
      const attrStart = j;
      while (j < length && (isNameChar(source[j]!) || source[j] === '/') && !source.startsWith('/>', j)) j++;
      if (j === attrStart) {
        j++; // a stray quote or `=`: skip it
        continue;
      }
      const attrName = source.slice(attrStart, j);
      let k = j;
      while (k < length && /\s/.test(source[k]!)) k++;
      if (source[k] !== '=') {
        attrs.push({
          name: attrName,
          value: undefined,
          start: attrStart,
          end: j,
          valueStart: j,
          valueEnd: j,
        });
        continue;
      }
      k++;
      while (k < length && /\s/.test(source[k]!)) k++;
      const quote = source[k];
      if (quote === '"' || quote === "'") {
        const valueEnd = findQuoteEnd(source, k + 1, quote);
        if (valueEnd < 0) {
          j = length;
          break;
        }
        attrs.push({
          name: attrName,
          value: source.slice(k + 1, valueEnd),
          start: attrStart,
          end: valueEnd + 1,
          valueStart: k + 1,
          valueEnd,
        });
        j = valueEnd + 1;
      } else {
        let e = k;
        while (e < length && !/[\s>]/.test(source[e]!) && !source.startsWith('/>', e)) e++;
        attrs.push({
          name: attrName,
          value: source.slice(k, e),
          start: attrStart,
          end: e,
          valueStart: k,
          valueEnd: e,
        });
        j = e;
      }
    }
    if (!closed) {
      problems.push({ kind: 'eof-in-tag', name, start: tagStart, end: j });
      tokens.push({ type: 'open', name, attrs, selfClosing: false, start: tagStart, end: j });
      i = j;
      continue;
    }
    tokens.push({ type: 'open', name, attrs, selfClosing, start: tagStart, end: j });
    i = j;
    if (!selfClosing && rawTextElements.has(name)) {
      const closeAt = source.indexOf(`</${name}`, i);
      const end = closeAt < 0 ? length : closeAt;
      if (end > i) tokens.push({ type: 'text', start: i, end });
      i = end;
    }
  }
  flushText(length);
  return { tokens, problems };
}

/** Offset of the next `<` that starts a tag, an end tag or a comment; -1 when none. */
function findTagStart(source: string, from: number): number {
  const pattern = /<[A-Za-z/!]/g;
  pattern.lastIndex = from;
  return pattern.exec(source)?.index ?? -1;
}

/** The closing quote, skipping quotes nested inside `{{ }}` (`"{{ a ? "x" : "y" }}"` is common). */
function findQuoteEnd(source: string, from: number, quote: string): number {
  let depth = 0;
  // Found once and reused while ahead, so a hostile run of quotes stays linear.
  let closeMustache = -2;
  let tagEnd = -2;
  for (let i = from; i < source.length; i++) {
    if (source.startsWith('{{', i)) {
      depth++;
      i++;
    } else if (depth > 0 && source.startsWith('}}', i)) {
      depth--;
      i++;
    } else if (source[i] === quote && depth === 0) {
      return i;
    } else if (source[i] === quote && depth > 0) {
      // A quote inside a mustache that ends the attribute anyway (an unclosed `{{`): end here
      // only when the mustache never closes before the end of the tag.
      if (closeMustache !== -1 && closeMustache < i) closeMustache = source.indexOf('}}', i);
      if (tagEnd !== -1 && tagEnd < i) tagEnd = source.indexOf('>', i);
      if (closeMustache < 0 || (tagEnd >= 0 && tagEnd < closeMustache && source[tagEnd - 1] !== '='))
        return i;
    }
  }
  return -1;
}
