import { describe, expect, it } from 'vitest';
import type { Principal, Role, Rule } from '@nomad/kit';
import { cellCases, tableFromGrid } from '@nomad/kit/testing';
import { canSeeEvaluation, canSeeMonitoringOf } from './access.ts';
import type { Context } from './context.ts';
import type { EvaluationRow, ExpertRow } from './db/schema.ts';
import type { PersonalField } from './personal-fields.ts';
import { NEED_TO_KNOW } from './policy.ts';

// Labor's need-to-know table, every cell written here by hand (docs/security.md shows the same),
// then each cell tried through the checks the services call.

const COLUMNS = ['nomad', 'migration_officer', 'labor_officer', 'labor_expert', 'tax_officer', 'security_officer', 'analyst', 'auditor'] as const satisfies readonly Role[];
const GRID: Record<PersonalField, readonly Rule[]> = {
  //                           nomad   migration labor   expert      tax      security analyst  auditor
  'MonitoringCase.riskLevel': ['self', 'never', 'any', 'assigned', 'never', 'never', 'never', 'never'],
  'CaseAction.note':          ['self', 'never', 'any', 'assigned', 'never', 'never', 'never', 'never'],
  'ActivityReport.clients':   ['self', 'never', 'any', 'assigned', 'never', 'never', 'never', 'never'],
  'ActivityReport.income':    ['self', 'never', 'any', 'assigned', 'never', 'never', 'never', 'never'],
  'Evaluation.findings':      ['self', 'any', 'any', 'assigned', 'never', 'never', 'never', 'never'],
};

const NOMAD = '00000000-0000-4000-8000-00000000000a';
const OTHER_NOMAD = '00000000-0000-4000-8000-00000000000b';
const EXPERT_ID = 'expert-1';

/**
 * A request by a caller with one role. The caller has an expert record (whatever their role:
 * only the table decides whether it counts); `assigned` says whether the nomad's evaluation is
 * that expert's.
 */
function request(role: Role, nomadId: string | null, assigned: boolean): { ctx: Context; evaluation: EvaluationRow } {
  const principal: Principal = { sub: 'caller', name: 'Caller', roles: [role], nomadId };
  const evaluation = { nomadId: NOMAD, expertId: assigned ? EXPERT_ID : 'expert-2' } as unknown as EvaluationRow;
  const loaders = {
    expertsBySub: { load: () => Promise.resolve([{ id: EXPERT_ID, sub: 'caller' } as unknown as ExpertRow]) },
    evaluationsByNomad: { load: (id: string) => Promise.resolve(id === NOMAD ? [evaluation] : []) },
  };
  return { ctx: { principal, loaders } as unknown as Context, evaluation };
}

/** What the services' check answers for `field` of NOMAD. */
async function reads(field: PersonalField, role: Role, nomadId: string | null, assigned: boolean): Promise<boolean> {
  const { ctx, evaluation } = request(role, nomadId, assigned);
  return field === 'Evaluation.findings' ? canSeeEvaluation(ctx, evaluation) : canSeeMonitoringOf(ctx, NOMAD, field);
}

describe("labor's need-to-know table", () => {
  it('is, cell by cell, the table written here', () => {
    expect(Object.keys(GRID)).toHaveLength(5);
    expect(NEED_TO_KNOW).toEqual(tableFromGrid(COLUMNS, GRID));
  });

  it('each cell, through the check the services call: any, self (own and another nomad), assigned (holding and not), never', async () => {
    const cases = cellCases(COLUMNS, GRID, { nomadId: NOMAD, otherNomadId: OTHER_NOMAD, relations: [true, false] });
    expect(cases).toHaveLength(5 * 9 * 2);
    for (const c of cases) expect(await reads(c.field, c.role, c.callerNomadId, c.relationHolds), c.at).toBe(c.expected);
  });
});
