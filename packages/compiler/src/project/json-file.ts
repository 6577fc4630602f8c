import type { z } from 'zod';
import { CompilerError, type CompilerErrorCode } from '../errors.ts';
import { createLocator, type SourceLocation } from '../location.ts';

export interface JsonFile<T> {
  value: T | undefined;
  /** Location of the value at a path (`['pages', 2]`), for errors about it. */
  locate(path: readonly PropertyKey[]): SourceLocation | undefined;
}

/**
 * Parses a JSON config file and validates it with a schema. Syntax and schema
 * problems become coded errors positioned at the offending value.
 */
export function readJsonFile<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  invalidCode: CompilerErrorCode,
  report: (error: CompilerError) => void,
): JsonFile<z.infer<S>> {
  // A rebuild (`plaza dev`) reads the same unchanged configs again: their result is kept, by
  // file, while the text and the schema are the same; their messages are reported again.
  const known = remembered.get(file);
  if (known && known.text === text && known.schema === schema && known.invalidCode === invalidCode) {
    for (const error of known.errors) report(error);
    return known.result as JsonFile<z.infer<S>>;
  }
  const errors: CompilerError[] = [];
  const result = readUncached(text, file, schema, invalidCode, (error) => {
    errors.push(error);
    report(error);
  });
  remembered.set(file, { text, schema, invalidCode, result, errors });
  return result;
}

const remembered = new Map<
  string,
  {
    text: string;
    schema: z.ZodType;
    invalidCode: CompilerErrorCode;
    result: JsonFile<unknown>;
    errors: CompilerError[];
  }
>();

function readUncached<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  invalidCode: CompilerErrorCode,
  report: (error: CompilerError) => void,
): JsonFile<z.infer<S>> {
  const locator = createLocator(text);
  const offsets = valueOffsets(text);
  const locate = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const range = offsets.get(path.slice(0, n).map(String).join('\u0000'));
      if (range) return { start: locator(range[0]), end: locator(range[1]) };
    }
    return undefined;
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const at = position !== undefined ? Number(position) : /end of JSON/i.test(message) ? text.length : 0;
    report(
      new CompilerError(
        'PLZ_PROJ_JSON_SYNTAX',
        [message],
        { start: locator(at), end: locator(at + 1) },
        file,
      ),
    );
    return { value: undefined, locate };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
      const args =
        invalidCode === 'PLZ_PROJ_APP_JSON_INVALID'
          ? [`${where}${issue.message}`]
          : [file, `${where}${issue.message}`];
      report(new CompilerError(invalidCode, args, locate(issue.path as PropertyKey[]), file));
    }
    return { value: undefined, locate };
  }
  return { value: parsed.data, locate };
}

/**
 * Start and end offsets of every value in a JSON text, keyed by its path
 * joined with NUL. A small scanner, since `JSON.parse` keeps no positions.
 */
function valueOffsets(text: string): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const string = () => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return '';
    }
  };
  const value = (path: string[], depth: number): void => {
    ws();
    const start = i;
    const c = text[i];
    if (depth > 64 || c === undefined) return;
    if (c === '{') {
      i++;
      for (ws(); i < text.length && text[i] !== '}'; ws()) {
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] !== '"') return;
        const key = string();
        ws();
        if (text[i] === ':') i++;
        value([...path, key], depth + 1);
      }
      i++;
    } else if (c === '[') {
      i++;
      let index = 0;
      for (ws(); i < text.length && text[i] !== ']'; ws()) {
        if (text[i] === ',') {
          i++;
          continue;
        }
        const before = i;
        value([...path, String(index++)], depth + 1);
        if (i === before) return;
      }
      i++;
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
      if (i === start) return;
    }
    out.set(path.join('\u0000'), [start, i]);
  };
  value([], 0);
  return out;
}
