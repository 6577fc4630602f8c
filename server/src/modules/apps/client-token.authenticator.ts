import { type Authenticator, bearerToken } from '../../http/access.ts';
import { httpErrors } from '../../http/errors.ts';
import { credentialPrefixes } from './app-credentials.ts';
import type { CredentialService } from './credential.service.ts';

/** `Authorization: Bearer pzt_…` → the app principal; a forged or expired `pzt_` token is a 401. */
export function clientTokenAuthenticator(
  credentials: Pick<CredentialService, 'resolveClientToken'>,
): Authenticator {
  return async (request) => {
    const token = bearerToken(request);
    if (token === undefined || !token.startsWith(`${credentialPrefixes.clientToken}_`)) return undefined;
    const resolved = await credentials.resolveClientToken(token);
    if (!resolved) throw httpErrors.INVALID_CREDENTIALS();
    return { kind: 'app', appId: resolved.appId, tokenId: resolved.tokenId };
  };
}
