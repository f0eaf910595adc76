import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { GatewayErrorCode, type Role } from '@nomad/contract';
import { errorReply, type Exchange, type Reply } from '../http/exchange.ts';
import type { BodyHookResult, GatewayPlugin } from './types.ts';

export interface TrustedDocumentsOptions {
  /**
   * The registered documents: `sha256:<hex>` → the document's text, as the typed operations
   * package's manifest holds them (`clients/operations/src/generated/persisted-documents.json`).
   */
  documents: Readonly<Record<string, string>>;
  /**
   * Refuse an operation sent as free query text (PERSISTED_QUERY_REQUIRED) unless the caller
   * has one of `openRoles`. Off, a registered hash still runs and free text runs too.
   * @default on when NODE_ENV=production (TRUSTED_DOCUMENTS, see env.ts)
   */
  enforce: boolean;
  /** Roles whose ad-hoc operations stay open when enforced (still under every limit). @default ['analyst'] */
  openRoles?: readonly Role[];
}

/** The default of `openRoles`: analysts query the graph ad hoc, under the cost limit (docs/analysts.md). */
export const AD_HOC_ROLES: readonly Role[] = ['analyst'];

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** What a request names as its registered document, if anything; a malformed one is refused. */
type Named = { kind: 'none' } | { kind: 'hash'; key: string } | { kind: 'malformed'; message: string; field: string };

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * The registered document a body asks for: `documentId` (the client preset's format,
 * `sha256:<hex>`, or the bare hex) or Apollo's APQ `extensions.persistedQuery.sha256Hash`
 * (bare hex). Both name the same manifest entry.
 */
export function requestedHash(body: Record<string, unknown>): Named {
  const apq = record(record(body.extensions)?.persistedQuery);
  const given = body.documentId ?? apq?.sha256Hash;
  if (given === undefined || given === null) return { kind: 'none' };
  const field = body.documentId !== undefined && body.documentId !== null ? 'documentId' : 'extensions.persistedQuery.sha256Hash';
  if (typeof given !== 'string') return { kind: 'malformed', message: `${field} must be a string.`, field };
  const hex = given.startsWith('sha256:') ? given.slice('sha256:'.length) : given;
  if (!HEX_SHA256.test(hex)) return { kind: 'malformed', message: `${field} must be sha256:<64 lowercase hex digits> (or the hex digits alone).`, field };
  if (body.documentId !== undefined && apq?.sha256Hash !== undefined && apq.sha256Hash !== hex && apq.sha256Hash !== given) {
    return { kind: 'malformed', message: 'documentId and extensions.persistedQuery.sha256Hash name different documents.', field: 'documentId' };
  }
  return { kind: 'hash', key: `sha256:${hex}` };
}

/** The body Apollo gets: the registered text, without the hash fields (Apollo's own APQ is off). */
function withText(body: Record<string, unknown>, text: string): Record<string, unknown> {
  const { documentId: _id, extensions, ...rest } = body;
  const { persistedQuery: _apq, ...otherExtensions } = record(extensions) ?? {};
  return { ...rest, query: text, ...(Object.keys(otherExtensions).length > 0 ? { extensions: otherExtensions } : {}) };
}

/** The body as sent, minus a hash nobody registered: free text, for callers allowed to send it. */
function withoutHash(body: Record<string, unknown>): Record<string, unknown> {
  const { documentId: _id, extensions, ...rest } = body;
  const { persistedQuery: _apq, ...otherExtensions } = record(extensions) ?? {};
  return { ...rest, ...(Object.keys(otherExtensions).length > 0 ? { extensions: otherExtensions } : {}) };
}

const refuse = (code: string, message: string, field?: string): { reply: Reply } => ({
  reply: errorReply(400, code, message, {}, field === undefined ? {} : { field }),
});

