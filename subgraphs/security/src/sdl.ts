import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { accessLogTypeDefs, eventOperationsTypeDefs, sharedTypeDefs } from '@nomad/kit';

/** The module folders whose `schema.graphql` make up this subgraph, in order (the first defines Query and Mutation). */
export const MODULES = ['screenings', 'departures', 'measures', 'ledger', 'statistics'] as const;

function moduleSdl(name: string): string {
  return readFileSync(new URL(`./modules/${name}/schema.graphql`, import.meta.url), 'utf8');
}

export const SUBGRAPH_NAME = 'security';

/** The security subgraph's SDL, as composed into the supergraph. */
export const typeDefs: DocumentNode = parse([sharedTypeDefs, ...MODULES.map(moduleSdl), accessLogTypeDefs(SUBGRAPH_NAME), eventOperationsTypeDefs(SUBGRAPH_NAME)].join('\n'));
