import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Ed25519 keys as operators give them: PEM (PKCS#8 private, SPKI public), base64 of the DER
 * form, or base64 of the raw 32 bytes (seed or public point). Anything else is refused with a
 * message that names the form expected, never the value.
 */

/** DER prefixes that wrap 32 raw bytes into PKCS#8 / SPKI for Ed25519 (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export class KeyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyFormatError';
  }
}

function assertEd25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new KeyFormatError(`${what} is a ${key.asymmetricKeyType ?? 'unknown'} key; an Ed25519 key is required`);
  return key;
}

function base64Bytes(text: string, what: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) throw new KeyFormatError(`${what} is neither PEM nor base64`);
  return Buffer.from(compact.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** An Ed25519 private key from PEM, base64 PKCS#8 DER, or base64 of the 32-byte seed. */
export function parsePrivateKey(text: string, what = 'signing key'): KeyObject {
  try {
    if (text.includes('-----BEGIN')) return assertEd25519(createPrivateKey(text), what);
    const bytes = base64Bytes(text, what);
    const der = bytes.length === 32 ? Buffer.concat([PKCS8_ED25519_PREFIX, bytes]) : bytes;
    return assertEd25519(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), what);
  } catch (err) {
    if (err instanceof KeyFormatError) throw err;
    throw new KeyFormatError(`${what} is not a readable Ed25519 private key (PEM PKCS#8, or base64 of PKCS#8 DER or of the 32-byte seed)`);
  }
}

/** One Ed25519 public key from PEM, base64 SPKI DER, or base64 of the 32 raw bytes. */
function parseOnePublicKey(text: string, what: string): KeyObject {
  try {
    if (text.includes('-----BEGIN')) return assertEd25519(createPublicKey(text), what);
    const bytes = base64Bytes(text, what);
    const der = bytes.length === 32 ? Buffer.concat([SPKI_ED25519_PREFIX, bytes]) : bytes;
    return assertEd25519(createPublicKey({ key: der, format: 'der', type: 'spki' }), what);
  } catch (err) {
    if (err instanceof KeyFormatError) throw err;
    throw new KeyFormatError(`${what} is not a readable Ed25519 public key (PEM SPKI, or base64 of SPKI DER or of the 32 raw bytes)`);
  }
}

/**
 * One or more public keys: several PEM blocks, or base64 values separated by commas or
 * whitespace. More than one while a key is being rotated (old seals stay verifiable).
 */
export function parsePublicKeys(text: string, what = 'public key'): KeyObject[] {
  const pems = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g);
  const parts = pems ?? text.split(/[\s,]+/).filter((p) => p.length > 0);
  if (parts.length === 0) throw new KeyFormatError(`${what} is empty`);
  return parts.map((p, i) => parseOnePublicKey(p, parts.length > 1 ? `${what} #${i + 1}` : what));
}

/** A short, stable name of a key pair: the first 16 hex digits of SHA-256 over the public key's SPKI DER. */
export function keyIdOf(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(pub.export({ format: 'der', type: 'spki' })).digest('hex').slice(0, 16);
}

/** The SPKI PEM of a key (private keys give their public half). */
export function publicPemOf(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return pub.export({ format: 'pem', type: 'spki' }).toString();
}
