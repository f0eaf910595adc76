import { abort, concurrentChange, badUserInput, COUNTRY_CODE, forbidden, hasRole, isPgError, isUuid, PG_UNIQUE_VIOLATION, runMutation, toConnection, toPage, userError, UserErrorsAbort, type CountedConnection, type PageArgs, type UserError } from '@nomad/kit';
import { isLaborOfficer, myExpertRecords } from '../../access.ts';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { LaborDb } from '../../db/index.ts';
import type { ExpertConflictRow, ExpertRow } from '../../db/schema.ts';
import { conflictFor } from '../evaluations/assign.ts';
import { getAssignedEvaluationsOfExpert, getEvaluationsByIds, releaseAssignments } from '../evaluations/queries.ts';
import { autoAssign } from '../evaluations/service.ts';
import { getReportedClients } from '../reports/queries.ts';
import { isActivity, loadRules, type Rules } from '../rules/service.ts';
import { countExperts, getConflictsByExpertIds, insertConflicts, insertExpert, listExperts, lockExpert, updateExpertIf, type ExpertFilterParams } from './queries.ts';

export type ExpertState = ExpertRow['state'];

/** The engagement life cycle as data: `ENGAGED → ENDED`, nothing else. */
export const EXPERT_TRANSITIONS = {
  endEngagement: { from: ['ENGAGED'], to: 'ENDED' },
  declareConflict: { from: ['ENGAGED'], to: 'ENGAGED' },
} as const satisfies Record<string, { from: readonly ExpertState[]; to: ExpertState }>;

export interface ExpertPayload {
  expert: ExpertRow | null;
  userErrors: UserError[];
}

const refused = (userErrors: UserError[]): ExpertPayload => ({ expert: null, userErrors });

// ---------------------------------------------------------------- reads

/** Labor officers see every expert; an expert sees their own record(s). */
async function canSeeExpert(ctx: Context, expert: ExpertRow): Promise<boolean> {
  if (isLaborOfficer(ctx.principal)) return true;
  return (await myExpertRecords(ctx)).some((e) => e.id === expert.id);
}

export async function getExpert(ctx: Context, id: string): Promise<ExpertRow | null> {
  if (!isUuid(id)) throw badUserInput('`id` must be a UUID.', 'id');
  const row = await ctx.loaders.expertById.load(id);
  return row && (await canSeeExpert(ctx, row)) ? row : null;
}

/**
 * The expert behind an evaluation. Anyone who may see the evaluation may see who evaluates:
 * migration officers weigh a recommendation by who made it.
 */
export async function expertOfEvaluation(ctx: Context, expertId: string | null): Promise<ExpertRow | null> {
  return expertId ? ctx.loaders.expertById.load(expertId) : null;
}

/** The calling expert's current (or latest) record. */
export async function myExpertRecord(ctx: Context): Promise<ExpertRow | null> {
  if (!hasRole(ctx.principal, 'labor_expert')) throw forbidden('Only an expert has an expert record.');
  const records = await myExpertRecords(ctx);
  return records.find((e) => e.state === 'ENGAGED') ?? records[0] ?? null;
}

export async function conflictsOf(ctx: Context, expert: ExpertRow): Promise<ExpertConflictRow[]> {
  if (!(await canSeeExpert(ctx, expert))) throw forbidden("An expert's declarations are visible to labor officers and the expert.");
  return ctx.loaders.conflictsByExpert.load(expert.id);
}

export interface ExpertListArgs extends PageArgs {
  filter?: { states?: ExpertState[] | null; field?: string | null } | null;
}

export async function listExpertsFor(ctx: Context, args: ExpertListArgs): Promise<CountedConnection<ExpertRow>> {
  if (!isLaborOfficer(ctx.principal)) throw forbidden('The register of experts is for labor officers.');
  const page = toPage(args);
  const filter: ExpertFilterParams = { states: args.filter?.states ?? undefined, field: args.filter?.field ?? undefined };
  const rows = await listExperts(ctx.db, { filter, page });
  for (const row of rows) ctx.loaders.expertById.prime(row.id, row);
  return { ...toConnection(rows, page, (r) => ({ key: r.createdAt, id: r.id })), totalCount: () => countExperts(ctx.db, { filter }) };
}

// ---------------------------------------------------------------- mutations

export interface ConflictInput {
  kind: ExpertConflictRow['kind'];
  nomadId?: string | null;
  employerName?: string | null;
  country?: string | null;
  note?: string | null;
}

export interface EngageExpertInput {
  kind: ExpertRow['kind'];
  name: string;
  principalSub: string;
  fields: string[];
  engagedFrom: string;
  engagedUntil?: string | null;
  conflicts?: ConflictInput[] | null;
}

type NewConflict = Omit<ExpertConflictRow, 'id' | 'expertId' | 'declaredAt' | 'declaredBy'>;

