import type { FastifyInstance } from 'fastify';
import { requireAccount, requireUser } from '../../http/access.ts';
import type { IdentityService } from './identity.service.ts';
import type { SessionKind } from './identity.table.ts';
import { clearSessionCookies } from './session-cookies.ts';

/** `DELETE <path>`: revokes the caller's own session (of one kind) and clears its cookies. */
export function signOutRoute(
  app: FastifyInstance,
  options: { path: string; kind: SessionKind; identity: IdentityService; secureCookies: boolean },
): void {
  const { path, kind, identity, secureCookies } = options;
  app.delete(
    path,
    {
      config: { access: kind === 'account' ? ['developer'] : ['user'] },
      schema: { tags: ['identity'], summary: 'Sign out: revokes this session and clears its cookies' },
    },
    async (request, reply) => {
      const p = kind === 'account' ? requireAccount(request) : requireUser(request);
      await identity.endSession(p.sessionId);
      clearSessionCookies(reply, kind, secureCookies);
      return reply.code(204).send();
    },
  );
}
