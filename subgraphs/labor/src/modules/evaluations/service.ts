import { abort, concurrentChange, badUserInput, forbidden, hasRole, isUuid, runMutation, toConnection, toPage, type CountedConnection, type EventPayload, type PageArgs, type UserError } from '@nomad/kit';
import { canSeeEvaluation, isLaborOfficer, myExpertIds } from '../../access.ts';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { LaborDb } from '../../db/index.ts';
import type { EvaluationRow, ExpertRow } from '../../db/schema.ts';
import { publish } from '../../events.ts';
import { getConflictsByExpertIds, getAvailableExperts, lockExpert } from '../experts/queries.ts';
import { noteOnCase } from '../monitoring/service.ts';
import { lockCaseOfNomad } from '../monitoring/queries.ts';
import { getReportedClients, getReportPagesByNomadIds } from '../reports/queries.ts';
import { isActivity, loadRules } from '../rules/service.ts';
import { chooseExpert, conflictFor, isEngagedOn } from './assign.ts';
import {
  countEvaluations,
  insertEvaluation,
  listEvaluations,
  lockEvaluation,
  updateEvaluationIf,
  type EvaluationFilterParams,
} from './queries.ts';

export type EvaluationState = EvaluationRow['state'];
export type Verdict = NonNullable<EvaluationRow['verdict']>;

/**
 * The evaluation life cycle as data: from which states each action is allowed and where it
 * leads. `UNASSIGNED → ASSIGNED` (automatically on request, or by an officer), `ASSIGNED →
 * ASSIGNED` (an officer reassigns), `ASSIGNED → CONCLUDED` (the assigned expert's findings).
 */
export const EVALUATION_TRANSITIONS = {
  assignEvaluation: { from: ['UNASSIGNED', 'ASSIGNED'], to: 'ASSIGNED' },
  submitEvaluationFindings: { from: ['ASSIGNED'], to: 'CONCLUDED' },
} as const satisfies Record<string, { from: readonly EvaluationState[]; to: EvaluationState }>;

export interface EvaluationPayload {
  evaluation: EvaluationRow | null;
  userErrors: UserError[];
}

const refused = (userErrors: UserError[]): EvaluationPayload => ({ evaluation: null, userErrors });

/**
 * Assigns `evaluation` to the best available expert without a conflict, if there is one
 * (inside the caller's transaction). Returns the evaluation as it stands afterwards.
 */
export async function autoAssign(tx: LaborDb, app: App, evaluation: EvaluationRow, actor: string): Promise<EvaluationRow> {
  const today = app.clock.today();
  const candidates = await getAvailableExperts(tx, { activityCode: evaluation.activityCode, today });
  if (candidates.length === 0) return evaluation;
  const conflicts = await getConflictsByExpertIds(tx, { expertIds: candidates.map((c) => c.id) });
  const byExpert = new Map<string, typeof conflicts>();
  for (const c of conflicts) byExpert.set(c.expertId, [...(byExpert.get(c.expertId) ?? []), c]);
  const clients = await getReportedClients(tx, { nomadId: evaluation.nomadId });
  const chosen = chooseExpert(candidates, byExpert, { nomadId: evaluation.nomadId, clients });
  if (!chosen) return evaluation;
  const assigned = await updateEvaluationIf(tx, {
    id: evaluation.id,
    version: evaluation.version,
    from: ['UNASSIGNED'],
    set: { state: 'ASSIGNED', expertId: chosen.id, assignedAt: app.clock.now().toISOString(), assignedBy: actor },
  });
  if (!assigned) return evaluation;
  await noteOnCase(tx, assigned.nomadId, { kind: 'EVALUATION_ASSIGNED', actor, evaluationId: assigned.id, at: app.clock.now().toISOString() });
  return assigned;
}

/**
 * Handler of migration's EvaluationRequested: records the request (once per application) and
 * assigns it if an expert is available; otherwise it waits UNASSIGNED for an officer.
 */
export async function recordRequestedEvaluation(tx: LaborDb, app: App, payload: EventPayload<'EvaluationRequested'>): Promise<void> {
  const created = await insertEvaluation(tx, {
    values: {
      nomadId: payload.nomadId,
      applicationId: payload.applicationId,
      origin: 'APPLICATION',
      activityCode: payload.activityCode,
      requestedAt: payload.requestedAt,
      requestedBy: 'migration',
    },
  });
  // A repeated request for the same application (migration refuses a second one, but a
  // replayed event under a new id is possible) keeps the first evaluation.
  if (!created) return;
  await noteOnCase(tx, created.nomadId, { kind: 'EVALUATION_REQUESTED', actor: 'migration', evaluationId: created.id, at: payload.requestedAt });
  await autoAssign(tx, app, created, 'system');
}

