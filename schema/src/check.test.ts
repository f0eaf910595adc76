import { describe, expect, it } from 'vitest';
import { checkSchema, formatCheck } from './check.ts';

const OLD = /* GraphQL */ `
  type Query { nomad(id: ID!): Nomad  nomads(state: State): [Nomad!]!  rules: String }
  type Nomad { id: ID!  fullName: String  citizenship: String!  state: State! }
  enum State { ACTIVE EXPIRED REVOKED }
  input Filter { citizenship: String }
`;

const CARD = { where: 'docs/frontend.md:10', source: 'query Card { nomad(id: "1") { id fullName } }' };
const LIST = { where: 'docs/analysts.md:20', source: 'query List { nomads(state: ACTIVE) { id citizenship } }' };
const RULES = { where: 'README.md:30', source: '{ rules }' };

describe('checkSchema', () => {
  it('reports a removed field as breaking, with the operation that uses it, and that operation as broken', async () => {
    const without = OLD.replace('fullName: String', '');
    const check = await checkSchema(OLD, without, [CARD, LIST, RULES]);
    const removed = check.changes.find((c) => c.path === 'Nomad.fullName');
    expect(removed).toMatchObject({ level: 'BREAKING', usedBy: [CARD.where] });
    expect(check.broken.map((b) => b.where)).toEqual([CARD.where]);
    expect(check.broken[0]?.errors.join()).toMatch(/fullName/);
    expect(formatCheck(check, 'main')).toMatch(/BREAKING \(1\):[\s\S]*Nomad\.fullName[\s\S]*used by docs\/frontend\.md:10[\s\S]*Operations this change breaks \(1\)/);
  });

  it('attributes a removed enum value to operations that use the enum, and a new required argument to uses of the field', async () => {
    const changed = OLD.replace('ACTIVE EXPIRED REVOKED', 'ACTIVE EXPIRED').replace('nomad(id: ID!)', 'nomad(id: ID!, purpose: String!)');
    const check = await checkSchema(OLD, changed, [CARD, LIST, RULES]);
    expect(check.changes.find((c) => c.path === 'State.REVOKED')).toMatchObject({ level: 'BREAKING', usedBy: [LIST.where] });
    expect(check.changes.find((c) => c.path === 'Query.nomad.purpose')).toMatchObject({ level: 'BREAKING', usedBy: [CARD.where] });
    expect(check.broken.map((b) => b.where)).toEqual([CARD.where]);
  });

  it('lists an added field as safe and an added enum value as dangerous, breaking nothing', async () => {
    const grown = OLD.replace('state: State!', 'state: State!  email: String').replace('REVOKED }', 'REVOKED SUSPENDED }');
    const check = await checkSchema(OLD, grown, [CARD, LIST, RULES]);
    expect(check.changes.find((c) => c.path === 'Nomad.email')).toMatchObject({ level: 'SAFE', usedBy: [] });
    expect(check.changes.find((c) => c.path === 'State.SUSPENDED')).toMatchObject({ level: 'DANGEROUS' });
    expect(check.broken).toEqual([]);
  });

  it('does not blame a change for an operation that was already invalid', async () => {
    const stale = { where: 'docs/old.md:1', source: '{ nomad(id: "1") { nickname } }' };
    const check = await checkSchema(OLD, OLD.replace('fullName: String', ''), [stale]);
    expect(check.broken).toEqual([]);
  });

  it('says so when nothing changed', async () => {
    const check = await checkSchema(OLD, OLD, [CARD]);
    expect(check).toEqual({ changes: [], broken: [] });
    expect(formatCheck(check, 'main')).toBe('No change to the API since main.\n');
  });
});
