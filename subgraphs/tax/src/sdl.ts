import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { accessLogTypeDefs, eventOperationsTypeDefs, sharedTypeDefs } from '@nomad/kit';

/** The module folders whose `schema.graphql` make up this subgraph, in order. */
export const MODULES = ['registrations', 'campaign', 'declarations', 'aggregates', 'statistics'] as const;

function moduleSdl(name: string): string {
  return readFileSync(new URL(`./modules/${name}/schema.graphql`, import.meta.url), 'utf8');
}

export const SUBGRAPH_NAME = 'tax';

/** The tax subgraph's SDL, as composed into the supergraph (with the kit's event operations: `taxInboxFailures`, …). */
export const typeDefs: DocumentNode = parse([sharedTypeDefs, ...MODULES.map(moduleSdl), accessLogTypeDefs(SUBGRAPH_NAME), eventOperationsTypeDefs(SUBGRAPH_NAME)].join('\n'));
