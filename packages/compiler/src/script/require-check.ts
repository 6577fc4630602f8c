import type { SourceMapMappings } from '@jridgewell/sourcemap-codec';
import { CompilerError } from '../errors.ts';
import { resolvePackagePath } from '../package-path.ts';
import { decodedMap } from './decoded-map.ts';
import type { ScriptFacts } from './scan-usage.ts';

/**
 * `require`s of a script that name a file of the program (`./x`, `../x`, `/x`) which does not
 * exist, as the runtime would resolve them (`.js`/`.json` optional, `index` files; `.ts` sources count
 * as their `.js`). Positions are the author's, read back through the script's source map.
 * Bare ids are left alone: they may name a package the platform provides.
 */
export function unresolvedRequires(
  file: string,
  requires: ScriptFacts['requires'],
  map: string | undefined,
  exists: (path: string) => boolean,
): CompilerError[] {
  const errors: CompilerError[] = [];
  let mappings: SourceMapMappings | undefined;
  for (const { request, line, column } of requires) {
    if (!/^(\.{1,2})?\//.test(request)) continue;
    const base = resolvePackagePath(file, request);
    const candidates = base === undefined ? [] : [base, `${base}.js`, `${base}.json`, `${base}/index.js`];
    if (candidates.some((c) => exists(c) || (c.endsWith('.js') && exists(c.replace(/\.js$/, '.ts')))))
      continue;
    mappings ??= map ? decodedMap(file, map) : [];
    const at = original(mappings, line, column) ?? { line, column: column + 1 };
    const loc = {
      start: { offset: 0, ...at },
      end: { offset: 0, line: at.line, column: at.column + request.length + 2 },
    };
    errors.push(new CompilerError('PLZ_SCRIPT_REQUIRE_UNRESOLVED', [request], loc, file));
  }
  return errors;
}

/** The author's 1-based line and column of a compiled position (line 1-based, column 0-based). */
function original(
  mappings: SourceMapMappings,
  line: number,
  column: number,
): { line: number; column: number } | undefined {
  const segments = mappings[line - 1];
  if (!segments?.length) return undefined;
  let best = segments[0]!;
  for (const segment of segments) if (segment[0] <= column) best = segment;
  return best.length >= 4 ? { line: best[2]! + 1, column: best[3]! + 1 } : undefined;
}
