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

/**
 * Resolvers written under `REPRESENTATIVE_AGENCY`'s names, served under `agency`'s: each type or
 * field name that `names(REPRESENTATIVE_AGENCY)` gives becomes what `names(agency)` gives under
 * the same key; other names (shared types, their fields) stay. `names` is the function that
 * names the SDL (`accessLogNames`, `eventOperationFieldNames`), so SDL and resolvers agree.
 */
export function underAgencyNames<TContext>(
  resolvers: GraphQLResolverMap<TContext>,
  names: (agency: string) => Record<string, string>,
  agency: string,
): GraphQLResolverMap<TContext> {
  const actual = names(agency);
  const renamed = new Map(Object.entries(names(REPRESENTATIVE_AGENCY)).map(([key, name]) => [name, actual[key] ?? name]));
  const to = (name: string): string => renamed.get(name) ?? name;
  const out: GraphQLResolverMap<TContext> = {};
  for (const [type, fields] of Object.entries(resolvers)) {
    out[to(type)] = fields instanceof GraphQLScalarType ? fields : Object.fromEntries(Object.entries(fields).map(([field, resolver]) => [to(field), resolver]));
  }
  return out;
}
