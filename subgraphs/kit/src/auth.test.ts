import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { signToken, subgraphTokenVerifier, TokenError } from './auth.ts';

const SECRET = 'kit-subgraph-verifier-secret-0123456789';

async function verifications(registry: Registry): Promise<number> {
  return (await registry.getSingleMetric('nomad_token_verifications_total')?.get())?.values[0]?.value ?? Number.NaN;
}

describe('subgraphTokenVerifier', () => {
  it('checks a token once, then serves it from the cache; another token is checked on its own', async () => {
    const registry = new Registry();
    const verify = subgraphTokenVerifier({ secret: SECRET }, 100, registry);
    const officer = await signToken(SECRET, { roles: ['migration_officer'], sub: 'officer-1' });
    for (let i = 0; i < 3; i++) expect((await verify(officer)).sub).toBe('officer-1');
    expect(await verifications(registry)).toBe(1);
    expect((await verify(await signToken(SECRET, { roles: ['tax_officer'], sub: 'officer-2' }))).sub).toBe('officer-2');
    expect(await verifications(registry)).toBe(2);
  });

  it('never caches a refusal: a forged token is checked, and refused, every time', async () => {
    const registry = new Registry();
    const verify = subgraphTokenVerifier({ secret: SECRET }, 100, registry);
    const forged = await signToken('another-secret-that-is-at-least-32-characters', { roles: ['auditor'] });
    await expect(verify(forged)).rejects.toThrow(TokenError);
    await expect(verify(forged)).rejects.toThrow(TokenError);
    expect(await verifications(registry)).toBe(2);
  });

  it('checks every request with TOKEN_CACHE_SIZE=0', async () => {
    const registry = new Registry();
    const verify = subgraphTokenVerifier({ secret: SECRET }, 0, registry);
    const officer = await signToken(SECRET, { roles: ['migration_officer'] });
    await verify(officer);
    await verify(officer);
    expect(await verifications(registry)).toBe(2);
  });
});
