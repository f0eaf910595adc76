import { createHash, webcrypto } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';

export const ROLES = [
  'nomad',
  'migration_officer',
  'labor_officer',
  'labor_expert',
  'tax_officer',
  'security_officer',
  'analyst',
  'auditor',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The verified caller of a request. */
export interface Principal {
  /** Subject: the user's id in the identity provider. */
  sub: string;
  name: string;
  roles: Role[];
  /** For a nomad: the id of their `Nomad` record. */
  nomadId: string | null;
  /**
   * For an analyst: the study the token was issued for (`study` claim, a short slug). The
   * gateway derives the study's own pseudonym key from it, so two studies' answers cannot be
   * joined. Absent: the program-wide pseudonyms.
   */
  study?: string;
  /**
   * For staff: the organisational unit the officer works in (`unit` claim, a short slug like
   * `bishkek` or `osh-region`). Recorded on the decisions they take, so that statistics can
   * count them by unit. Absent: no unit is recorded.
   */
  unit?: string;
}

/** A study's name in a token: a short lowercase slug (`income-2026`), at most 40 characters. */
export const STUDY_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
/** An officer's organisational unit in a token (`osh-region`): the same short slug as a study's. */
export const UNIT_SLUG = STUDY_SLUG;

const Claims = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  roles: z.array(Role).min(1),
  nomadId: z.uuid().optional(),
  study: z.string().regex(STUDY_SLUG).optional(),
  unit: z.string().regex(UNIT_SLUG).optional(),
});

export interface VerifierOptions {
  /** HS256 shared secret; ignored when `jwksUrl` is set. */
  secret: string;
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
}

export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

/** A verified token: who it speaks for, and until when (what a cache may keep it for). */
export interface VerifiedToken {
  principal: Principal;
  /** The token's `exp` in milliseconds since the epoch; null when it carries none. */
  expiresAt: number | null;
}

/**
 * Builds a verifier once per service that also reports the token's expiry, so a caller may
 * cache the result until then. It caches the JWKS when one is used.
 */
