import { GraphQLScalarType } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { Principal } from '../auth.ts';
import type { Executor } from '../db/database.ts';

export type { GraphQLResolverMap };

/** What the kit's own resolvers (access log, event operations) need of a request context; every subgraph's context has it. */
export interface KitResolverContext {
  principal: Principal;
  db: Executor<Record<string, unknown>>;
}

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

/**
 * The agency whose rendering of the kit's per-agency SDL (`accessLogTypeDefs(agency)`,
 * `eventOperationsTypeDefs(agency)`: `AgencyAccessRecord`, `agencyAccessRecords`,
 * `agencyEventDeliveries`, …) the kit's resolver types are generated from (src/sdl.ts,
 * `npm run codegen`). Only the names carry the agency; arguments, parents and results are the
 * same for every agency, so one rendering types them all: the kit writes its resolvers under
 * these names, typed by the generated `Resolvers`, and `underAgencyNames` serves them under each
 * agency's. (Generics over the agency's name would type nothing more: an agency's name is a
 * runtime string, `AgencySpec.name`, and a key computed from it needs a cast.)
 */
export const REPRESENTATIVE_AGENCY = 'agency';
