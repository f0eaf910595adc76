import { describe, expect, it } from 'vitest';
import type { Principal, Role, Rule } from '@nomad/kit';
import { cellCases, tableFromGrid } from '@nomad/kit/testing';
import type { Context } from './context.ts';
import { canReadDetails, type DetailField } from './modules/screenings/policy.ts';
import type { PersonalField } from './personal-fields.ts';
import { assertAllowedByTable, NEED_TO_KNOW } from './policy.ts';

// GKNB's need-to-know table, every cell written here by hand (docs/security.md shows the same),
// then each cell tried through the checks the services call. No relation: a screening's details
// and exit watches are for security officers alone, the access log for auditors and the nomad.

const COLUMNS = ['nomad', 'migration_officer', 'labor_officer', 'labor_expert', 'tax_officer', 'security_officer', 'analyst', 'auditor'] as const satisfies readonly Role[];
const GRID: Record<PersonalField, readonly Rule[]> = {
  //                           nomad    migration labor    expert   tax      security analyst  auditor
  'Screening.reasons':        ['never', 'never', 'never', 'never', 'never', 'any', 'never', 'never'],
  'Screening.reasonText':     ['never', 'never', 'never', 'never', 'never', 'any', 'never', 'never'],
  'Screening.classification': ['never', 'never', 'never', 'never', 'never', 'any', 'never', 'never'],
  'Screening.concludedBy':    ['never', 'never', 'never', 'never', 'never', 'any', 'never', 'never'],
  'Screening.requestNote':    ['never', 'never', 'never', 'never', 'never', 'any', 'never', 'never'],
  'ExitWatch.pin':            ['never', 'never', 'never', 'never', 'never', 'any', 'never', 'never'],
  'ExitWatch.ground':         ['never', 'never', 'never', 'never', 'never', 'any', 'never', 'never'],
  'ExitWatch.note':           ['never', 'never', 'never', 'never', 'never', 'any', 'never', 'never'],
  'Nomad.accessLog':          ['self', 'never', 'never', 'never', 'never', 'never', 'never', 'any'],
};
const DETAILS: readonly DetailField[] = ['Screening.reasons', 'Screening.reasonText', 'Screening.classification', 'Screening.concludedBy', 'Screening.requestNote'];

const NOMAD = '00000000-0000-4000-8000-00000000000a';
const OTHER_NOMAD = '00000000-0000-4000-8000-00000000000b';
const caller = (role: Role, nomadId: string | null): Principal => ({ sub: 'caller', name: 'Caller', roles: [role], nomadId });

/** Whether `assertAllowedByTable` lets the caller read `field` of NOMAD. */
function passes(field: PersonalField, principal: Principal): boolean {
  try {
    assertAllowedByTable({ principal } as unknown as Context, field, NOMAD);
    return true;
  } catch (err) {
    expect(err).toMatchObject({ message: `\`${field}\` is not visible to you.`, extensions: { code: 'FORBIDDEN' } });
    return false;
  }
}

/** The answer for `field` of NOMAD: the screening check for a detail field, the table's assertion for the others. */
function reads(field: PersonalField, principal: Principal): boolean {
  return (DETAILS as readonly string[]).includes(field) ? canReadDetails(principal, field as DetailField, NOMAD) : passes(field, principal);
}

describe("GKNB's need-to-know table", () => {
  it('is, cell by cell, the table written here', () => {
    expect(Object.keys(GRID)).toHaveLength(9);
    expect(NEED_TO_KNOW).toEqual(tableFromGrid(COLUMNS, GRID));
  });

  it('each cell, through the check the services call: any, self (own and another nomad), never', () => {
    const cases = cellCases(COLUMNS, GRID, { nomadId: NOMAD, otherNomadId: OTHER_NOMAD });
    expect(cases).toHaveLength(9 * 9);
    for (const c of cases) expect(reads(c.field, caller(c.role, c.callerNomadId)), c.at).toBe(c.expected);
  });

  it('the table assertion and the screening check agree on every field both can answer', () => {
    expect(DETAILS).toHaveLength(5);
    for (const field of DETAILS) {
      expect(passes(field, caller('security_officer', null)), field).toBe(true);
      expect(passes(field, caller('nomad', NOMAD)), field).toBe(false);
    }
  });
});
