import { describe, expect, it, vi } from 'vitest';
import type { Principal, Role } from '@nomad/kit';
import {
  assertFindingsReadable,
  assertLaborOfficer,
  assertMonitoringReadable,
  canSeeEvaluation,
  canSeeMonitoringOf,
  expertEvaluatesNomad,
  isLaborOfficer,
  isMyEvaluation,
  isSelf,
  myExpertIds,
  myExpertRecords,
} from './access.ts';
import type { Context } from './context.ts';
import type { EvaluationRow, ExpertRow } from './db/schema.ts';

// Who sees what in labor, as pure checks over a fake request: the loaders are the only data.

const NOMAD = '00000000-0000-4000-8000-00000000000a';
const OTHER_NOMAD = '00000000-0000-4000-8000-00000000000b';

function principal(roles: Role[], nomadId: string | null = null, sub = 'user-1'): Principal {
  return { sub, name: 'Test', roles, nomadId };
}

/** A request whose expert records and evaluations come from the given lists. */
function ctxOf(p: Principal, experts: Record<string, string[]> = {}, evaluations: Record<string, (string | null)[]> = {}) {
  const expertsBySub = vi.fn((sub: string) => Promise.resolve((experts[sub] ?? []).map((id) => ({ id, sub }) as unknown as ExpertRow)));
  const evaluationsByNomad = vi.fn((nomadId: string) =>
    Promise.resolve((evaluations[nomadId] ?? []).map((expertId) => ({ nomadId, expertId }) as unknown as EvaluationRow)),
  );
  const ctx = { principal: p, loaders: { expertsBySub: { load: expertsBySub }, evaluationsByNomad: { load: evaluationsByNomad } } } as unknown as Context;
  return { ctx, expertsBySub, evaluationsByNomad };
}

/** The code, field and message a check threw, or null when it did not throw. */
function refusal(check: () => unknown): { code: unknown; field: unknown; message: string } | null {
  try {
    check();
    return null;
  } catch (err) {
    const { message, extensions } = err as { message: string; extensions?: Record<string, unknown> };
    return { code: extensions?.code, field: extensions?.field, message };
  }
}

const evaluation = (nomadId: string, expertId: string | null) => ({ nomadId, expertId }) as unknown as EvaluationRow;

describe('labor roles', () => {
  it('a labor officer is one by role, an expert is not', () => {
    expect(isLaborOfficer(principal(['labor_officer']))).toBe(true);
    expect(isLaborOfficer(principal(['labor_expert']))).toBe(false);
    expect(isLaborOfficer(principal(['nomad'], NOMAD))).toBe(false);
  });

  it('self is the nomad role with the same nomad id', () => {
    expect(isSelf(principal(['nomad'], NOMAD), NOMAD)).toBe(true);
    expect(isSelf(principal(['nomad'], OTHER_NOMAD), NOMAD)).toBe(false);
    // A non-nomad principal carrying a nomad id is not that nomad.
    expect(isSelf(principal(['labor_officer'], NOMAD), NOMAD)).toBe(false);
  });
});