/** Checks one declaration: the row to insert, or null with the problem added to `errors`. */
function checkConflict(c: ConflictInput, field: string, errors: UserError[]): NewConflict | null {
  const note = c.note?.trim() || null;
  const refuse = (message: string, at: string) => {
    errors.push(userError('INVALID_FORMAT', message, `${field}.${at}`));
    return null;
  };
  switch (c.kind) {
    case 'NOMAD':
      if (!c.nomadId || !isUuid(c.nomadId)) return refuse('A nomad declaration needs the nomad id (UUID).', 'nomadId');
      return { kind: 'NOMAD', nomadId: c.nomadId, employerName: null, country: null, note };
    case 'EMPLOYER': {
      const name = c.employerName?.trim() ?? '';
      if (name.length === 0 || name.length > 300) return refuse('An employer declaration needs the employer name (1–300 characters).', 'employerName');
      if (c.country != null && !COUNTRY_CODE.test(c.country)) return refuse('Country must be ISO 3166-1 alpha-3.', 'country');
      return { kind: 'EMPLOYER', nomadId: null, employerName: name, country: c.country ?? null, note };
    }
    case 'COUNTRY':
      if (!c.country || !COUNTRY_CODE.test(c.country)) return refuse('A country declaration needs an ISO 3166-1 alpha-3 code.', 'country');
      return { kind: 'COUNTRY', nomadId: null, employerName: null, country: c.country, note };
  }
}

function checkEngagement(input: EngageExpertInput, rules: Rules): { errors: UserError[]; conflicts: NewConflict[] } {
  const errors: UserError[] = [];
  const name = input.name.trim();
  if (name.length === 0 || name.length > 300) errors.push(userError('INVALID_FORMAT', 'The name is 1–300 characters.', 'input.name'));
  if (!/^[\x21-\x7e]{1,200}$/.test(input.principalSub)) errors.push(userError('INVALID_FORMAT', 'principalSub is the user id (`sub`) of the expert in the identity provider.', 'input.principalSub'));
  if (input.fields.length === 0) errors.push(userError('FIELDS_REQUIRED', 'Name at least one field of expertise.', 'input.fields'));
  input.fields.forEach((f, i) => {
    if (!isActivity(rules, f)) errors.push(userError('ACTIVITY_NOT_ELIGIBLE', `${f} is not on the list of eligible activities.`, `input.fields.${i}`));
  });
  if (input.engagedUntil != null && input.engagedUntil < input.engagedFrom) {
    errors.push(userError('INVALID_PERIOD', 'The engagement cannot end before it starts.', 'input.engagedUntil'));
  }
  const conflicts = (input.conflicts ?? []).flatMap((c, i) => checkConflict(c, `input.conflicts.${i}`, errors) ?? []);
  return { errors, conflicts };
}

/** A labor officer engages an expert: fields from the activity list, a period, declarations. */
export async function engageExpert(ctx: Context, app: App, input: EngageExpertInput): Promise<ExpertPayload> {
  if (!isLaborOfficer(ctx.principal)) return refused([userError('FORBIDDEN', 'Only a labor officer may engage experts.')]);
  const outcome = await runMutation(ctx, 'engageExpert', input, async (tx) => {
    const { errors, conflicts } = checkEngagement(input, await loadRules(tx));
    if (errors.length > 0) throw new UserErrorsAbort(errors);
    let expert: ExpertRow;
    try {
      expert = await insertExpert(tx, {
        values: {
          kind: input.kind,
          name: input.name.trim(),
          principalSub: input.principalSub,
          fields: [...new Set(input.fields)],
          engagedFrom: input.engagedFrom,
          engagedUntil: input.engagedUntil ?? null,
          engagedBy: ctx.principal.sub,
          createdAt: app.clock.now().toISOString(),
        },
      });
    } catch (err) {
      if (isPgError(err, PG_UNIQUE_VIOLATION, 'experts_one_engaged_per_sub')) {
        throw abort('EXPERT_ALREADY_ENGAGED', 'This user is already engaged as an expert; end that engagement first.', 'input.principalSub');
      }
      throw err;
    }
    await insertConflicts(tx, { rows: conflicts.map((c) => ({ ...c, expertId: expert.id, declaredBy: ctx.principal.sub })) });
    return expert;
  });
  return settle(ctx, outcome, 'expert engaged');
}

export interface EndEngagementInput {
  expertId: string;
  reason: string;
  expectedVersion?: number | null;
}

/**
 * Ends an engagement. The expert's open evaluations go back to the queue and are reassigned
 * to another available expert where there is one.
 */