// ---------------------------------------------------------------- reads

/** An evaluation by id; null when unknown or not visible to the caller (no existence leak). */
export async function getEvaluation(ctx: Context, id: string): Promise<EvaluationRow | null> {
  if (!isUuid(id)) throw badUserInput('`id` must be a UUID.', 'id');
  const row = await ctx.loaders.evaluationById.load(id);
  return row && (await canSeeEvaluation(ctx, row)) ? row : null;
}

/** The evaluation of an application (federated `Application.evaluation`). */
export async function evaluationOfApplication(ctx: Context, applicationId: string): Promise<EvaluationRow | null> {
  const row = await ctx.loaders.evaluationByApplication.load(applicationId);
  if (!row) return null;
  if (!(await canSeeEvaluation(ctx, row))) throw forbidden('This evaluation is not visible to you.');
  return row;
}

/** A nomad's evaluations the caller may see, newest first: an expert gets only their own. */
export async function evaluationsOfNomad(ctx: Context, nomadId: string): Promise<EvaluationRow[]> {
  const rows = await ctx.loaders.evaluationsByNomad.load(nomadId);
  const visible: EvaluationRow[] = [];
  for (const row of rows) if (await canSeeEvaluation(ctx, row)) visible.push(row);
  return visible;
}

export interface EvaluationListArgs extends PageArgs {
  filter?: { states?: EvaluationState[] | null; nomadId?: string | null } | null;
}

/** Labor officers list every evaluation; an expert lists only those assigned to them. */
export async function listEvaluationsFor(ctx: Context, args: EvaluationListArgs): Promise<CountedConnection<EvaluationRow>> {
  const page = toPage(args);
  const nomadId = args.filter?.nomadId ?? undefined;
  if (nomadId !== undefined && !isUuid(nomadId)) throw badUserInput('`nomadId` must be a UUID.', 'filter.nomadId');
  const filter: EvaluationFilterParams = { states: args.filter?.states ?? undefined, nomadId };
  if (!isLaborOfficer(ctx.principal)) {
    if (!hasRole(ctx.principal, 'labor_expert')) throw forbidden('Listing evaluations is for labor officers and experts.');
    filter.expertIds = [...(await myExpertIds(ctx))];
  }
  const rows = await listEvaluations(ctx.db, { filter, page });
  for (const row of rows) ctx.loaders.evaluationById.prime(row.id, row);
  return { ...toConnection(rows, page, (r) => ({ key: r.requestedAt, id: r.id })), totalCount: () => countEvaluations(ctx.db, { filter }) };
}

// ---------------------------------------------------------------- mutations

export interface RequestMonitoringEvaluationInput {
  nomadId: string;
  /** @default the activity of the nomad's latest report */
  activityCode?: string | null;
  note?: string | null;
}

/**
 * A labor officer asks for an evaluation of a status holder (no application): the nomad must
 * have an OPEN case and no open monitoring evaluation.
 */
export async function requestMonitoringEvaluation(ctx: Context, app: App, input: RequestMonitoringEvaluationInput): Promise<EvaluationPayload> {
  if (!isLaborOfficer(ctx.principal)) return refused([{ code: 'FORBIDDEN', field: null, message: 'Only a labor officer may request a monitoring evaluation.' }]);
  if (!isUuid(input.nomadId)) return refused([{ code: 'CASE_NOT_FOUND', field: 'input.nomadId', message: 'This nomad has no monitoring case.' }]);
  const outcome = await runMutation(ctx, 'requestMonitoringEvaluation', input, async (tx) => {
    const monitoringCase = await lockCaseOfNomad(tx, { nomadId: input.nomadId });
    if (!monitoringCase) throw abort('CASE_NOT_FOUND', 'This nomad has no monitoring case.', 'input.nomadId');
    if (monitoringCase.state !== 'OPEN') throw abort('INVALID_TRANSITION', 'The monitoring case is CLOSED: the nomad no longer holds the status.', 'input.nomadId');
    const rules = await loadRules(tx);
    const activityCode = input.activityCode?.trim() || (await latestReportedActivity(tx, input.nomadId));
    if (!activityCode) throw abort('ACTIVITY_REQUIRED', 'The nomad has filed no report yet: name the activity to evaluate.', 'input.activityCode');
    if (!isActivity(rules, activityCode)) throw abort('ACTIVITY_NOT_ELIGIBLE', `${activityCode} is not on the list of eligible activities.`, 'input.activityCode');
    const now = app.clock.now().toISOString();
    // The one-open-monitoring-evaluation index decides under concurrency: no row, already open.
    const created = await insertEvaluation(tx, {
      values: { nomadId: input.nomadId, applicationId: null, origin: 'MONITORING', activityCode, requestedAt: now, requestedBy: ctx.principal.sub },
    });
    if (!created) throw abort('EVALUATION_ALREADY_OPEN', 'An evaluation of this nomad is already open.', 'input.nomadId');
    await noteOnCase(tx, input.nomadId, { kind: 'EVALUATION_REQUESTED', actor: ctx.principal.sub, evaluationId: created.id, at: now, note: input.note?.trim() || null });
    return autoAssign(tx, app, created, 'system');
  });
  if (!outcome.ok) return refused(outcome.userErrors);
  ctx.loaders.evaluationsByNomad.clear(input.nomadId);
  ctx.logger.info({ evaluationId: outcome.result.id, nomadId: input.nomadId }, 'monitoring evaluation requested');
  return { evaluation: outcome.result, userErrors: [] };
}

