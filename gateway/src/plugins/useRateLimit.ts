import { LRUCache } from 'lru-cache';
import { GatewayErrorCode } from '@nomad/contract';
import { errorReply, single, type Exchange } from '../http/exchange.ts';
import type { GatewayPlugin } from './types.ts';

export interface BucketOptions {
  /** Requests per second a caller may sustain (the bucket's refill rate). */
  perSecond: number;
  /** Requests a caller may send at once after a quiet spell (the bucket's size). */
  burst: number;
}

interface Bucket {
  tokens: number;
  /** `now()` when `tokens` was last brought up to date. */
  at: number;
}

/**
 * Token buckets, one per key, kept in a bounded LRU: the least recently seen callers are
 * forgotten first, and a forgotten caller starts again with a full bucket (the generous side).
 */
export class TokenBuckets {
  readonly #buckets: LRUCache<string, Bucket>;

  constructor(
    private readonly options: BucketOptions,
    maxKeys: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#buckets = new LRUCache({ max: maxKeys });
  }

  /** Takes one token for `key`: 0 when the request may go, else the seconds to wait for the next token. */
  take(key: string): number {
    const now = this.now();
    const { perSecond, burst } = this.options;
    const bucket = this.#buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }
}

export interface RateLimitOptions extends BucketOptions {
  /**
   * Whom a bucket belongs to: the client address (checked before the token is verified, so a
   * flood of bad tokens is limited too) or the verified principal (`sub`), whatever address
   * it comes from.
   */
  by: 'address' | 'principal';
  /**
   * The gateway sits behind one reverse proxy that appends the client's address to
   * `X-Forwarded-For`: take the address from there (its last entry). Otherwise a client
   * could pick its own bucket by sending the header. @default false
   */
  trustProxy?: boolean;
  /** Callers remembered at once. @default 100_000 */
  maxKeys?: number;
  /** The clock; tests move it. @default Date.now */
  now?: () => number;
}

function clientAddress(exchange: Exchange, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = single(exchange.req.headers['x-forwarded-for'])?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return exchange.req.socket.remoteAddress ?? 'unknown';
}

/**
 * Rate limits GraphQL operations with token buckets (issue 14): past its rate a caller gets
 * 429 `RATE_LIMITED` with `Retry-After`, before anything is planned or fetched. `createGateway`
 * adds one plugin per key, the address one before authentication and the principal one
 * after; both are off unless configured (tests turn them on where they test them).
 */
export function useRateLimit(options: RateLimitOptions): GatewayPlugin {
  const buckets = new TokenBuckets(options, options.maxKeys ?? 100_000, options.now);
  const trustProxy = options.trustProxy ?? false;
  const what = options.by === 'address' ? 'this client address' : 'this caller';
  return {
    name: `rate-limit-${options.by}`,
    onOperation: (exchange) => {
      const key = options.by === 'address' ? clientAddress(exchange, trustProxy) : exchange.caller?.principal.sub;
      if (key === undefined) return undefined;
      const wait = buckets.take(key);
      if (wait === 0) return undefined;
      return errorReply(
        429,
        GatewayErrorCode.RATE_LIMITED,
        `Too many requests from ${what}: at most ${options.perSecond} per second (bursts of ${options.burst}). Retry after ${wait} s.`,
        { 'retry-after': String(wait) },
      );
    },
  };
}
