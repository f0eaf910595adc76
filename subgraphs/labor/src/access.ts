import { forbidden, hasRole, type Principal } from '@nomad/kit';
import type { Context } from './context.ts';
import type { EvaluationRow, ExpertRow } from './db/schema.ts';

/**
 * Who sees what in labor (DOMAIN.md "Who reads what"), in one place. Checks run in the
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
  const { principal } = ctx;
  if (isLaborOfficer(principal) || hasRole(principal, 'migration_officer') || isSelf(principal, evaluation.nomadId)) return true;
  return isMyEvaluation(ctx, evaluation);
}

/** An expert may read a nomad's monitoring and reports only while one of that nomad's evaluations is theirs. */
export async function expertEvaluatesNomad(ctx: Context, nomadId: string): Promise<boolean> {
  const mine = await myExpertIds(ctx);
  if (mine.size === 0) return false;
  const evaluations = await ctx.loaders.evaluationsByNomad.load(nomadId);
  return evaluations.some((e) => e.expertId !== null && mine.has(e.expertId));
}

/** Monitoring and activity reports of a nomad: labor officers, the nomad, and that nomad's expert. */
export async function canSeeMonitoringOf(ctx: Context, nomadId: string): Promise<boolean> {
  if (isLaborOfficer(ctx.principal) || isSelf(ctx.principal, nomadId)) return true;
  return expertEvaluatesNomad(ctx, nomadId);
}

export async function assertMonitoringReadable(ctx: Context, nomadId: string): Promise<void> {
  if (!(await canSeeMonitoringOf(ctx, nomadId))) throw forbidden("This nomad's monitoring is not visible to you.");
}

export function assertLaborOfficer(ctx: Context, what: string): void {
  if (!isLaborOfficer(ctx.principal)) throw forbidden(`${what} is for labor officers.`);
}
