import { EventEmitter } from 'node:events';
import type { FastifyInstance } from 'fastify';
import { httpErrors } from './errors.ts';

/**
 * Parsed values are walked (params, queries and JSON bodies, whatever their prototypes); a
 * raw body passed on as a stream (the live ingest) is a graph with cycles, and no value.
 */
function isParsedContainer(v: unknown): v is object {
  return !!v && typeof v === 'object' && !(v instanceof Uint8Array) && !(v instanceof EventEmitter);
}

/** Where the first string holding U+0000 is inside a parsed value (a JSON pointer), if any. */
export function firstNulCharacter(value: unknown): string | undefined {
  // Iterative: bodies may nest as deep as the JSON parser allows.
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path || '/';
    } else if (isParsedContainer(v)) {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) return `${path}/${k}`;
        stack.push([child, `${path}/${k}`]);
      }
    }
  }
  return undefined;
}

/**
 * PostgreSQL cannot store U+0000 in text or jsonb, so a NUL in a path parameter, a query
 * or a JSON body would fail deep in a query as a 500. The platform refuses it up front
 * on both engines alike, as a validation error.
 */
export function installNulRefusal(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every request and seldom finds anything.
  app.addHook('preValidation', (request, _reply, done) => {
    const parts: Array<[string, unknown]> = [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ];
    const problems = parts.flatMap(([where, value]) => {
      const path = firstNulCharacter(value);
      return path === undefined ? [] : [{ in: where, path, message: 'must not contain the NUL character' }];
    });
    done(problems.length > 0 ? httpErrors.VALIDATION(problems) : undefined);
  });
}
