import type { FastifyInstance } from 'fastify';
import { httpErrors } from './errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies: invalid UTF-8 is refused (not silently replaced), and prototype
 * pollution keys are refused by Fastify's secure parser.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer' },
    (request, body: Buffer | string, done) => {
      let text: string;
      try {
        text = utf8.decode(typeof body === 'string' ? Buffer.from(body) : body);
      } catch {
        done(httpErrors.INVALID_UTF8(), undefined);
        return;
      }
      parseJson(request, text, done);
    },
  );
}
