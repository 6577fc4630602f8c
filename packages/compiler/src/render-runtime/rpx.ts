/** `12rpx` → `calc(12 * var(--plaza-rpx))`; the view sets `--plaza-rpx` to viewport width / 750. */
const rpxUnit = /(^|[^\w.-])(-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)rpx\b/gi;

export function convertRpx(value: string): string {
  if (!value.includes('rpx')) return value;
  // Inside url(...) and strings `rpx` is part of a name, not a unit.
  return value.replace(/url\([^)]*\)|"[^"]*"|'[^']*'|[^u"']+|./gi, (chunk) =>
    chunk.startsWith('url(') || chunk.startsWith('"') || chunk.startsWith("'")
      ? chunk
      : chunk.replace(
          rpxUnit,
          (_, before: string, number: string) => `${before}calc(${number} * var(--plaza-rpx))`,
        ),
  );
}
