import { MAX_PURPOSE_LENGTH } from '@nomad/contract';
import { describe, expect, it } from 'vitest';
import { checkIdempotencyKey, checkPurpose } from './useForwardedHeaders.ts';

describe('checkPurpose', () => {
  it('accepts printable text up to the limit', () => {
    expect(checkPurpose('Review of application MIG-2025-000123')).toEqual({
      ok: true,
      value: 'Review of application MIG-2025-000123',
    });
    expect(checkPurpose('x'.repeat(MAX_PURPOSE_LENGTH))).toMatchObject({ ok: true });
  });

  it('treats absent, empty and blank as no purpose', () => {
    for (const raw of [undefined, '', '   ']) expect(checkPurpose(raw)).toEqual({ ok: true, value: null });
  });

  it('trims surrounding spaces', () => {
    expect(checkPurpose('  audit  ')).toEqual({ ok: true, value: 'audit' });
  });

  it('refuses a purpose over the limit rather than truncating it', () => {
    const result = checkPurpose('x'.repeat(MAX_PURPOSE_LENGTH + 1));
    expect(result).toEqual({ ok: false, message: expect.stringContaining(`at most ${MAX_PURPOSE_LENGTH}`) as string });
  });

  it.each([
    ['a control character', 'audit\u0000'],
    ['a newline (log injection)', 'audit\nFAKE LOG LINE'],
    ['an escape sequence', 'audit\u001b[31m'],
  ])('refuses %s', (_kind, raw) => {
    expect(checkPurpose(raw).ok).toBe(false);
  });
});

describe('checkIdempotencyKey', () => {
  it('accepts a token-like key and treats absence as none', () => {
    expect(checkIdempotencyKey('3f2a9c1e-retry-1')).toEqual({ ok: true, value: '3f2a9c1e-retry-1' });
    expect(checkIdempotencyKey(undefined)).toEqual({ ok: true, value: null });
  });

  it('refuses spaces and overlong keys', () => {
    expect(checkIdempotencyKey('a b').ok).toBe(false);
    expect(checkIdempotencyKey('k'.repeat(129)).ok).toBe(false);
  });
});
