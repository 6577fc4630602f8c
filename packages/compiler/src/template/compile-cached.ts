import type { CompilerError } from '../errors.ts';
import { type CompiledTemplate, type CompileTemplateOptions, compileTemplate } from './compile.ts';

/** One compiled template per file, kept while its source and options stay the same. */
const compiled = new Map<
  string,
  { key: string; source: string; result: CompiledTemplate; errors: CompilerError[] }
>();

/**
 * `compileTemplate` for rebuilds (`plaza dev`): a file whose text and options did not change
 * since the last build is not compiled again; its errors are reported again. The result's file
 * references are fresh copies each time, since a build resolves them in place.
 *
 * @example
 * compileTemplateCached(source, { filename: 'pages/a/a.wxml', onError });
 */
export function compileTemplateCached(source: string, options: CompileTemplateOptions): CompiledTemplate {
  const { onError, ...rest } = options;
  // Options other than the error callback are data; a function among them could not be compared.
  const comparable = Object.values(rest).every((value) => typeof value !== 'function');
  const key = comparable ? JSON.stringify(rest) : undefined;
  const file = options.filename ?? '';
  const hit = key !== undefined ? compiled.get(file) : undefined;
  if (hit && hit.key === key && hit.source === source) {
    for (const error of hit.errors) onError?.(error);
    return fresh(hit.result);
  }
  const errors: CompilerError[] = [];
  const result = compileTemplate(source, {
    ...rest,
    onError: (error) => {
      errors.push(error);
      onError?.(error);
    },
  });
  if (key !== undefined) compiled.set(file, { key, source, result: fresh(result), errors });
  return result;
}

function fresh(result: CompiledTemplate): CompiledTemplate {
  return {
    ...result,
    imports: result.imports.map((reference) => ({ ...reference })),
    includes: result.includes.map((reference) => ({ ...reference })),
    wxs: result.wxs.map((module) => ({ ...module, ...(module.file ? { file: { ...module.file } } : {}) })),
  };
}
