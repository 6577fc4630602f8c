import { join, relative } from 'node:path';
import type { CompilerError } from '@plaza/compiler';

/**
 * One build error as terminals and editors link it: `path:line:col: message [code]`, the
 * path relative to where the command ran, then the code frame.
 */
export function formatDiagnostic(
  error: CompilerError,
  projectRoot: string,
  cwd: string,
  level = 'error',
): string {
  const file = error.file
    ? relative(cwd, join(projectRoot, error.file)) || error.file
    : relative(cwd, projectRoot) || '.';
  const at = error.loc ? `:${error.loc.start.line}:${error.loc.start.column}` : '';
  const frame = error.frame ? `\n${error.frame}` : '';
  return `${file}${at}: ${level}: ${error.message} [${error.code}]${frame}\n`;
}
