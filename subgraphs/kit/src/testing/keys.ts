import { generateKeyPairSync } from 'node:crypto';
import { AGENCY_NAMES } from '../agencies.ts';
import { createKeyring, type AgencyKeyring } from '../keys/keyring.ts';
import { publicPemOf } from '../keys/parse.ts';

export interface TestKeys {
  /** Each agency's keyring: its own signing key, everyone's public keys. */
  keyrings: Record<string, AgencyKeyring>;
  /** A verifier holding only public keys (what `audit:verify` has). */
  verifier: AgencyKeyring;
  /** `<AGENCY>_PUBLIC_KEY` values, for a CLI run against the same graph. */
  publicKeyEnv: Record<string, string>;
}

/** Fresh in-memory Ed25519 keys for every agency: nothing is written to disk. */
export function createTestKeys(agencies: readonly string[] = AGENCY_NAMES): TestKeys {
  const pairs = Object.fromEntries(agencies.map((a) => [a, generateKeyPairSync('ed25519')]));
  const publicKeys = Object.fromEntries(Object.entries(pairs).map(([a, p]) => [a, [p.publicKey]]));
  const keyrings = Object.fromEntries(
    Object.entries(pairs).map(([a, p]) => [a, createKeyring({ agency: a, signingKey: p.privateKey, publicKeys })]),
  );
  return {
    keyrings,
    verifier: createKeyring({ agency: 'verifier', signingKey: null, publicKeys }),
    publicKeyEnv: Object.fromEntries(Object.entries(pairs).map(([a, p]) => [`${a.toUpperCase()}_PUBLIC_KEY`, publicPemOf(p.publicKey)])),
  };
}
