import { createHash } from 'node:crypto';
import type { StyleScope } from '../render-runtime/class-scope.ts';

export type StyleIsolation = 'isolated' | 'apply-shared' | 'shared';

export interface ComponentStyleOptions {
  styleIsolation?: string;
  addGlobalClass?: boolean;
}

/**
 * The class scope of a component, as the dialects define isolation:
 * - `isolated` (default): the component's styles and the outside's never meet;
 * - `apply-shared` (or `addGlobalClass: true`): app/page styles reach in, its own stay in;
 * - `shared`: styles flow both ways (its stylesheet is left unprefixed).
 */
export function componentStyleScope(
  componentPath: string,
  options: ComponentStyleOptions,
): {
  scope: StyleScope;
  isolation: StyleIsolation;
  /** Whether the component's stylesheet is prefixed (all but `shared`). */
  scopedCss: boolean;
} {
  const hash = createHash('sha1').update(componentPath).digest('hex').slice(0, 8);
  const isolation: StyleIsolation =
    options.styleIsolation === 'shared' || options.styleIsolation === 'apply-shared'
      ? options.styleIsolation
      : options.addGlobalClass
        ? 'apply-shared'
        : 'isolated';
  return {
    scope: { prefix: `c${hash}-`, keepGlobal: isolation !== 'isolated', hostClass: `c${hash}` },
    isolation,
    scopedCss: isolation !== 'shared',
  };
}
