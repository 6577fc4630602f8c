const SAFE_AREA =
  /\b(?:env|constant)\(\s*safe-area-inset-(top|right|bottom|left)\s*(,[^()]*(?:\([^()]*\)[^()]*)*)?\)/g;

/**
 * `env(safe-area-inset-*)` (and iOS 11's `constant(…)`) reads zero inside a frame, whatever
 * the phone's notch: the container measures the insets in its own page and hands them to
 * each view frame as `--plaza-safe-area-inset-*`, and the value falls back to `env()` where
 * nobody sets them.
 *
 * @example
 * convertSafeArea('padding-bottom: env(safe-area-inset-bottom)')
 * // 'padding-bottom: var(--plaza-safe-area-inset-bottom, env(safe-area-inset-bottom))'
 */
export function convertSafeArea(value: string): string {
  if (!value.includes('safe-area-inset-')) return value;
  return value.replace(
    SAFE_AREA,
    (_, side: string, fallback: string | undefined) =>
      `var(--plaza-safe-area-inset-${side}, env(safe-area-inset-${side}${fallback ?? ''}))`,
  );
}