describe('expert records', () => {
  it("an expert's records are loaded by their subject; anyone else has none and nothing is read", async () => {
    const expert = ctxOf(principal(['labor_expert'], null, 'expert-sub'), { 'expert-sub': ['e1', 'e2'] });
    expect((await myExpertRecords(expert.ctx)).map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(expert.expertsBySub).toHaveBeenCalledWith('expert-sub');
    expect([...(await myExpertIds(expert.ctx))]).toEqual(['e1', 'e2']);

    const officer = ctxOf(principal(['labor_officer'], null, 'expert-sub'), { 'expert-sub': ['e1'] });
    expect(await myExpertRecords(officer.ctx)).toEqual([]);
    expect(officer.expertsBySub).not.toHaveBeenCalled();
    expect((await myExpertIds(officer.ctx)).size).toBe(0);
  });

  it("an evaluation is the expert's when its expert is one of their records, never when unassigned", async () => {
    const { ctx } = ctxOf(principal(['labor_expert'], null, 's'), { s: ['e1'] });
    expect(await isMyEvaluation(ctx, evaluation(NOMAD, 'e1'))).toBe(true);
    expect(await isMyEvaluation(ctx, evaluation(NOMAD, 'e2'))).toBe(false);
    expect(await isMyEvaluation(ctx, evaluation(NOMAD, null))).toBe(false);
  });
});

describe('who sees an evaluation', () => {
  it('labor officers, migration officers and the nomad it is about, without asking for expert records', async () => {
    for (const p of [principal(['labor_officer']), principal(['migration_officer']), principal(['nomad'], NOMAD)]) {
      const { ctx, expertsBySub } = ctxOf(p);
      expect(await canSeeEvaluation(ctx, evaluation(NOMAD, 'e1'))).toBe(true);
      expect(expertsBySub).not.toHaveBeenCalled();
    }
  });

  it('the expert it is assigned to; not another expert, another nomad, tax, security or an analyst', async () => {
    expect(await canSeeEvaluation(ctxOf(principal(['labor_expert'], null, 's'), { s: ['e1'] }).ctx, evaluation(NOMAD, 'e1'))).toBe(true);
    expect(await canSeeEvaluation(ctxOf(principal(['labor_expert'], null, 's'), { s: ['e2'] }).ctx, evaluation(NOMAD, 'e1'))).toBe(false);
    for (const p of [principal(['nomad'], OTHER_NOMAD), principal(['tax_officer']), principal(['security_officer']), principal(['analyst'])]) {
      expect(await canSeeEvaluation(ctxOf(p).ctx, evaluation(NOMAD, 'e1'))).toBe(false);
    }
  });
});

describe('reading the findings of an evaluation', () => {
  it('passes the readers of the evaluation; refuses anyone else with FORBIDDEN, naming what is refused', async () => {
    await expect(assertFindingsReadable(ctxOf(principal(['migration_officer'])).ctx, evaluation(NOMAD, 'e1'))).resolves.toBeUndefined();
    await expect(assertFindingsReadable(ctxOf(principal(['labor_expert'], null, 's'), { s: ['e1'] }).ctx, evaluation(NOMAD, 'e1'))).resolves.toBeUndefined();
    for (const p of [principal(['labor_expert'], null, 's'), principal(['nomad'], OTHER_NOMAD), principal(['auditor'])]) {
      await expect(assertFindingsReadable(ctxOf(p, { s: ['e2'] }).ctx, evaluation(NOMAD, 'e1'))).rejects.toMatchObject({
        message: 'This evaluation is not visible to you.',
        extensions: { code: 'FORBIDDEN' },
      });
    }
  });
});

describe("who sees a nomad's monitoring and reports", () => {
  it('an expert only while one of that nomad\'s evaluations is theirs', async () => {
    const p = principal(['labor_expert'], null, 's');
    expect(await expertEvaluatesNomad(ctxOf(p, { s: ['e1'] }, { [NOMAD]: ['e9', 'e1'] }).ctx, NOMAD)).toBe(true);
    expect(await expertEvaluatesNomad(ctxOf(p, { s: ['e1'] }, { [NOMAD]: ['e9', null] }).ctx, NOMAD)).toBe(false);
    expect(await expertEvaluatesNomad(ctxOf(p, { s: ['e1'] }, { [OTHER_NOMAD]: ['e1'] }).ctx, NOMAD)).toBe(false);
  });

  it('someone with no expert record is refused without reading the nomad\'s evaluations', async () => {
    const { ctx, evaluationsByNomad } = ctxOf(principal(['tax_officer']), {}, { [NOMAD]: ['e1'] });
    expect(await expertEvaluatesNomad(ctx, NOMAD)).toBe(false);
    expect(evaluationsByNomad).not.toHaveBeenCalled();
  });

  it('labor officers and the nomad themself; the assigned expert; nobody else', async () => {
    expect(await canSeeMonitoringOf(ctxOf(principal(['labor_officer'])).ctx, NOMAD)).toBe(true);
    expect(await canSeeMonitoringOf(ctxOf(principal(['nomad'], NOMAD)).ctx, NOMAD)).toBe(true);
    expect(await canSeeMonitoringOf(ctxOf(principal(['labor_expert'], null, 's'), { s: ['e1'] }, { [NOMAD]: ['e1'] }).ctx, NOMAD)).toBe(true);
    expect(await canSeeMonitoringOf(ctxOf(principal(['labor_expert'], null, 's'), { s: ['e1'] }, { [NOMAD]: ['e2'] }).ctx, NOMAD)).toBe(false);
    expect(await canSeeMonitoringOf(ctxOf(principal(['nomad'], OTHER_NOMAD)).ctx, NOMAD)).toBe(false);
    expect(await canSeeMonitoringOf(ctxOf(principal(['migration_officer'])).ctx, NOMAD)).toBe(false);
  });

  it('a refusal is FORBIDDEN and says what is refused', async () => {
    await expect(assertMonitoringReadable(ctxOf(principal(['nomad'], OTHER_NOMAD)).ctx, NOMAD)).rejects.toMatchObject({
      message: "This nomad's monitoring is not visible to you.",
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(assertMonitoringReadable(ctxOf(principal(['nomad'], NOMAD)).ctx, NOMAD)).resolves.toBeUndefined();
    // The field named is the one checked; without one, the risk level.
    await expect(assertMonitoringReadable(ctxOf(principal(['labor_officer'])).ctx, NOMAD, 'ActivityReport.income')).resolves.toBeUndefined();
    await expect(assertMonitoringReadable(ctxOf(principal(['labor_officer'])).ctx, NOMAD)).resolves.toBeUndefined();
    await expect(assertMonitoringReadable(ctxOf(principal(['migration_officer'])).ctx, NOMAD, 'CaseAction.note')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});

describe('labor officer only', () => {
  it('refuses anyone else, naming the thing refused', () => {
    expect(refusal(() => assertLaborOfficer(ctxOf(principal(['labor_expert'])).ctx, 'The expert register'))).toEqual({
      code: 'FORBIDDEN',
      field: undefined,
      message: 'The expert register is for labor officers.',
    });
    expect(refusal(() => assertLaborOfficer(ctxOf(principal(['labor_officer'])).ctx, 'The expert register'))).toBeNull();
  });
});
