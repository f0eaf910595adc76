/**
 * @nomad/operations: the typed operations of the nomad portal and the officers' screens.
 *
 *   import { MyApplicationDocument, persistedRequest } from '@nomad/operations';
 *   const body = persistedRequest(MyApplicationDocument, { number: '10000001' });
 *   // body: { documentId: 'sha256:…', operationName: 'MyApplication', variables: { number: '10000001' } }
 *
 * Each `…Document` is a TypedDocumentNode (result and variables typed) that any GraphQL client
 * takes (Apollo Client, urql, graphql-request); in production the gateway runs only the
 * registered ones, sent by their hash (docs/frontend.md, "Trusted documents").
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DocumentNode } from 'graphql';

export * from './generated/graphql.ts';
export { PERSISTED_DOCUMENTS_PATH, OPERATIONS_DIR } from './registered.ts';

/** What the generated documents carry besides the AST: their registered hash. */
interface WithHash {
  __meta__?: { hash?: string };
  definitions: readonly { kind: string; name?: { value: string } }[];
}

/** The registered hash of a generated document (`sha256:<hex>`), as the manifest keys it. */
export function documentIdOf(document: DocumentNode): string {
  const hash = (document as unknown as WithHash).__meta__?.hash;
  if (!hash) throw new Error('Not a generated document of @nomad/operations: it carries no hash.');
  return hash;
}

/** The request body that runs a registered operation: its hash, never its text. */
export function persistedRequest<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): { documentId: string; operationName: string | null; variables: TVariables } {
  const operation = (document as unknown as WithHash).definitions.find((d) => d.kind === 'OperationDefinition');
  return { documentId: documentIdOf(document), operationName: operation?.name?.value ?? null, variables };
}