/** The activity of the nomad's latest report: what a monitoring evaluation looks at by default. */
async function latestReportedActivity(tx: LaborDb, nomadId: string): Promise<string | null> {
  const [latest] = await getReportPagesByNomadIds(tx, { nomadIds: [nomadId], page: { limit: 1, after: null } });
  return latest?.activityCode ?? null;
}

export interface AssignEvaluationInput {
  evaluationId: string;
  expertId: string;
  expectedVersion?: number | null;
}

/**
 * A labor officer assigns (or reassigns) an evaluation to an expert who is engaged today, has
 * the activity among their fields and declared no conflict with the nomad.
 */
export async function assignEvaluation(ctx: Context, app: App, input: AssignEvaluationInput): Promise<EvaluationPayload> {
  if (!isLaborOfficer(ctx.principal)) return refused([{ code: 'FORBIDDEN', field: null, message: 'Only a labor officer may assign evaluations.' }]);
  if (!isUuid(input.evaluationId)) return refused([{ code: 'EVALUATION_NOT_FOUND', field: 'input.evaluationId', message: 'No such evaluation.' }]);
  if (!isUuid(input.expertId)) return refused([{ code: 'EXPERT_NOT_FOUND', field: 'input.expertId', message: 'No such expert.' }]);
  const rule = EVALUATION_TRANSITIONS.assignEvaluation;
  const outcome = await runMutation(ctx, 'assignEvaluation', input, async (tx) => {
    const current = await lockEvaluation(tx, { id: input.evaluationId });
    if (!current) throw abort('EVALUATION_NOT_FOUND', 'No such evaluation.', 'input.evaluationId');
    checkVersion(current, input.expectedVersion);
    if (!(rule.from as readonly EvaluationState[]).includes(current.state)) {
      throw abort('INVALID_TRANSITION', `assignEvaluation is not allowed while the evaluation is ${current.state}.`, 'input.evaluationId');
    }
    const expert = await lockExpert(tx, { id: input.expertId });
    if (!expert) throw abort('EXPERT_NOT_FOUND', 'No such expert.', 'input.expertId');
    if (current.expertId === expert.id) throw abort('ALREADY_ASSIGNED', 'The evaluation is already assigned to this expert.', 'input.expertId');
    await assertExpertFits(tx, app, expert, current);
    const now = app.clock.now().toISOString();
    const updated = await updateEvaluationIf(tx, {
      id: current.id,
      version: current.version,
      from: rule.from,
      set: { state: rule.to, expertId: expert.id, assignedAt: now, assignedBy: ctx.principal.sub },
    });
    if (!updated) throw concurrentChange('Someone else changed the evaluation at the same time; reload and try again.', 'input.evaluationId');
    await noteOnCase(tx, updated.nomadId, { kind: 'EVALUATION_ASSIGNED', actor: ctx.principal.sub, evaluationId: updated.id, at: now });
    return updated;
  });
  return settle(ctx, outcome, 'evaluation assigned');
}

