import { bearerToken, createCachedTokenVerifier, ErrorCode, TokenError, type TokenCacheOptions, type VerifierOptions } from '@nomad/contract';
import { errorReply } from '../http/exchange.ts';
import type { GatewayPlugin } from './types.ts';

export interface AuthOptions extends Pick<TokenCacheOptions, 'cacheSize' | 'now'> {
  /** How callers' JWTs are checked: an HS256 secret, or a JWKS URL, plus issuer/audience. */
  verifier: VerifierOptions;
}

/**
 * Authentication at the edge (DESIGN.md, Gateway): every operation needs a valid bearer
 * token, else 401 `UNAUTHENTICATED` before Apollo sees it. The verified principal and the
 * token go into the request context; the data source forwards the token (each subgraph
 * verifies it again) and builds every outgoing header itself, so identity headers a client
 * sends (`x-gateway-credential`, `x-service-credential`, cookies) never reach a subgraph.
 */
export function useAuth(options: AuthOptions): GatewayPlugin {
  const verify = createCachedTokenVerifier(options.verifier, options);
  return {
    name: 'auth',
    onOperation: async (exchange) => {
      const token = bearerToken(exchange.req.headers.authorization);
      if (!token) {
        return errorReply(401, ErrorCode.UNAUTHENTICATED, 'A valid bearer token is required.', { 'www-authenticate': 'Bearer' });
      }
      try {
        exchange.caller = { principal: await verify(token), token };
      } catch (err) {
        if (!(err instanceof TokenError)) throw err;
        return errorReply(401, ErrorCode.UNAUTHENTICATED, err.message, { 'www-authenticate': 'Bearer error="invalid_token"' });
      }
      return undefined;
    },
  };
}
