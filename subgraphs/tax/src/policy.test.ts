import { describe, expect, it } from 'vitest';
import type { Principal, Role, Rule } from '@nomad/kit';
import { cellCases, tableFromGrid } from '@nomad/kit/testing';
import { assertMayReadNomadTax, mayReadNomadTax } from './access.ts';
import type { PersonalField } from './personal-fields.ts';
import { NEED_TO_KNOW } from './policy.ts';

// Tax's need-to-know table, every cell written here by hand (docs/security.md shows the same),
// then each cell tried through the check the services call. No relation: analysts read
// aggregates only, never one person's PIN or income.

const COLUMNS = ['nomad', 'migration_officer', 'labor_officer', 'labor_expert', 'tax_officer', 'security_officer', 'analyst', 'auditor'] as const satisfies readonly Role[];
const GRID: Record<PersonalField, readonly Rule[]> = {
  //                         nomad   migration labor    expert   tax    security analyst  auditor
  'TaxRegistration.pin':    ['self', 'never', 'never', 'never', 'any', 'never', 'never', 'never'],
  'TaxDeclaration.income':  ['self', 'never', 'never', 'never', 'any', 'never', 'never', 'never'],
  'TaxDeclaration.taxDue':  ['self', 'never', 'never', 'never', 'any', 'never', 'never', 'never'],
  'TaxDeclaration.paid':    ['self', 'never', 'never', 'never', 'any', 'never', 'never', 'never'],
  'TaxDeclaration.balance': ['self', 'never', 'never', 'never', 'any', 'never', 'never', 'never'],
  'TaxDeclaration.payments':['self', 'never', 'never', 'never', 'any', 'never', 'never', 'never'],
};

const NOMAD = '00000000-0000-4000-8000-00000000000a';
const OTHER_NOMAD = '00000000-0000-4000-8000-00000000000b';
const caller = (role: Role, nomadId: string | null): Principal => ({ sub: 'caller', name: 'Caller', roles: [role], nomadId });

describe("tax's need-to-know table", () => {
  it('is, cell by cell, the table written here', () => {
    expect(Object.keys(GRID)).toHaveLength(6);
    expect(NEED_TO_KNOW).toEqual(tableFromGrid(COLUMNS, GRID));
  });

  it('each cell, through the check the services call: any, self (own and another nomad), never', () => {
    const cases = cellCases(COLUMNS, GRID, { nomadId: NOMAD, otherNomadId: OTHER_NOMAD });
    expect(cases).toHaveLength(6 * 9);
    for (const c of cases) expect(mayReadNomadTax(caller(c.role, c.callerNomadId), NOMAD, c.field), c.at).toBe(c.expected);
  });

  it('the refusal checks the field named', () => {
    expect(() => assertMayReadNomadTax(caller('tax_officer', null), NOMAD, 'TaxDeclaration.payments')).not.toThrow();
    expect(() => assertMayReadNomadTax(caller('analyst', null), NOMAD, 'TaxDeclaration.income')).toThrow("Only a tax officer or the nomad themself may read a nomad's tax records.");
  });
});
