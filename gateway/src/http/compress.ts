import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The encodings the gateway answers in, besides none. */
export type Encoding = 'br' | 'gzip';

const compressors: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  // Quality 4: near gzip's speed, smaller output; brotli's default (11) costs tens of milliseconds per answer.
  br: (body) => promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => promisify(gzip)(body),
};

/**
 * The encoding to answer a client whose `Accept-Encoding` is `header` in: the one of `br` and
 * `gzip` it weighs highest (`q`), `br` on a tie; null when it accepts neither (no header,
 * `identity`, `q=0`). A `*` stands for every encoding it does not name.
 */
export function negotiateEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (name === '') continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (encoding: Encoding) => weights.get(encoding) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gz = weightOf('gzip');
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

/**
 * An answer of at least `minBytes` in the encoding the client prefers, off the event loop
 * (zlib's thread pool); null when it is smaller, compression is off (`minBytes` 0) or the
 * client accepts no encoding the gateway has. Smaller answers cost more to compress than they
 * save on the wire.
 */
export async function compressed(body: string, acceptEncoding: string | undefined, minBytes: number): Promise<{ encoding: Encoding; body: Buffer } | null> {
  if (minBytes === 0 || Buffer.byteLength(body) < minBytes) return null;
  const encoding = negotiateEncoding(acceptEncoding);
  if (encoding === null) return null;
  return { encoding, body: await compressors[encoding](Buffer.from(body)) };
}
