import { ErrorCode, Headers, MAX_PURPOSE_LENGTH } from '@nomad/contract';
import { errorReply, single } from '../http/exchange.ts';
import type { GatewayPlugin } from './types.ts';

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
 * Checks the headers the gateway forwards to subgraphs besides the token (`x-purpose`,
 * `idempotency-key`) and keeps their validated values for the data source; a bad one is a
 * 400 before any subgraph is called. Nothing else the client sent is forwarded.
 */
export function useForwardedHeaders(): GatewayPlugin {
  return {
    name: 'forwarded-headers',
    onOperation: (exchange) => {
      const purpose = checkPurpose(single(exchange.req.headers[Headers.purpose]));
      if (!purpose.ok) return errorReply(400, ErrorCode.BAD_USER_INPUT, purpose.message);
      const idempotencyKey = checkIdempotencyKey(single(exchange.req.headers[Headers.idempotencyKey]));
      if (!idempotencyKey.ok) return errorReply(400, ErrorCode.BAD_USER_INPUT, idempotencyKey.message);
      exchange.forwarded = { purpose: purpose.value, idempotencyKey: idempotencyKey.value };
      return undefined;
    },
  };
}
