import { allows, forbidden, hasRole, type Principal } from '@nomad/kit';
import type { Context } from './context.ts';
import type { EvaluationRow, ExpertRow } from './db/schema.ts';
import type { PersonalField } from './personal-fields.ts';
import { NEED_TO_KNOW } from './policy.ts';

/**
 * Who sees what in labor (DOMAIN.md "Who reads what"), in one place: the need-to-know table
 * (`policy.ts`) and the relation it names, `assigned`. Checks run in the
 * services, over rows the loaders fetched for everyone: the SQL of a request does not depend
 * on who asks, only what is returned does.
 */

export function isLaborOfficer(principal: Principal): boolean {
  return hasRole(principal, 'labor_officer');
}

export function isSelf(principal: Principal, nomadId: string): boolean {
  return principal.roles.includes('nomad') && principal.nomadId === nomadId;
}

/** The caller's expert records (an expert may have been engaged more than once); empty for anyone else. */
export async function myExpertRecords(ctx: Context): Promise<ExpertRow[]> {
  if (!hasRole(ctx.principal, 'labor_expert')) return [];
  return ctx.loaders.expertsBySub.load(ctx.principal.sub);
}

export async function myExpertIds(ctx: Context): Promise<Set<string>> {
  return new Set((await myExpertRecords(ctx)).map((e) => e.id));
}

/** True when the evaluation is (or was, until concluded) the caller's as an expert. */
export async function isMyEvaluation(ctx: Context, evaluation: EvaluationRow): Promise<boolean> {
  return evaluation.expertId !== null && (await myExpertIds(ctx)).has(evaluation.expertId);
}

/**
 * An evaluation is visible to labor officers, the expert it is assigned to, migration officers
 * (the verdict is their recommendation) and the nomad it is about.
 */
export async function canSeeEvaluation(ctx: Context, evaluation: EvaluationRow): Promise<boolean> {
  return allows(NEED_TO_KNOW, 'Evaluation.findings', ctx.principal, evaluation.nomadId, { assigned: () => isMyEvaluation(ctx, evaluation) });
}

/** An expert may read a nomad's monitoring and reports only while one of that nomad's evaluations is theirs. */
export async function expertEvaluatesNomad(ctx: Context, nomadId: string): Promise<boolean> {
  const mine = await myExpertIds(ctx);
  if (mine.size === 0) return false;
  const evaluations = await ctx.loaders.evaluationsByNomad.load(nomadId);
  return evaluations.some((e) => e.expertId !== null && mine.has(e.expertId));
}

/** Monitoring and activity reports of a nomad: labor officers, the nomad, and that nomad's expert. */
export async function canSeeMonitoringOf(ctx: Context, nomadId: string, field: MonitoringField = 'MonitoringCase.riskLevel'): Promise<boolean> {
  return allows(NEED_TO_KNOW, field, ctx.principal, nomadId, { assigned: () => expertEvaluatesNomad(ctx, nomadId) });
}

/** The personal fields of a nomad's monitoring: the case's risk level and notes, the activity reports. */
export type MonitoringField = Exclude<PersonalField, 'Evaluation.findings'>;

export async function assertMonitoringReadable(ctx: Context, nomadId: string, field: MonitoringField = 'MonitoringCase.riskLevel'): Promise<void> {
  if (!(await canSeeMonitoringOf(ctx, nomadId, field))) throw forbidden("This nomad's monitoring is not visible to you.");
}

export function assertLaborOfficer(ctx: Context, what: string): void {
  if (!isLaborOfficer(ctx.principal)) throw forbidden(`${what} is for labor officers.`);
}

/** Throws FORBIDDEN unless the need-to-know table lets the caller read the findings of this evaluation. */
export async function assertFindingsReadable(ctx: Context, evaluation: EvaluationRow): Promise<void> {
  if (!(await canSeeEvaluation(ctx, evaluation))) throw forbidden('This evaluation is not visible to you.');
}
