import { describe, expect, it } from 'vitest';
import { SUPERGRAPH } from './__fixtures__/supergraph.ts';
import { SupergraphError, subgraphNamesOf } from './supergraph.ts';

describe('subgraphNamesOf', () => {
  it('reads the subgraph names from join__Graph', () => {
    expect(subgraphNamesOf(SUPERGRAPH)).toEqual(['hello']);
  });

  it('reads several, whatever the enum value spelling', () => {
    const sdl = `enum join__Graph {
      MIGRATION @join__graph(name: "migration", url: "http://a/graphql")
      LABOR_2 @join__graph(name: "labor", url: "")
    }`;
    expect(subgraphNamesOf(sdl)).toEqual(['migration', 'labor']);
  });

  it('refuses SDL that names no subgraph or does not parse', () => {
    expect(() => subgraphNamesOf('type Query { a: String }')).toThrow(SupergraphError);
    expect(() => subgraphNamesOf('type Query {')).toThrow(/does not parse/);
  });
});
