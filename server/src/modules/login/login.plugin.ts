import type { FastifyInstance } from 'fastify';
import { loginRoutes } from './login.routes.ts';
import type { LoginService } from './login.service.ts';

/** The login module's HTTP surface: the super app's login code and the merchant's code2session. */
export async function loginPlugin(app: FastifyInstance, options: { login: LoginService }): Promise<void> {
  await app.register(loginRoutes, options);
}