/**
 * Trusted documents (issue 17): in production the front ends' operations are the registered
 * ones (`@nomad/operations`, its manifest of sha256 hashes), sent by hash; free query text is
 * refused with 400 PERSISTED_QUERY_REQUIRED, except for the roles whose ad-hoc access stays
 * open (analysts), still under the depth, alias, token and cost limits. A registered hash is
 * replaced by its text before Apollo sees the request, so every limit weighs what runs. An
 * unknown hash is 400 PERSISTED_QUERY_NOT_FOUND (an open caller or development that also sent
 * the text runs the text). Development (enforce off) accepts anything.
 */
export function useTrustedDocuments(options: TrustedDocumentsOptions): GatewayPlugin {
  const documents = new Map(Object.entries(options.documents));
  const openRoles = new Set(options.openRoles ?? AD_HOC_ROLES);
  const openTo = openRoles.size === 0 ? 'Ad-hoc queries are open to no role.' : `Ad-hoc queries are open to the roles ${[...openRoles].join(', ')}.`;
  const mayQueryFreely = (exchange: Exchange) =>
    !options.enforce || (exchange.caller?.principal.roles.some((role) => openRoles.has(role)) ?? false);

  return {
    name: 'trusted-documents',
    onBody: (exchange, body): BodyHookResult => {
      const named = requestedHash(body);
      const text = typeof body.query === 'string' && body.query !== '' ? body.query : undefined;
      if (named.kind === 'malformed') return refuse(GatewayErrorCode.BAD_REQUEST, named.message, named.field);
      if (named.kind === 'hash') {
        const registered = documents.get(named.key);
        if (registered !== undefined) {
          if (text !== undefined && text !== registered) {
            return refuse(GatewayErrorCode.BAD_REQUEST, `The query text sent is not the registered document ${named.key}: send the hash alone.`, 'query');
          }
          return { body: withText(body, registered) };
        }
        if (text !== undefined && mayQueryFreely(exchange)) return { body: withoutHash(body) };
        return refuse(GatewayErrorCode.PERSISTED_QUERY_NOT_FOUND, `No registered operation has the hash ${named.key} (@nomad/operations).`);
      }
      if (mayQueryFreely(exchange)) return undefined;
      return refuse(
        GatewayErrorCode.PERSISTED_QUERY_REQUIRED,
        `This gateway runs only registered operations: send documentId (or extensions.persistedQuery.sha256Hash) of an operation of @nomad/operations, not the query text. ${openTo}`,
      );
    },
  };
}

/** A configuration problem with the manifest; the gateway does not start. */
export class TrustedDocumentsError extends Error {}

/**
 * Reads a manifest (`{ "sha256:<hex>": "<document>" }`, as the client preset writes it).
 * @throws TrustedDocumentsError when the file is missing or is not such an object
 */
export async function readTrustedDocuments(path: string): Promise<Record<string, string>> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new TrustedDocumentsError(`The manifest of registered operations at ${path} cannot be read (${code ?? 'unreadable'}; TRUSTED_DOCUMENTS_MANIFEST).`);
    throw new TrustedDocumentsError(`No manifest of registered operations at ${path} (TRUSTED_DOCUMENTS_MANIFEST).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new TrustedDocumentsError(`${path} is not JSON (TRUSTED_DOCUMENTS_MANIFEST).`);
  }
  const manifest = record(parsed);
  if (!manifest) throw new TrustedDocumentsError(`${path} is not a JSON object of hash → document (TRUSTED_DOCUMENTS_MANIFEST).`);
  const documents: Record<string, string> = {};
  for (const [hash, text] of Object.entries(manifest)) {
    // A key is the hash of its text: an entry edited by hand is not a registered document.
    if (typeof text !== 'string' || hash !== `sha256:${createHash('sha256').update(text).digest('hex')}`) {
      throw new TrustedDocumentsError(`${path}: ${hash} is not the sha256 of its document; regenerate the manifest (TRUSTED_DOCUMENTS_MANIFEST).`);
    }
    documents[hash] = text;
  }
  return documents;
}
