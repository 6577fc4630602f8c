import type { CompilerError } from '../errors.ts';
import { type CompiledStyle, type CompileStyleOptions, compileStyle } from './compile.ts';

interface Remembered {
  key: string;
  source: string;
  /** Every file the compile asked for and what it read (imports, and the names it tried). */
  reads: Map<string, string | undefined>;
  result: CompiledStyle;
  errors: CompilerError[];
}

/** One compiled stylesheet per file, kept while it and every file it read stay the same. */
const compiled = new Map<string, Remembered>();

/**
 * `compileStyle` for rebuilds (`plaza dev`): a stylesheet whose text, scope and imported files
 * did not change since the last build is not parsed again; its errors are reported again.
 * The compile is a function of its source, its options and what `readFile` answered, so
 * asking `readFile` the same questions again says whether the result still holds.
 *
 * @example
 * compileStyleCached(source, { filename: 'pages/a/a.wxss', readFile, onError });
 */
export function compileStyleCached(source: string, options: CompileStyleOptions): CompiledStyle {
  const { onError, readFile, cache: _cache, ...rest } = options;
  const file = options.filename ?? '';
  const key = JSON.stringify(rest);
  const hit = compiled.get(file);
  if (
    hit &&
    hit.key === key &&
    hit.source === source &&
    [...hit.reads].every(([path, text]) => readFile?.(path) === text)
  ) {
    for (const error of hit.errors) onError?.(error);
    return { ...hit.result, imports: [...hit.result.imports] };
  }
  const reads = new Map<string, string | undefined>();
  const errors: CompilerError[] = [];
  const result = compileStyle(source, {
    ...options,
    readFile: (path) => {
      const text = readFile?.(path);
      reads.set(path, text);
      return text;
    },
    onError: (error) => {
      errors.push(error);
      onError?.(error);
    },
  });
  compiled.set(file, { key, source, reads, result: { ...result, imports: [...result.imports] }, errors });
  return result;
}
