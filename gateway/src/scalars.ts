import type { GraphQLSchema } from 'graphql';
import { DateScalar, DateTimeScalar, SafeIntScalar } from '@nomad/contract';

/** The kit's shared scalars, whose input rules every subgraph applies. */
const SHARED_SCALARS = [DateScalar, DateTimeScalar, SafeIntScalar];

interface MutableScalar {
  parseValue: unknown;
  parseLiteral: unknown;
}

/**
 * A supergraph carries only the names of custom scalars, so the gateway would pass
 * `"2026-02-30"` as a `Date` to a subgraph, which refuses it with an HTTP 400 that the
 * gateway can only mask. Giving the gateway's schema the kit's parsers refuses bad input at
 * the edge, before planning, as a 400 BAD_USER_INPUT that names the variable path.
 * Output is untouched: subgraphs already serialized it.
 */
export function enforceSharedScalars(schema: GraphQLSchema): void {
  for (const impl of SHARED_SCALARS) {
    // Duck-typed: the gateway's schema may come from graphql's other (CommonJS) build.
    const type = schema.getType(impl.name) as unknown as (MutableScalar & { constructor: { name: string } }) | undefined;
    if (!type || type.constructor.name !== 'GraphQLScalarType') continue;
    type.parseValue = impl.parseValue.bind(impl);
    type.parseLiteral = impl.parseLiteral.bind(impl);
  }
}
