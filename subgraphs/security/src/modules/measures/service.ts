import {
  abort,
  concurrentChange,
  forbidden,
  hasRole,
  isIsoDate,
  isUuid,
  runIdempotent,
  toConnection,
  toPage,
  userError,
  UserErrorsAbort,
  type CountedConnection,
  type PageArgs,
  type UserError,
} from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { SecurityDb } from '../../db/index.ts';
import { idempotencyKeys, type MeasureState, type TechnicalMeasureRow } from '../../db/schema.ts';
import { loadRules, measuresDueOn, type Rules } from '../rules/service.ts';
import { countEvidence, countMeasures, getMeasure, insertEvidence, insertMeasure, listMeasures, updateMeasureIf } from './queries.ts';

/** The register's life cycle as data. DONE may be reopened when its evidence turns out insufficient. */
export const MEASURE_TRANSITIONS: Record<MeasureState, readonly MeasureState[]> = {
  PLANNED: ['IN_PROGRESS', 'DONE'],
  IN_PROGRESS: ['PLANNED', 'DONE'],
  DONE: ['IN_PROGRESS'],
};

const MAX_TEXT = 500;

/** A measure as the graph shows it: its due date resolved against the decree's deadline. */
export interface MeasureView extends TechnicalMeasureRow {
  effectiveDueOn: string;
  overdue: boolean;
}

export function viewOf(row: TechnicalMeasureRow, rules: Rules, today: string): MeasureView {
  const effectiveDueOn = row.dueOn ?? measuresDueOn(rules);
  return { ...row, effectiveDueOn, overdue: row.state !== 'DONE' && effectiveDueOn < today };
}

function assertSecurityOfficer(ctx: Context): void {
  if (!hasRole(ctx.principal, 'security_officer')) throw forbidden('Only security officers may read the technical measures.');
}

export interface MeasureListArgs extends PageArgs {
  filter?: { overdue?: boolean | null; states?: MeasureState[] | null } | null;
}

export async function listMeasuresFor(ctx: Context, app: App, args: MeasureListArgs): Promise<CountedConnection<MeasureView>> {
  assertSecurityOfficer(ctx);
  const page = toPage(args);
  const rules = await ctx.loaders.rules.load('rules');
  const today = app.clock.today();
  const filter = { overdue: args.filter?.overdue ?? null, states: args.filter?.states ?? null, today, decreeDueOn: measuresDueOn(rules) };
  const rows = await listMeasures(ctx.db, { filter, page });
  return {
    ...toConnection(
      rows.map((r) => viewOf(r, rules, today)),
      page,
      (r) => ({ key: r.createdAt, id: r.id }),
    ),
    totalCount: () => countMeasures(ctx.db, { filter }),
  };
}

export async function getMeasureFor(ctx: Context, app: App, id: string): Promise<MeasureView | null> {
  assertSecurityOfficer(ctx);
  if (!isUuid(id)) return null;
  const row = await getMeasure(ctx.db, { id });
  return row ? viewOf(row, await ctx.loaders.rules.load('rules'), app.clock.today()) : null;
}

/** The decree's deadline for the measures (security officers). */
export async function decreeDeadlineFor(ctx: Context): Promise<string> {
  assertSecurityOfficer(ctx);
  return measuresDueOn(await ctx.loaders.rules.load('rules'));
}

export interface CreateMeasureInput {
  title: string;
  responsibleUnit: string;
  dueOn?: string | null;
}

export interface UpdateMeasureInput {
  measureId: string;
  expectedVersion?: number | null;
  title?: string | null;
  responsibleUnit?: string | null;
  dueOn?: string | null;
  state?: MeasureState | null;
}

export interface AddEvidenceInput {
  measureId: string;
  expectedVersion?: number | null;
  description: string;
  reference: string;
}

export interface MeasurePayload {
  measure: MeasureView | null;
  userErrors: UserError[];
}

function text(value: string | null | undefined, code: string, field: string, errors: UserError[], required: boolean): void {
  const t = value?.trim() ?? '';
  if (required && t.length === 0) errors.push(userError(code, 'This field is required.', field));
  if (t.length > MAX_TEXT) errors.push(userError('TEXT_TOO_LONG', `At most ${MAX_TEXT} characters.`, field));
}

/** A measure's own due date may bring the decree's deadline forward, never push it back. */
function checkDueOn(dueOn: string | null | undefined, rules: Rules, errors: UserError[]): void {
  if (dueOn == null) return;
  if (!isIsoDate(dueOn)) errors.push(userError('INVALID_FORMAT', 'The due date must be a date YYYY-MM-DD.', 'input.dueOn'));
  else if (dueOn > measuresDueOn(rules)) {
    errors.push(userError('DUE_DATE_AFTER_DECREE_DEADLINE', `The decree requires the measures by ${measuresDueOn(rules)}.`, 'input.dueOn'));
  }
}

