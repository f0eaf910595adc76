import { Counter, type Registry } from 'prom-client';
import { createCachedTokenVerifier, type Principal, type VerifierOptions } from '@nomad/contract';

// Shared with the gateway: defined in @nomad/contract, re-exported so the kit's importers keep working.
export {
  bearerToken,
  createTokenVerifier,
  hasRole,
  Role,
  ROLES,
  signToken,
  TokenError,
  UNIT_SLUG,
  type DevTokenClaims,
  type Principal,
  type VerifierOptions,
} from '@nomad/contract';

/**
 * The subgraph's verifier of callers' tokens: each token checked once (signature, claims) and
 * then served from a cache until its own `exp` (with a JWKS, 10 minutes at most), as the
 * gateway does (`createCachedTokenVerifier`; the cache is keyed by the token's SHA-256). The
 * gateway forwards the same token on every fetch,
 * so without it every subgraph repeats the check on every request. Counts the checks it makes
 * in `nomad_token_verifications_total` on `registry`.
 */
export function subgraphTokenVerifier(jwt: VerifierOptions, cacheSize: number, registry: Registry): (token: string) => Promise<Principal> {
  const verifications = new Counter({
    name: 'nomad_token_verifications_total',
    help: "Callers' tokens verified (signature and claims), not served from the token cache",
    registers: [registry],
  });
  return createCachedTokenVerifier(jwt, { cacheSize, onVerify: () => verifications.inc() });
}
