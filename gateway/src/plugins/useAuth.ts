import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import {
  bearerToken,
  createExpiringTokenVerifier,
  ErrorCode,
  TokenError,
  type Principal,
  type VerifiedToken,
  type VerifierOptions,
} from '@nomad/contract';
import { errorReply } from '../http/exchange.ts';
import type { GatewayPlugin } from './types.ts';

export interface AuthOptions {
  /** How callers' JWTs are checked: an HS256 secret, or a JWKS URL, plus issuer/audience. */
  verifier: VerifierOptions;
  /**
   * Verified tokens remembered until they expire, keyed by the token's SHA-256 (the cache
   * never holds a usable token); 0 verifies every request. @default 10_000
   */
  cacheSize?: number;
  /** The clock; tests move it. @default Date.now */
  now?: () => number;
}

/**
 * Verifies a token once and then serves it from a bounded cache until the token's own
 * expiry: a token is valid until `exp` whatever the cache says, so this changes no answer,
 * only the cost (an HMAC or a signature check per request). Failures are not cached.
 */
export function cachedVerifier(
  verify: (token: string) => Promise<VerifiedToken>,
  options: Pick<AuthOptions, 'cacheSize' | 'now'> = {},
): (token: string) => Promise<Principal> {
  const size = options.cacheSize ?? 10_000;
  if (size === 0) return async (token) => (await verify(token)).principal;
  const now = options.now ?? Date.now;
  const cache = new LRUCache<string, VerifiedToken>({ max: size });
  return async (token) => {
    const key = createHash('sha256').update(token).digest('base64url');
    const hit = cache.get(key);
    if (hit) {
      if (hit.expiresAt === null || hit.expiresAt > now()) return hit.principal;
      cache.delete(key);
    }
    const verified = await verify(token);
    // A token without `exp` never expires by itself; it is re-verified once evicted.
    cache.set(key, verified);
    return verified.principal;
  };
}

/**
 * Authentication at the edge (DESIGN.md, Gateway): every operation needs a valid bearer
 * token, else 401 `UNAUTHENTICATED` before Apollo sees it. The verified principal and the
 * token go into the request context; the data source forwards the token (each subgraph
 * verifies it again) and builds every outgoing header itself, so identity headers a client
 * sends (`x-gateway-credential`, `x-service-credential`, cookies) never reach a subgraph.
 */
export function useAuth(options: AuthOptions): GatewayPlugin {
  const verify = cachedVerifier(createExpiringTokenVerifier(options.verifier), options);
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
