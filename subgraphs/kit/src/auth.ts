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
