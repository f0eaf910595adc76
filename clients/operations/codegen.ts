// `npm run generate -w @nomad/operations`: typed documents of every operation in
// src/operations/*.graphql, checked against the public API (schema/api.graphql), and the
// manifest of their hashes (persisted-documents.json) that the gateway's trusted documents
// accept in production. The output is committed; src/generated.test.ts fails when it is stale.
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { preset as clientPreset } from '@graphql-codegen/client-preset';

/** Paths from this file, so the output is the same from any working directory (the test runs it too). */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const config: CodegenConfig = {
  schema: here('../../schema/api.graphql'),
  documents: [here('src/operations/*.graphql')],
  ignoreNoDocuments: false,
  generates: {
    [here('src/generated/')]: {
      // The preset itself, not its name: a name is resolved from the working directory.
      preset: clientPreset,
      presetConfig: {
        // Masking is for fragment-per-component apps; these operations are whole screens.
        fragmentMasking: false,
        // A manifest hash → document; the documents carry their hash (`__meta__.hash`) for a
        // client to send as `documentId` or as APQ's `extensions.persistedQuery.sha256Hash`.
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // Only the types the operations use, not the whole schema.
        onlyOperationTypes: true,
        strictScalars: true,
        scalars: {
          Date: 'string',
          DateTime: 'string',
          SafeInt: 'number',
        },
      },
    },
  },
};

export default config;
