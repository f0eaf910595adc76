import { GraphQLScalarType } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';

export type { GraphQLResolverMap };

/** Merges module resolver maps type by type (several modules may extend `Query`). */
export function mergeResolvers<TContext>(...maps: GraphQLResolverMap<TContext>[]): GraphQLResolverMap<TContext> {
  const out: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      const previous = out[type];
      out[type] =
        fields instanceof GraphQLScalarType || previous === undefined
          ? fields
          : { ...(previous as Record<string, unknown>), ...(fields as Record<string, unknown>) };
    }
  }
  return out as GraphQLResolverMap<TContext>;
}
