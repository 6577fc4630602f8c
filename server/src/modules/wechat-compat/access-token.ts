import type { FastifyRequest } from 'fastify';
import type { App, AppsService } from '../apps/index.ts';
import { wechatErrors } from './errors.ts';

/** The app whose `access_token` (a Plaza client token) the query carries, as WeChat checks it. */
export async function appOfAccessToken(
  apps: Pick<AppsService, 'resolveClientToken' | 'get'>,
  request: FastifyRequest,
): Promise<App> {
  const token = (request.query as { access_token?: string }).access_token;
  if (!token) throw wechatErrors.ACCESS_TOKEN_MISSING();
  const resolved = await apps.resolveClientToken(token);
  const found = resolved && (await apps.get(resolved.appId));
  if (!found) throw wechatErrors.ACCESS_TOKEN_INVALID();
  return found;
}
