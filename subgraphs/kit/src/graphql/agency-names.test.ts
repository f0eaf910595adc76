/**
 * The kit's own resolvers are written under the representative agency's names (their types are
 * generated from that rendering) and served under each agency's: every type and field they
 * resolve must be one of the agency's SDL, or Apollo would drop it without a word and the field
 * would resolve to nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { isObjectType, isScalarType, parse } from 'graphql';
import { pgSchema } from 'drizzle-orm/pg-core';
import { accessLogResolvers, accessLogTypeDefs } from '../access/graphql.ts';
import { accessLogTables } from '../access/table.ts';
import { fixtureTables } from '../events/__fixtures__/fixture.ts';
import { eventOperationsResolvers, eventOperationsTypeDefs } from '../events/operations/index.ts';
import { mergeResolvers, REPRESENTATIVE_AGENCY, underAgencyNames, type KitResolverContext } from './resolvers.ts';
import { sharedResolvers, sharedTypeDefs } from './shared.ts';

const accessTables = accessLogTables(pgSchema('tax'));

function kitResolversOf(agency: string) {
  return mergeResolvers<KitResolverContext>(
    sharedResolvers,
    accessLogResolvers({ agency, tables: accessTables }),
    eventOperationsResolvers({ agency, tables: fixtureTables }),
  );
}

/** `Type.field` for every field resolver, `Type` for a scalar. */
function resolved(map: ReturnType<typeof kitResolversOf>): string[] {
  return Object.entries(map).flatMap(([type, fields]) => (isScalarType(fields) ? [type] : Object.keys(fields).map((field) => `${type}.${field}`)));
}

describe('the kit resolvers served under an agency’s names', () => {
  it('resolve only types and fields of that agency’s SDL, and all of the access log and event operations', () => {
    const schema = buildSubgraphSchema({ typeDefs: parse([sharedTypeDefs, accessLogTypeDefs('tax'), eventOperationsTypeDefs('tax')].join('\n')) });
    const served = resolved(kitResolversOf('tax'));
    const missing = served.filter((name) => {
      const [type = '', field] = name.split('.');
      const found = schema.getType(type);
      if (field === undefined) return !isScalarType(found);
      return !isObjectType(found) || !(field in found.getFields());
    });
    expect(missing).toEqual([]);
    expect(served).toEqual(
      expect.arrayContaining(['Query.taxAccessRecords', 'TaxAccessRecord.seq', 'Query.taxEventDeliveries', 'Query.taxInboxFailures', 'Mutation.retryTaxEventDelivery', 'Money.amount']),
    );
  });

  it('keep no representative name', () => {
    const served = resolved(kitResolversOf('labor')).join(' ');
    expect(served).not.toMatch(new RegExp(REPRESENTATIVE_AGENCY, 'i'));
  });
});

describe('underAgencyNames', () => {
  const names = (agency: string) => ({ type: `${agency.toUpperCase()}Thing`, field: `${agency}Things` });
  const thing = () => 'thing';

  it('renames the types and fields that names() gives for the representative agency, and nothing else', () => {
    const map = underAgencyNames(
      { Query: { [`${REPRESENTATIVE_AGENCY}Things`]: thing, other: thing }, [`${REPRESENTATIVE_AGENCY.toUpperCase()}Thing`]: { id: thing }, Money: { amount: thing } },
      names,
      'tax',
    );
    expect(map).toEqual({ Query: { taxThings: thing, other: thing }, TAXThing: { id: thing }, Money: { amount: thing } });
  });
});