/** Refuses an expert who is not engaged today, lacks the field, or declared a conflict with the nomad. */
async function assertExpertFits(tx: LaborDb, app: App, expert: ExpertRow, evaluation: EvaluationRow): Promise<void> {
  const today = app.clock.today();
  if (!isEngagedOn(expert, today)) {
    throw abort('EXPERT_NOT_ENGAGED', `The expert is not engaged on ${today}.`, 'input.expertId');
  }
  if (!expert.fields.includes(evaluation.activityCode)) {
    throw abort('EXPERT_FIELD_MISMATCH', `The expert's fields do not include ${evaluation.activityCode}.`, 'input.expertId');
  }
  const conflicts = await getConflictsByExpertIds(tx, { expertIds: [expert.id] });
  const clients = await getReportedClients(tx, { nomadId: evaluation.nomadId });
  const conflict = conflictFor(conflicts, { nomadId: evaluation.nomadId, clients });
  if (conflict) {
    throw abort('EXPERT_CONFLICT_OF_INTEREST', `The expert declared a conflict of interest (${conflict.kind}) with this nomad.`, 'input.expertId');
  }
}

export interface SubmitFindingsInput {
  evaluationId: string;
  verdict: Verdict;
  findings: string;
  expectedVersion?: number | null;
}

/**
 * The assigned expert concludes an evaluation. The verdict goes to migration as
 * EvaluationConcluded in the same transaction (outbox). NON_COMPLIANT is a recommendation:
 * nothing here, and nothing in migration, revokes a status because of it.
 */
export async function submitEvaluationFindings(ctx: Context, app: App, input: SubmitFindingsInput): Promise<EvaluationPayload> {
  if (!hasRole(ctx.principal, 'labor_expert')) return refused([{ code: 'FORBIDDEN', field: null, message: 'Only the assigned expert may submit findings.' }]);
  if (!isUuid(input.evaluationId)) return refused([{ code: 'EVALUATION_NOT_FOUND', field: 'input.evaluationId', message: 'No such evaluation.' }]);
  const rule = EVALUATION_TRANSITIONS.submitEvaluationFindings;
  const findings = input.findings.trim();
  const outcome = await runMutation(ctx, 'submitEvaluationFindings', input, async (tx) => {
    const current = await lockEvaluation(tx, { id: input.evaluationId });
    const mine = current?.expertId ? await lockExpert(tx, { id: current.expertId }) : undefined;
    // Someone else's evaluation is "not found": an expert learns nothing of others' work.
    if (!current || !mine || mine.principalSub !== ctx.principal.sub) throw abort('EVALUATION_NOT_FOUND', 'No such evaluation.', 'input.evaluationId');
    checkVersion(current, input.expectedVersion);
    if (!(rule.from as readonly EvaluationState[]).includes(current.state)) {
      throw abort('INVALID_TRANSITION', `submitEvaluationFindings is not allowed while the evaluation is ${current.state}.`, 'input.evaluationId');
    }
    if (findings.length === 0) throw abort('FINDINGS_REQUIRED', 'Describe the findings the verdict rests on.', 'input.findings');
    if (findings.length > 10_000) throw abort('INVALID_FORMAT', 'Findings are at most 10,000 characters.', 'input.findings');
    const now = app.clock.now().toISOString();
    const updated = await updateEvaluationIf(tx, {
      id: current.id,
      version: current.version,
      from: rule.from,
      set: { state: rule.to, verdict: input.verdict, findings, concludedAt: now },
    });
    if (!updated) throw concurrentChange('Someone else changed the evaluation at the same time; reload and try again.', 'input.evaluationId');
    await publish(tx, 'EvaluationConcluded', updated.nomadId, {
      evaluationId: updated.id,
      applicationId: updated.applicationId,
      nomadId: updated.nomadId,
      verdict: input.verdict,
      concludedAt: now,
    });
    await noteOnCase(tx, updated.nomadId, { kind: 'EVALUATION_CONCLUDED', actor: ctx.principal.sub, evaluationId: updated.id, at: now, note: input.verdict });
    return updated;
  });
  return settle(ctx, outcome, 'evaluation concluded');
}

function checkVersion(current: EvaluationRow, expected: number | null | undefined): void {
  if (expected != null && expected !== current.version) {
    throw abort('CONFLICT', 'The evaluation changed since you read it; reload and try again.', 'input.expectedVersion');
  }
}

function settle(ctx: Context, outcome: Awaited<ReturnType<typeof runMutation<EvaluationRow>>>, message: string): EvaluationPayload {
  if (!outcome.ok) return refused(outcome.userErrors);
  const row = outcome.result;
  ctx.loaders.evaluationById.clear(row.id);
  ctx.loaders.evaluationsByNomad.clear(row.nomadId);
  if (row.applicationId) ctx.loaders.evaluationByApplication.clear(row.applicationId);
  ctx.logger.info({ evaluationId: row.id, state: row.state }, message);
  return { evaluation: row, userErrors: [] };
}