async function mutate(ctx: Context, app: App, operation: string, input: unknown, fn: (tx: SecurityDb, rules: Rules, now: string) => Promise<TechnicalMeasureRow>): Promise<MeasurePayload> {
  if (!hasRole(ctx.principal, 'security_officer')) return { measure: null, userErrors: [userError('FORBIDDEN', 'Only a security officer may do this.')] };
  try {
    const { result } = await runIdempotent(ctx.db, { idempotencyKeys }, { key: ctx.idempotencyKey, principalSub: ctx.principal.sub, operation, input }, async (tx) => {
      const rules = await loadRules(tx);
      return fn(tx, rules, app.clock.now().toISOString());
    });
    const rules = await ctx.loaders.rules.load('rules');
    ctx.loaders.evidenceByMeasure.clear(result.id);
    ctx.logger.info({ measureId: result.id, operation }, 'technical measure changed');
    return { measure: viewOf(result, rules, app.clock.today()), userErrors: [] };
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { measure: null, userErrors: err.userErrors };
    throw err;
  }
}

/** Reads the measure and checks its version, in the mutation's transaction. */
async function current(tx: SecurityDb, measureId: string, expectedVersion: number | null | undefined): Promise<TechnicalMeasureRow> {
  const row = isUuid(measureId) ? await getMeasure(tx, { id: measureId }) : undefined;
  if (!row) throw abort('MEASURE_NOT_FOUND', 'No such technical measure.', 'input.measureId');
  if (expectedVersion != null && expectedVersion !== row.version) {
    throw abort('CONFLICT', 'The measure changed since you read it; reload and try again.', 'input.expectedVersion');
  }
  return row;
}

export function createMeasure(ctx: Context, app: App, input: CreateMeasureInput): Promise<MeasurePayload> {
  return mutate(ctx, app, 'createTechnicalMeasure', input, async (tx, rules) => {
    const errors: UserError[] = [];
    text(input.title, 'TITLE_REQUIRED', 'input.title', errors, true);
    text(input.responsibleUnit, 'RESPONSIBLE_UNIT_REQUIRED', 'input.responsibleUnit', errors, true);
    checkDueOn(input.dueOn, rules, errors);
    if (errors.length > 0) throw new UserErrorsAbort(errors);
    return insertMeasure(tx, { title: input.title.trim(), responsibleUnit: input.responsibleUnit.trim(), dueOn: input.dueOn ?? null, createdBy: ctx.principal.sub });
  });
}

export function updateMeasure(ctx: Context, app: App, input: UpdateMeasureInput): Promise<MeasurePayload> {
  return mutate(ctx, app, 'updateTechnicalMeasure', input, async (tx, rules, now) => {
    const errors: UserError[] = [];
    if (input.title !== undefined) text(input.title, 'TITLE_REQUIRED', 'input.title', errors, true);
    if (input.responsibleUnit !== undefined) text(input.responsibleUnit, 'RESPONSIBLE_UNIT_REQUIRED', 'input.responsibleUnit', errors, true);
    checkDueOn(input.dueOn, rules, errors);
    if (errors.length > 0) throw new UserErrorsAbort(errors);
    const row = await current(tx, input.measureId, input.expectedVersion);
    if (input.state && input.state !== row.state) {
      if (!MEASURE_TRANSITIONS[row.state].includes(input.state)) {
        throw abort('INVALID_TRANSITION', `A ${row.state} measure cannot become ${input.state}.`, 'input.state');
      }
      if (input.state === 'DONE' && (await countEvidence(tx, { measureId: row.id })) === 0) {
        throw abort('EVIDENCE_REQUIRED', 'Add evidence before marking the measure DONE.', 'input.state');
      }
    }
    const updated = await updateMeasureIf(tx, {
      id: row.id,
      version: row.version,
      at: now,
      set: {
        ...(input.title != null ? { title: input.title.trim() } : {}),
        ...(input.responsibleUnit != null ? { responsibleUnit: input.responsibleUnit.trim() } : {}),
        // An explicit null returns the measure to the decree's deadline.
        ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
        ...(input.state ? { state: input.state } : {}),
      },
    });
    if (!updated) throw concurrentChange('Someone else changed the measure at the same time; reload.', 'input.measureId');
    return updated;
  });
}

export function addEvidence(ctx: Context, app: App, input: AddEvidenceInput): Promise<MeasurePayload> {
  return mutate(ctx, app, 'addMeasureEvidence', input, async (tx, _rules, now) => {
    const errors: UserError[] = [];
    text(input.description, 'DESCRIPTION_REQUIRED', 'input.description', errors, true);
    text(input.reference, 'REFERENCE_REQUIRED', 'input.reference', errors, true);
    if (errors.length > 0) throw new UserErrorsAbort(errors);
    const row = await current(tx, input.measureId, input.expectedVersion);
    // The version moves with the evidence, so that an officer marking it DONE saw all of it.
    const updated = await updateMeasureIf(tx, { id: row.id, version: row.version, at: now, set: {} });
    if (!updated) throw concurrentChange('Someone else changed the measure at the same time; reload.', 'input.measureId');
    await insertEvidence(tx, { measureId: row.id, description: input.description.trim(), reference: input.reference.trim(), addedBy: ctx.principal.sub, addedAt: now });
    return updated;
  });
}
