import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@nomad/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TRUSTED_DOCUMENTS_PATH } from '../env.ts';
import type { Reply } from '../http/exchange.ts';
import { bodyOf, fakeExchange } from './__fixtures__/exchange.ts';
import type { BodyHookResult } from './types.ts';
import { readTrustedDocuments, requestedHash, TrustedDocumentsError, useTrustedDocuments, type TrustedDocumentsOptions } from './useTrustedDocuments.ts';

const QUEUE = 'query Queue { applications(first: 5) { totalCount } }';
const HEX = createHash('sha256').update(QUEUE).digest('hex');
const ID = `sha256:${HEX}`;
const UNKNOWN = `sha256:${'0'.repeat(64)}`;
const DOCUMENTS = { [ID]: QUEUE };

const caller = (roles: Role[]) => fakeExchange({ principal: { sub: `dev:${roles.join('+')}`, name: 'x', roles, nomadId: null } });
const OFFICER: Role[] = ['migration_officer'];
const ANALYST: Role[] = ['analyst'];

function run(options: TrustedDocumentsOptions, roles: Role[], body: Record<string, unknown>): BodyHookResult {
  const hook = useTrustedDocuments(options).onBody;
  if (!hook) throw new Error('no body hook');
  return hook(caller(roles), body);
}

const enforced = (roles: Role[], body: Record<string, unknown>) => run({ documents: DOCUMENTS, enforce: true }, roles, body);
const development = (roles: Role[], body: Record<string, unknown>) => run({ documents: DOCUMENTS, enforce: false }, roles, body);

