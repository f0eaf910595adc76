import { Kind, parse } from 'graphql';
import { DEFAULT_TRUSTED_DOCUMENTS_PATH, readTrustedDocuments } from '@nomad/gateway';

/**
 * The registered hash (`sha256:<hex>`) of a typed operation by its name, from the manifest the
 * gateway reads in production (`clients/operations/src/generated/persisted-documents.json`):
 * what a front end built on `@nomad/operations` sends as `documentId`.
 */
export async function registeredHash(operationName: string): Promise<string> {
  const documents = await readTrustedDocuments(DEFAULT_TRUSTED_DOCUMENTS_PATH);
  for (const [hash, text] of Object.entries(documents)) {
    const names = parse(text).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
    if (names.includes(operationName)) return hash;
  }
  throw new Error(`no registered operation ${operationName} in ${DEFAULT_TRUSTED_DOCUMENTS_PATH}`);
}
