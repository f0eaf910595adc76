import { createPublicKey, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { keyIdOf } from './parse.ts';

/**
 * One agency's view of the agencies' keys: its own Ed25519 signing key and every agency's
 * public keys (its own included). Seals of the access ledger are signed with it now; event
 * envelopes can be signed the same way.
 */
export interface AgencyKeyring {
  /** The agency that holds the signing key. */
  readonly agency: string;
  /** Id of the signing key (`keyIdOf` its public half): stored beside every signature. */
  readonly keyId: string;
  /** Ed25519 signature of `data` with the agency's key, base64url. */
  sign(data: string | Uint8Array): string;
  /**
   * True when `signature` (base64url) is `agency`'s signature of `data` by one of its known
   * public keys (the one named `keyId` when given). False for an unknown agency or key.
   */
  verify(agency: string, data: string | Uint8Array, signature: string, keyId?: string): boolean;
  /** The known agencies. */
  readonly agencies: readonly string[];
}

export interface KeyringInput {
  agency: string;
  /** The agency's own private key; absent for a verifier that signs nothing (the audit CLI). */
  signingKey: KeyObject | null;
  /** Public keys by agency (several while a key rotates). The own agency's is added from `signingKey`. */
  publicKeys: Record<string, KeyObject[]>;
}

const bytes = (data: string | Uint8Array): Buffer => (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data));

export function createKeyring(input: KeyringInput): AgencyKeyring {
  const publicKeys = new Map<string, Map<string, KeyObject>>();
  const add = (agency: string, key: KeyObject) => {
    const keys = publicKeys.get(agency) ?? new Map<string, KeyObject>();
    keys.set(keyIdOf(key), key);
    publicKeys.set(agency, keys);
  };
  for (const [agency, keys] of Object.entries(input.publicKeys)) for (const k of keys) add(agency, k);
  const own = input.signingKey ? createPublicKey(input.signingKey) : null;
  if (own) add(input.agency, own);
  const signingKey = input.signingKey;
  return {
    agency: input.agency,
    keyId: own ? keyIdOf(own) : '',
    agencies: [...publicKeys.keys()],
    sign(data) {
      if (!signingKey) throw new Error(`${input.agency} holds no signing key`);
      return edSign(null, bytes(data), signingKey).toString('base64url');
    },
    verify(agency, data, signature, keyId) {
      const keys = publicKeys.get(agency);
      if (!keys || !/^[A-Za-z0-9_-]{1,200}$/.test(signature)) return false;
      const candidates = keyId !== undefined ? [keys.get(keyId)].filter((k) => k !== undefined) : [...keys.values()];
      const sig = Buffer.from(signature, 'base64url');
      return candidates.some((key) => edVerify(null, bytes(data), key, sig));
    },
  };
}