function refusal(result: BodyHookResult): { status: number; code: unknown; message: string; field: unknown } {
  if (!result || !('reply' in result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  const reply: Reply = result.reply;
  const error = bodyOf(reply).errors?.[0];
  return { status: reply.status, code: error?.extensions?.code, message: error?.message ?? '', field: error?.extensions?.field };
}

function replaced(result: BodyHookResult): Record<string, unknown> {
  if (!result || !('body' in result)) throw new Error(`expected a replaced body, got ${JSON.stringify(result)}`);
  return result.body;
}

describe('useTrustedDocuments, enforced (production)', () => {
  it('runs a registered operation sent by documentId: the registered text, the variables and the operation name kept', () => {
    const body = replaced(enforced(OFFICER, { documentId: ID, operationName: 'Queue', variables: { first: 5 } }));
    expect(body).toEqual({ query: QUEUE, operationName: 'Queue', variables: { first: 5 } });
  });

  it("runs a registered operation sent as Apollo's APQ hash (bare hex), keeping other extensions", () => {
    const body = replaced(enforced(OFFICER, { extensions: { persistedQuery: { version: 1, sha256Hash: HEX }, trace: true }, variables: {} }));
    expect(body).toEqual({ query: QUEUE, variables: {}, extensions: { trace: true } });
    expect(replaced(enforced(OFFICER, { documentId: HEX }))).toEqual({ query: QUEUE });
  });

  it('refuses free query text from an officer with 400 PERSISTED_QUERY_REQUIRED', () => {
    for (const roles of [OFFICER, ['nomad'], ['security_officer', 'auditor']] as Role[][]) {
      const refused = refusal(enforced(roles, { query: QUEUE }));
      expect(refused).toMatchObject({ status: 400, code: 'PERSISTED_QUERY_REQUIRED' });
      expect(refused.message).toMatch(/documentId/);
    }
  });

  it("leaves an analyst's ad-hoc query as sent (the limits still apply after)", () => {
    expect(enforced(ANALYST, { query: '{ nomads(first: 1) { totalCount } }' })).toBeUndefined();
    expect(enforced(['analyst', 'migration_officer'], { query: QUEUE })).toBeUndefined();
  });

  it('refuses a hash nobody registered with 400 PERSISTED_QUERY_NOT_FOUND, for every role', () => {
    for (const roles of [OFFICER, ANALYST]) {
      expect(refusal(enforced(roles, { documentId: UNKNOWN }))).toMatchObject({ status: 400, code: 'PERSISTED_QUERY_NOT_FOUND' });
    }
    expect(refusal(enforced(OFFICER, { extensions: { persistedQuery: { version: 1, sha256Hash: '1'.repeat(64) } } })).code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('an unknown hash with its text: the text runs for an analyst (APQ registration), an officer is refused', () => {
    const text = '{ nomads(first: 1) { totalCount } }';
    const apq = { query: text, extensions: { persistedQuery: { version: 1, sha256Hash: '2'.repeat(64) } } };
    expect(replaced(enforced(ANALYST, apq))).toEqual({ query: text });
    expect(refusal(enforced(OFFICER, apq)).code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('refuses a registered hash sent with other text (what runs is what was registered)', () => {
    const refused = refusal(enforced(OFFICER, { documentId: ID, query: '{ nomads(first: 100) { totalCount } }' }));
    expect(refused).toMatchObject({ status: 400, code: 'BAD_REQUEST', field: 'query' });
    expect(replaced(enforced(OFFICER, { documentId: ID, query: QUEUE }))).toEqual({ query: QUEUE });
  });

  it.each([
    ['a number', { documentId: 42 }, 'documentId'],
    ['a short hash', { documentId: 'sha256:abc' }, 'documentId'],
    ['another algorithm', { documentId: `sha1:${'a'.repeat(40)}` }, 'documentId'],
    ['upper-case hex', { documentId: HEX.toUpperCase() }, 'documentId'],
    ['a short APQ hash', { extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }, 'extensions.persistedQuery.sha256Hash'],
    ['two different hashes', { documentId: ID, extensions: { persistedQuery: { version: 1, sha256Hash: '3'.repeat(64) } } }, 'documentId'],
  ])('refuses a malformed hash (%s) with 400 BAD_REQUEST naming the field', (_case, body, field) => {
    expect(refusal(enforced(ANALYST, body))).toMatchObject({ status: 400, code: 'BAD_REQUEST', field });
  });

  it('opens ad-hoc queries to the roles configured instead of analysts', () => {
    const options = { documents: DOCUMENTS, enforce: true, openRoles: ['auditor'] as Role[] };
    expect(run(options, ['auditor'], { query: QUEUE })).toBeUndefined();
    const refused = refusal(run(options, ANALYST, { query: QUEUE }));
    expect(refused.code).toBe('PERSISTED_QUERY_REQUIRED');
    expect(refused.message).toMatch(/open to the roles auditor\.$/);
    const closed = refusal(run({ ...options, openRoles: [] }, ['auditor'], { query: QUEUE }));
    expect(closed.message).toMatch(/open to no role\.$/);
  });
});

describe('useTrustedDocuments, not enforced (development)', () => {
  it('accepts free text from anyone, and still runs a registered hash', () => {
    expect(development(OFFICER, { query: '{ anything }' })).toBeUndefined();
    expect(replaced(development(['nomad'], { documentId: ID }))).toEqual({ query: QUEUE });
    expect(replaced(development(OFFICER, { query: '{ a }', extensions: { persistedQuery: { version: 1, sha256Hash: '4'.repeat(64) } } }))).toEqual({ query: '{ a }' });
  });
});

describe('requestedHash', () => {
  it('names nothing for a plain query, and the same key for both formats', () => {
    expect(requestedHash({ query: '{ a }' })).toEqual({ kind: 'none' });
    expect(requestedHash({ documentId: ID })).toEqual({ kind: 'hash', key: ID });
    expect(requestedHash({ extensions: { persistedQuery: { version: 1, sha256Hash: HEX } } })).toEqual({ kind: 'hash', key: ID });
  });
});

describe('readTrustedDocuments', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  const manifestFile = async (content: string) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trusted-'));
    dirs.push(dir);
    const file = path.join(dir, 'persisted-documents.json');
    await writeFile(file, content);
    return file;
  };

  it('reads the typed operations package manifest: every key the sha256 of its document', async () => {
    const documents = await readTrustedDocuments(DEFAULT_TRUSTED_DOCUMENTS_PATH);
    const entries = Object.entries(documents);
    expect(entries.length).toBeGreaterThan(20);
    for (const [hash, text] of entries) expect(hash).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
  });

  it('refuses a missing file, a non-object and an entry whose key is not the hash of its text, naming the setting', async () => {
    await expect(readTrustedDocuments('/nonexistent/persisted-documents.json')).rejects.toThrow(TrustedDocumentsError);
    await expect(readTrustedDocuments(await manifestFile('[]'))).rejects.toThrow(/TRUSTED_DOCUMENTS_MANIFEST/);
    await expect(readTrustedDocuments(await manifestFile('not json'))).rejects.toThrow(TrustedDocumentsError);
    const tampered = await manifestFile(JSON.stringify({ [ID]: '{ nomads(first: 100) { totalCount } }' }));
    await expect(readTrustedDocuments(tampered)).rejects.toThrow(/is not the sha256 of its document/);
    expect(await readTrustedDocuments(await manifestFile(JSON.stringify(DOCUMENTS)))).toEqual(DOCUMENTS);
  });
});
