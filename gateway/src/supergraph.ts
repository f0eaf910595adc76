import { Kind, parse } from 'graphql';

export class SupergraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SupergraphError';
  }
}

/**
 * The subgraph names a supergraph routes to, read from the join spec's
 * `enum join__Graph { MIGRATION @join__graph(name: "migration", url: "…") }`.
 * The URLs in the file are ignored: where a subgraph runs is configuration, not schema.
 * @throws SupergraphError when the SDL does not parse or names no subgraph
 */
export function subgraphNamesOf(supergraphSdl: string): string[] {
  let document;
  try {
    document = parse(supergraphSdl, { noLocation: true });
  } catch (err) {
    throw new SupergraphError(`The supergraph does not parse: ${(err as Error).message}`);
  }
  const names: string[] = [];
  for (const definition of document.definitions) {
    // `@link(url: ".../join/v0.3", as: "x")` renames the spec's elements to `x__Graph`/`@x__graph`.
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || !definition.name.value.endsWith('__Graph')) continue;
    const prefix = definition.name.value.slice(0, -'__Graph'.length);
    for (const value of definition.values ?? []) {
      const directive = value.directives?.find((d) => d.name.value === `${prefix}__graph`);
      const name = directive?.arguments?.find((a) => a.name.value === 'name')?.value;
      if (name?.kind === Kind.STRING) names.push(name.value);
    }
  }
  if (names.length === 0) {
    throw new SupergraphError('The supergraph names no subgraph (no join__Graph enum): is it a Federation 2 supergraph?');
  }
  return names;
}