export async function endEngagement(ctx: Context, app: App, input: EndEngagementInput): Promise<ExpertPayload> {
  if (!isLaborOfficer(ctx.principal)) return refused([userError('FORBIDDEN', 'Only a labor officer may end an engagement.')]);
  if (!isUuid(input.expertId)) return refused([userError('EXPERT_NOT_FOUND', 'No such expert.', 'input.expertId')]);
  const rule = EXPERT_TRANSITIONS.endEngagement;
  const reason = input.reason.trim();
  const outcome = await runMutation(ctx, 'endEngagement', input, async (tx) => {
    const current = await lockExpert(tx, { id: input.expertId });
    if (!current) throw abort('EXPERT_NOT_FOUND', 'No such expert.', 'input.expertId');
    if (input.expectedVersion != null && input.expectedVersion !== current.version) {
      throw abort('CONFLICT', 'The expert record changed since you read it; reload and try again.', 'input.expectedVersion');
    }
    if (!(rule.from as readonly ExpertState[]).includes(current.state)) {
      throw abort('INVALID_TRANSITION', `endEngagement is not allowed while the engagement is ${current.state}.`, 'input.expertId');
    }
    if (reason.length === 0) throw abort('REASON_REQUIRED', 'Say why the engagement ends.', 'input.reason');
    const now = app.clock.now().toISOString();
    const ended = await updateExpertIf(tx, { id: current.id, version: current.version, from: rule.from, set: { state: rule.to, endedAt: now, endReason: reason } });
    if (!ended) throw concurrentChange('Someone else changed the expert record at the same time; reload and try again.', 'input.expertId');
    await reassign(tx, app, await releaseAssignments(tx, { expertId: ended.id }));
    return ended;
  });
  return settle(ctx, outcome, 'engagement ended');
}

async function reassign(tx: LaborDb, app: App, released: readonly { id: string }[]): Promise<void> {
  // Re-read each: an earlier reassignment in this loop does not change it, but its version moved.
  const rows = await getEvaluationsByIds(tx, { ids: released.map((r) => r.id) });
  for (const row of rows) await autoAssign(tx, app, row, 'system');
}

export interface DeclareConflictInput {
  expertId: string;
  conflict: ConflictInput;
}

/**
 * A labor officer or the expert themselves adds a declaration. Open evaluations it now rules
 * out are taken from the expert and reassigned where possible.
 */
export async function declareConflict(ctx: Context, app: App, input: DeclareConflictInput): Promise<ExpertPayload> {
  const isExpert = hasRole(ctx.principal, 'labor_expert');
  if (!isLaborOfficer(ctx.principal) && !isExpert) return refused([userError('FORBIDDEN', 'Only a labor officer or the expert may declare a conflict.')]);
  if (!isUuid(input.expertId)) return refused([userError('EXPERT_NOT_FOUND', 'No such expert.', 'input.expertId')]);
  const errors: UserError[] = [];
  const declaration = checkConflict(input.conflict, 'input.conflict', errors);
  if (!declaration) return refused(errors);
  const outcome = await runMutation(ctx, 'declareConflict', input, async (tx) => {
    const current = await lockExpert(tx, { id: input.expertId });
    if (!current || (!isLaborOfficer(ctx.principal) && current.principalSub !== ctx.principal.sub)) {
      throw abort('EXPERT_NOT_FOUND', 'No such expert.', 'input.expertId');
    }
    if (!(EXPERT_TRANSITIONS.declareConflict.from as readonly ExpertState[]).includes(current.state)) {
      throw abort('INVALID_TRANSITION', `declareConflict is not allowed while the engagement is ${current.state}.`, 'input.expertId');
    }
    await insertConflicts(tx, { rows: [{ ...declaration, expertId: current.id, declaredBy: ctx.principal.sub }] });
    const conflicts = await getConflictsByExpertIds(tx, { expertIds: [current.id] });
    const open = await getAssignedEvaluationsOfExpert(tx, { expertId: current.id });
    const ruledOut: string[] = [];
    for (const e of open) {
      const clients = await getReportedClients(tx, { nomadId: e.nomadId });
      if (conflictFor(conflicts, { nomadId: e.nomadId, clients })) ruledOut.push(e.nomadId);
    }
    const released: { id: string }[] = [];
    for (const nomadId of new Set(ruledOut)) released.push(...(await releaseAssignments(tx, { expertId: current.id, nomadId })));
    await reassign(tx, app, released);
    // The version moves with the declarations, so an officer acting on a stale read gets CONFLICT.
    const bumped = await updateExpertIf(tx, { id: current.id, version: current.version, from: ['ENGAGED'], set: {} });
    if (!bumped) throw concurrentChange('Someone else changed the expert record at the same time; reload and try again.', 'input.expertId');
    return bumped;
  });
  if (outcome.ok) ctx.loaders.conflictsByExpert.clear(outcome.result.id);
  return settle(ctx, outcome, 'conflict declared');
}

function settle(ctx: Context, outcome: Awaited<ReturnType<typeof runMutation<ExpertRow>>>, message: string): ExpertPayload {
  if (!outcome.ok) return refused(outcome.userErrors);
  ctx.loaders.expertById.clear(outcome.result.id);
  ctx.loaders.expertsBySub.clear(outcome.result.principalSub);
  ctx.logger.info({ expertId: outcome.result.id, state: outcome.result.state }, message);
  return { expert: outcome.result, userErrors: [] };
}
