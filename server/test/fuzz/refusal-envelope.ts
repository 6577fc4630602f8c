import { readFileSync } from 'node:fs';

/** Every documented error code with its status, read from the catalogue page. */
export function documentedCodes(errorsMarkdown: string): Map<string, number> {
  const codes = new Map<string, number>();
  for (const m of errorsMarkdown.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|\s*(\d{3})\s*\|/gm))
    codes.set(m[1] as string, Number(m[2]));
  return codes;
}

export const platformErrorCodes = documentedCodes(
  readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8'),
);

// What a refusal must never show: stack frames, source paths, SQL or the driver's words.
const leaks: Array<[string, RegExp]> = [
  ['a stack frame', /\bat [\w.<>]+ \(|\n\s+at /],
  ['a source path', /node_modules|\/src\/|\.tsx?:\d+|\/(?:home|work|tmp|usr)\//],
  ['SQL', /\b(?:select|insert|update|delete)\b[^"]{0,80}\b(?:from|into|set|where)\b/i],
  [
    'a database error',
    /SQLITE_|sqlite|postgres|syntax error|violates|duplicate key|invalid input syntax|relation "/i,
  ],
];

/**
 * Why a response breaks the API's conventions, or undefined when it keeps them: a
 * status under 500, and every refusal exactly `{"error":{"code","message","details?"}}`
 * with a documented code, its documented status, and nothing of the server's insides.
 */
export function conventionProblem(
  status: number,
  contentType: string | undefined,
  body: string,
  codes: ReadonlyMap<string, number> = platformErrorCodes,
): string | undefined {
  if (status >= 500) return `status ${status}: ${body.slice(0, 300)}`;
  if (status < 400) return undefined;
  if (!contentType?.includes('application/json')) return `refusal as ${contentType}: ${body.slice(0, 200)}`;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return `refusal that is not JSON: ${body.slice(0, 200)}`;
  }
  const keys = (o: unknown) => (o && typeof o === 'object' && !Array.isArray(o) ? Object.keys(o) : []);
  if (keys(json).join() !== 'error') return `not the envelope: ${body.slice(0, 200)}`;
  const error = (json as { error: Record<string, unknown> }).error;
  const extra = keys(error).filter((k) => !['code', 'message', 'details'].includes(k));
  if (extra.length > 0 || typeof error.code !== 'string' || typeof error.message !== 'string')
    return `not the envelope: ${body.slice(0, 200)}`;
  const documented = codes.get(error.code);
  if (documented === undefined) return `undocumented code ${error.code}`;
  if (documented !== status) return `${error.code} with status ${status}, documented as ${documented}`;
  const text = `${error.message} ${JSON.stringify(error.details ?? '')}`;
  for (const [what, pattern] of leaks)
    if (pattern.test(text)) return `${what} in ${error.code}: ${text.slice(0, 300)}`;
  return undefined;
}

// What a success must never carry: the contents of the server's own files.
const serverFiles = /root:x:0:0|"name":\s*"@plaza\/|-----BEGIN [A-Z ]*PRIVATE KEY|PLAZA_DATABASE_URL=/;

/** Why a successful reply looks like a file of the server (a path escaped its root), if it does. */
export function leakedFile(status: number, body: string): string | undefined {
  if (status >= 400 || !serverFiles.test(body)) return undefined;
  return `status ${status} carries a server file: ${body.slice(0, 120)}`;
}

/**
 * A refusal in another platform's envelope: the routes under `/compat/` answer as Douyin
 * and WeChat do, HTTP 200 with a non-zero `err_no` or `errcode` (or Douyin Open Platform's
 * `message: "error"`), so the fuzzer counts those as refused, and checks they changed nothing.
 */
export function dialectRefusal(url: string, status: number, body: string): boolean {
  if (!url.startsWith('/compat/') || status !== 200) return false;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return false;
  }
  if (!json || typeof json !== 'object') return false;
  const o = json as { err_no?: unknown; errcode?: unknown; message?: unknown; error?: unknown };
  return (
    (typeof o.err_no === 'number' && o.err_no !== 0) ||
    (typeof o.errcode === 'number' && o.errcode !== 0) ||
    o.message === 'error'
  );
}
