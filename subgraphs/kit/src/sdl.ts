import { parse, type DocumentNode } from 'graphql';
import { accessLogTypeDefs } from './access/graphql.ts';
import { eventOperationsTypeDefs } from './events/operations/schema.ts';
import { REPRESENTATIVE_AGENCY } from './graphql/resolvers.ts';
import { sharedTypeDefs } from './graphql/shared.ts';

/**
 * The SDL the kit's own resolvers serve, rendered for `REPRESENTATIVE_AGENCY`: the shared
 * types, the access log and the event operations, as every agency's `src/sdl.ts` appends them
 * (under its own name). `npm run codegen` generates the kit's `src/generated/resolvers-types.ts`
 * from it. The kit serves no subgraph of its own: the empty `Query` and `Mutation` are what the
 * agencies' modules define, for the extensions to extend.
 */
export const typeDefs: DocumentNode = parse(
  ['type Query', 'type Mutation', sharedTypeDefs, accessLogTypeDefs(REPRESENTATIVE_AGENCY), eventOperationsTypeDefs(REPRESENTATIVE_AGENCY)].join('\n'),
);
