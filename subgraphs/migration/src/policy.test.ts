import { describe, expect, it } from 'vitest';
import type { Principal, Role, Rule } from '@nomad/kit';
import { cellCases, tableFromGrid } from '@nomad/kit/testing';
import type { Context } from './context.ts';
import { canRead } from './modules/nomads/service.ts';
import type { PersonalField } from './personal-fields.ts';
import { NEED_TO_KNOW, type LinkFacts } from './policy.ts';

// Migration's need-to-know table, every cell written here by hand (docs/security.md shows the
// same), then each cell tried through the check the services call, with the `linked` relation
// holding (every other agency holds a record of the nomad) and not (none does).

const COLUMNS = ['nomad', 'migration_officer', 'labor_officer', 'labor_expert', 'tax_officer', 'security_officer', 'analyst', 'auditor'] as const satisfies readonly Role[];
const GRID: Record<PersonalField, readonly Rule[]> = {
  //                                nomad   migration labor     expert   tax       security  analyst  auditor
  'Nomad.surname':                 ['self', 'any', 'linked', 'never', 'linked', 'linked', 'never', 'never'],
  'Nomad.givenNames':              ['self', 'any', 'linked', 'never', 'linked', 'linked', 'never', 'never'],
  'Nomad.dateOfBirth':             ['self', 'any', 'linked', 'never', 'linked', 'linked', 'never', 'never'],
  'Nomad.sex':                     ['self', 'any', 'linked', 'never', 'linked', 'linked', 'never', 'never'],
  'Nomad.passport':                ['self', 'any', 'linked', 'never', 'linked', 'linked', 'never', 'never'],
  'Nomad.email':                   ['self', 'any', 'linked', 'never', 'linked', 'linked', 'never', 'never'],
  'Nomad.pin':                     ['self', 'any', 'linked', 'never', 'linked', 'linked', 'never', 'never'],
  'Nomad.status':                  ['self', 'any', 'linked', 'never', 'linked', 'linked', 'any', 'never'],
  'Nomad.statusOn':                ['self', 'any', 'linked', 'never', 'linked', 'linked', 'any', 'never'],
  'Nomad.statusPeriods':           ['self', 'any', 'linked', 'never', 'linked', 'linked', 'any', 'never'],
  'Nomad.statusHistory':           ['self', 'any', 'linked', 'never', 'linked', 'linked', 'any', 'never'],
  // A dependant's fields: the principal is `self`, GKNB reads through the principal's link; labor and tax never.
  'Dependant.surname':             ['self', 'any', 'never', 'never', 'never', 'linked', 'never', 'never'],
  'Dependant.givenNames':          ['self', 'any', 'never', 'never', 'never', 'linked', 'never', 'never'],
  'Dependant.dateOfBirth':         ['self', 'any', 'never', 'never', 'never', 'linked', 'never', 'never'],
  'Dependant.sex':                 ['self', 'any', 'never', 'never', 'never', 'linked', 'never', 'never'],
  'Dependant.passport':            ['self', 'any', 'never', 'never', 'never', 'linked', 'never', 'never'],
  'Dependant.pin':                 ['self', 'any', 'never', 'never', 'never', 'linked', 'never', 'never'],
  'Dependant.documents':           ['self', 'any', 'never', 'never', 'never', 'linked', 'never', 'never'],
  'Dependant.screening':           ['self', 'any', 'never', 'never', 'never', 'linked', 'never', 'never'],
  'Dependant.status':              ['self', 'any', 'never', 'never', 'never', 'linked', 'any', 'never'],
  'Dependant.statusOn':            ['self', 'any', 'never', 'never', 'never', 'linked', 'any', 'never'],
  'Application.foreignParties':    ['self', 'any', 'linked', 'never', 'never', 'linked', 'never', 'never'],
  'Application.declaredIncome':    ['self', 'any', 'linked', 'never', 'never', 'linked', 'any', 'never'],
  'Application.declaredIncomeUsd': ['self', 'any', 'linked', 'never', 'never', 'linked', 'any', 'never'],
  'Application.documents':         ['self', 'any', 'linked', 'never', 'never', 'linked', 'never', 'never'],
};

const NOMAD = '00000000-0000-4000-8000-00000000000a';
const OTHER_NOMAD = '00000000-0000-4000-8000-00000000000b';
/** Every fact: every other agency holds a record of the nomad. */
const LINKED: LinkFacts = { heldStatus: true, evaluationRequested: true, applied: true, exited: true };
/** No fact: no other agency does. */
const UNLINKED: LinkFacts = { heldStatus: false, evaluationRequested: false, applied: false, exited: false };

/** What the services' check answers for `field` of NOMAD, for a caller holding `role` alone. */
function reads(field: PersonalField, role: Role, callerNomadId: string, linked: boolean): Promise<boolean> {
  const principal: Principal = { sub: 'caller', name: 'Caller', roles: [role], nomadId: callerNomadId };
  const loaders = { linkFactsByNomad: { load: (id: string) => Promise.resolve(id === NOMAD ? (linked ? LINKED : UNLINKED) : null) } };
  return canRead({ principal, loaders } as unknown as Context, NOMAD, field);
}

describe("migration's need-to-know table", () => {
  it('is, cell by cell, the table written here', () => {
    expect(Object.keys(GRID)).toHaveLength(25);
    expect(NEED_TO_KNOW).toEqual(tableFromGrid(COLUMNS, GRID));
  });

  it('each cell, through the check the services call: any, self (own and another nomad), linked (holding and not), never', async () => {
    const cases = cellCases(COLUMNS, GRID, { nomadId: NOMAD, otherNomadId: OTHER_NOMAD, relations: [true, false] });
    expect(cases).toHaveLength(25 * 9 * 2);
    for (const c of cases) expect(await reads(c.field, c.role, c.callerNomadId, c.relationHolds), c.at).toBe(c.expected);
  });
});
