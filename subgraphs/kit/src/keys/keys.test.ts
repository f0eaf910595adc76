import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError } from '../env.ts';
import { keyIdOf, loadKeyring, parsePrivateKey, parsePublicKeys, publicPemOf } from './index.ts';

const tmp = () => mkdtemp(path.join(tmpdir(), 'nomad-keys-'));

function pair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    privateDer64: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    seed64: privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32).toString('base64'),
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    raw64: publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64'),
    publicKey,
  };
}

describe('key formats', () => {
  it('reads a private key as PEM, base64 DER or base64 seed, and a public key as PEM or raw base64', () => {
    const k = pair();
    const id = keyIdOf(k.publicKey);
    for (const text of [k.privatePem, k.privateDer64, k.seed64]) {
      expect(keyIdOf(parsePrivateKey(text))).toBe(id);
      expect(publicPemOf(parsePrivateKey(text))).toBe(k.publicPem);
    }
    expect(parsePublicKeys(k.raw64).map(keyIdOf)).toEqual([id]);
    expect(parsePublicKeys(k.publicPem).map(keyIdOf)).toEqual([id]);
  });

  it('refuses keys that are not Ed25519 or not keys, without echoing them', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => parsePrivateKey(rsa, 'X_SIGNING_KEY')).toThrow(/X_SIGNING_KEY is a rsa key/);
    expect(() => parsePrivateKey('not a key!', 'X_SIGNING_KEY')).toThrow(/neither PEM nor base64/);
    expect(() => parsePublicKeys('AAAA', 'X_PUBLIC_KEY')).toThrow(/X_PUBLIC_KEY is not a readable/);
  });
});

describe('loadKeyring', () => {
  it('signs with the configured key; every other agency verifies with the configured public key', async () => {
    const migration = pair();
    const labor = pair();
    const env = { MIGRATION_SIGNING_KEY: migration.privatePem, LABOR_PUBLIC_KEY: labor.raw64, TAX_PUBLIC_KEY: pair().publicPem, SECURITY_PUBLIC_KEY: pair().publicPem };
    const ring = await loadKeyring({ agency: 'migration', env, production: true, dataDir: await tmp() });
    const sig = ring.sign('root');
    expect(ring.verify('migration', 'root', sig)).toBe(true);
    expect(ring.verify('migration', 'root', sig, ring.keyId)).toBe(true);
    expect(ring.verify('migration', 'root!', sig)).toBe(false);
    expect(ring.verify('labor', 'root', sig)).toBe(false);
    expect(ring.verify('unknown', 'root', sig)).toBe(false);
    const laborRing = await loadKeyring({ agency: 'labor', env: { LABOR_SIGNING_KEY: labor.seed64, MIGRATION_PUBLIC_KEY: migration.publicPem, TAX_PUBLIC_KEY: pair().publicPem, SECURITY_PUBLIC_KEY: pair().publicPem }, production: true, dataDir: await tmp() });
    expect(laborRing.verify('migration', 'root', sig)).toBe(true);
  });

  it('refuses development keys in production, naming every missing variable', async () => {
    const err = await loadKeyring({ agency: 'tax', env: {}, production: true, dataDir: await tmp() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvError);
    expect((err as EnvError).issues).toEqual([
      'MIGRATION_PUBLIC_KEY: required when NODE_ENV=production (development keys are refused)',
      'LABOR_PUBLIC_KEY: required when NODE_ENV=production (development keys are refused)',
      'TAX_SIGNING_KEY: required when NODE_ENV=production (development keys are refused)',
      'SECURITY_PUBLIC_KEY: required when NODE_ENV=production (development keys are refused)',
    ]);
  });

  it('generates development keys once per data folder, mode 0600, shared by every agency', async () => {
    const dataDir = await tmp();
    const [a, b] = await Promise.all([
      loadKeyring({ agency: 'migration', env: {}, production: false, dataDir }),
      loadKeyring({ agency: 'security', env: {}, production: false, dataDir }),
    ]);
    expect(b.verify('migration', 'x', a.sign('x'))).toBe(true);
    expect(a.verify('security', 'x', b.sign('x'))).toBe(true);
    const again = await loadKeyring({ agency: 'migration', env: {}, production: false, dataDir });
    expect(again.keyId).toBe(a.keyId);
    const file = path.join(dataDir, 'keys', 'migration.pem');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toContain('BEGIN PRIVATE KEY');
    const elsewhere = await loadKeyring({ agency: 'migration', env: {}, production: false, dataDir: await tmp() });
    expect(elsewhere.keyId).not.toBe(a.keyId);
  });

  it('keeps older public keys of an agency verifiable while its key rotates', async () => {
    const old = pair();
    const current = pair();
    const ring = await loadKeyring({ agency: null, env: { MIGRATION_PUBLIC_KEY: `${current.raw64},${old.raw64}` }, production: false, dataDir: await tmp() });
    const oldRing = await loadKeyring({ agency: 'migration', env: { MIGRATION_SIGNING_KEY: old.privatePem }, production: false, dataDir: await tmp() });
    expect(ring.verify('migration', 'seal', oldRing.sign('seal'))).toBe(true);
  });
});
