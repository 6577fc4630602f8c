import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** A one-time code the super app hands to a mini program, which its server exchanges. */
export const oneTimeCodeJson = z.object({ code: z.string(), expires_in: z.number() });

/** Sends a one-time code with its lifetime; never stored by a cache on the way. */
export function sendOneTimeCode(reply: FastifyReply, code: string, lifetimeMs: number): FastifyReply {
  return reply.header('cache-control', 'no-store').send({ code, expires_in: lifetimeMs / 1000 });
}
