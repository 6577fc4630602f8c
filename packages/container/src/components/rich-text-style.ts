import { type CSSToken, TokenType, tokenize } from '@csstools/css-tokenizer';

/**
 * Whether a `style` attribute of `<rich-text>` may stay. The text is tokenized as the browser
 * will read it (CSS Syntax Level 3, escapes decoded: `u\72 l(` is a url token), and refused
 * if any token could load something or run something: a url, a function outside the plain
 * value functions (`image-set()`, `-webkit-image-set()`, `cross-fade()`, `element()`,
 * `expression()`, `paint()`…), an at-rule (`@import`), the old binding properties, or a token
 * the browser would recover from in its own way.
 */
const VALUE_FUNCTIONS = new Set(
  (
    'rgb rgba hsl hsla hwb lab lch oklab oklch color color-mix calc min max clamp round mod rem abs sign ' +
    'linear-gradient radial-gradient conic-gradient repeating-linear-gradient repeating-radial-gradient ' +
    'repeating-conic-gradient translate translatex translatey translatez translate3d rotate rotatex rotatey ' +
    'rotatez rotate3d scale scalex scaley scalez scale3d skew skewx skewy matrix matrix3d perspective ' +
    'cubic-bezier steps blur brightness contrast drop-shadow grayscale hue-rotate invert opacity saturate ' +
    'sepia var env fit-content minmax repeat'
  ).split(' '),
);
const BINDINGS = new Set(['behavior', '-moz-binding']);
const REFUSED: ReadonlySet<string> = new Set([
  TokenType.URL,
  TokenType.BadURL,
  TokenType.BadString,
  TokenType.AtKeyword,
  TokenType.CDO,
  TokenType.CDC,
]);

function refused(token: CSSToken, next: CSSToken | undefined): boolean {
  if (REFUSED.has(token[0])) return true;
  if (token[0] === TokenType.Function) return !VALUE_FUNCTIONS.has(token[4].value.toLowerCase());
  if (token[0] === TokenType.Ident && next?.[0] === TokenType.Colon)
    return BINDINGS.has(token[4].value.toLowerCase());
  return false;
}

/** `style` when nothing in it can fetch or run, else undefined. */
export function safeStyle(style: string): string | undefined {
  let broken = false;
  const tokens = tokenize(
    { css: style },
    {
      onParseError: () => {
        broken = true;
      },
    },
  ).filter((token) => token[0] !== TokenType.Whitespace && token[0] !== TokenType.Comment);
  if (broken) return undefined;
  return tokens.some((token, i) => refused(token, tokens[i + 1])) ? undefined : style;
}
