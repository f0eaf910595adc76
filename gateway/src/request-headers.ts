import { randomUUID } from 'node:crypto';
import { MAX_PURPOSE_LENGTH } from '@nomad/contract';

/**
 * The same rules the subgraphs apply (kit `http/server.ts`), checked here first so that a
 * bad header is refused once, before any subgraph is called.
 */
const TOKEN_LIKE = /^[A-Za-z0-9._:-]{1,128}$/;
/**
 * Letters, digits, punctuation, symbols and spaces of any script; no control characters.
 * Node reads header bytes as Latin-1, so a client sending non-ASCII text should
 * percent-encode it (`encodeURIComponent`), which passes as printable ASCII.
 */
const PRINTABLE = /^[\p{L}\p{N}\p{P}\p{Zs}\p{S}]*$/u;

export type HeaderCheck = { ok: true; value: string | null } | { ok: false; message: string };

/** One value of a header Node may have given as a list. */
export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `x-purpose`: why the data is read. Optional here (each subgraph decides where it is required); empty means absent. */
export function checkPurpose(raw: string | undefined): HeaderCheck {
  const value = raw?.trim();
  if (!value) return { ok: true, value: null };
  if (value.length > MAX_PURPOSE_LENGTH || !PRINTABLE.test(value)) {
    return {
      ok: false,
      message: `X-Purpose must be printable text of at most ${MAX_PURPOSE_LENGTH} characters.`,
    };
  }
  return { ok: true, value };
}

/** `idempotency-key`: optional, but when present it must be a short token (it becomes a database key). */
export function checkIdempotencyKey(raw: string | undefined): HeaderCheck {
  if (raw === undefined || raw === '') return { ok: true, value: null };
  if (!TOKEN_LIKE.test(raw)) return { ok: false, message: 'Idempotency-Key must be 1–128 characters of [A-Za-z0-9._:-].' };
  return { ok: true, value: raw };
}

/**
 * The client's `x-request-id` when it is a safe token (so a load balancer's id carries
 * through), else a fresh UUID: an id that goes into every log line must not be able to
 * forge one.
 */
export function requestIdOf(raw: string | undefined): string {
  return raw !== undefined && TOKEN_LIKE.test(raw) ? raw : randomUUID();
}