export function createExpiringTokenVerifier(options: VerifierOptions): (token: string) => Promise<VerifiedToken> {
  // The HS256 secret is imported as a key once: given raw bytes, jose imports them on every call.
  let key: Promise<webcrypto.CryptoKey> | JWTVerifyGetKey;
  if (options.jwksUrl) key = createRemoteJWKSet(new URL(options.jwksUrl));
  else {
    const imported = webcrypto.subtle.importKey('raw', new TextEncoder().encode(options.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    // Awaited by each call; a refusal here (never expected for bytes) must not go unhandled before then.
    imported.catch(() => undefined);
    key = imported;
  }
  const algorithms = options.jwksUrl ? ['RS256', 'ES256', 'EdDSA'] : ['HS256'];
  return async (token) => {
    let payload: JWTPayload;
    try {
      const verified = typeof key === 'function' ? await jwtVerify(token, key, verifyOptions(options, algorithms)) : await jwtVerify(token, await key, verifyOptions(options, algorithms));
      payload = verified.payload;
    } catch {
      throw new TokenError('The token is invalid or expired.');
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success) throw new TokenError('The token does not carry valid claims (sub, name, roles; study and unit short slugs).');
    const { sub, name, roles, nomadId, study, unit } = claims.data;
    if (roles.includes('nomad') && !nomadId) throw new TokenError('A nomad token must carry nomadId.');
    return {
      principal: { sub, name, roles, nomadId: nomadId ?? null, ...(study !== undefined ? { study } : {}), ...(unit !== undefined ? { unit } : {}) },
      expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : null,
    };
  };
}

/** How long `cachedVerifier` keeps verified tokens. */
export interface TokenCacheOptions {
  /**
   * Verified tokens remembered until they expire, keyed by the token's SHA-256 (the cache
   * never holds a usable token); 0 verifies every request. @default 10_000
   */
  cacheSize?: number;
  /** The clock; tests move it. @default Date.now */
  now?: () => number;
  /**
   * How long a verified token is kept at most, whatever its `exp`: with a JWKS, a key the
   * identity provider withdraws stops being honoured within this (jose refetches the set on
   * that pace). `JWKS_MAX_AGE_MS` when the verifier uses a JWKS. @default until `exp`
   */
  maxAgeMs?: number;
}

/** How long a JWKS-verified token is kept: jose's own refetch interval of the key set (10 minutes). */
export const JWKS_MAX_AGE_MS = 600_000;

/** The cache settings of a verifier: a JWKS-verified token is kept `JWKS_MAX_AGE_MS` at most. */
export function tokenCacheOptions(verifier: VerifierOptions, cacheSize: number | undefined): TokenCacheOptions {
  return { ...(cacheSize !== undefined ? { cacheSize } : {}), ...(verifier.jwksUrl ? { maxAgeMs: JWKS_MAX_AGE_MS } : {}) };
}

/**
 * Verifies a token once and then serves it from a bounded cache until the token's own
 * expiry: a token is valid until `exp` whatever the cache says, so this changes no answer,
 * only the cost (an HMAC or a signature check per request). Failures are not cached. The
 * gateway and every subgraph verify through one.
 */
export function cachedVerifier(verify: (token: string) => Promise<VerifiedToken>, options: TokenCacheOptions = {}): (token: string) => Promise<Principal> {
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
    // Kept until its `exp` or maxAgeMs from now, the sooner; without either, until evicted.
    const cap = options.maxAgeMs === undefined ? null : now() + options.maxAgeMs;
    const expiresAt = cap === null ? verified.expiresAt : Math.min(cap, verified.expiresAt ?? cap);
    cache.set(key, { principal: verified.principal, expiresAt });
    return verified.principal;
  };
}

/**
 * The verifier a service checks callers' tokens with: `createExpiringTokenVerifier` behind a
 * `cachedVerifier`, whose entries a JWKS verifier keeps `JWKS_MAX_AGE_MS` at most. `onVerify`
 * is told of every check actually made (a cache miss), for a service's metrics.
 */
export function createCachedTokenVerifier(
  verifier: VerifierOptions,
  options: Pick<TokenCacheOptions, 'cacheSize' | 'now'> & { onVerify?: () => void } = {},
): (token: string) => Promise<Principal> {
  const verify = createExpiringTokenVerifier(verifier);
  const { onVerify } = options;
  const counted = onVerify
    ? (token: string) => {
        onVerify();
        return verify(token);
      }
    : verify;
  return cachedVerifier(counted, { ...tokenCacheOptions(verifier, options.cacheSize), ...(options.now ? { now: options.now } : {}) });
}

/** Builds a verifier once per service; it caches the JWKS when one is used. */
export function createTokenVerifier(options: VerifierOptions): (token: string) => Promise<Principal> {
  const verify = createExpiringTokenVerifier(options);
  return async (token) => (await verify(token)).principal;
}

function verifyOptions(o: VerifierOptions, algorithms: string[]) {
  return {
    algorithms,
    ...(o.issuer ? { issuer: o.issuer } : {}),
    ...(o.audience ? { audience: o.audience } : {}),
  };
}

/** Extracts the token of an `Authorization: Bearer <JWT>` header, or null. */
export function bearerToken(header: string | string[] | undefined | null): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const match = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)\s*$/i.exec(value);
  return match?.[1] ?? null;
}

export interface DevTokenClaims {
  sub?: string;
  name?: string;
  roles: Role[];
  nomadId?: string;
  /** An analyst's study (a short slug, `STUDY_SLUG`): its own pseudonyms. */
  study?: string;
  /** An officer's organisational unit (a short slug, `UNIT_SLUG`): recorded on their decisions. */
  unit?: string;
  /** Lifetime, e.g. `12h`. @default '12h' */
  expiresIn?: string;
}

/** Signs an HS256 token with the shared secret: for development, seeding and tests. */
export async function signToken(secret: string, claims: DevTokenClaims): Promise<string> {
  const sub = claims.sub ?? (claims.nomadId ? `nomad:${claims.nomadId}` : `dev:${claims.roles.join('+')}`);
  const body: Record<string, unknown> = { name: claims.name ?? sub, roles: claims.roles };
  if (claims.nomadId) body.nomadId = claims.nomadId;
  if (claims.study) body.study = claims.study;
  if (claims.unit) body.unit = claims.unit;
  return new SignJWT(body)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(secret));
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}
