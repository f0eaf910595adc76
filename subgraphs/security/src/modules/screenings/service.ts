import {
  abort,
  concurrentChange,
  forbidden,
  hasRole,
  isPgError,
  isUuid,
  ignoreEvent,
  PG_UNIQUE_VIOLATION,
  runIdempotent,
  toConnection,
  toPage,
  userError,
  UserErrorsAbort,
  type CountedConnection,
  type EventIgnored,
  type PageArgs,
  type UserError,
} from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { SecurityDb } from '../../db/index.ts';
import { idempotencyKeys, type ScreeningOutcome, type ScreeningRow } from '../../db/schema.ts';
import { publish } from '../../events.ts';
import { assertDetailsReadable, assertOutcomeReadable, decreeGround } from './policy.ts';
import {
  concludeScreeningIf,
  countScreenings,
  getScreeningsByIds,
  hasScreenings,
  insertApplicationScreening,
  insertDependantScreening,
  insertRescreen,
  listScreenings,
} from './queries.ts';
import { canTransition, checkConclusion, type ConcludeInput } from './rules.ts';

export { canTransition, checkConclusion, MAX_REASON_TEXT, SCREENING_TRANSITIONS, type ConcludeInput } from './rules.ts';

export interface ScreeningPayload {
  screening: ScreeningRow | null;
  userErrors: UserError[];
}

/** Handler of ApplicationSubmitted: opens the application's screening, once. */
export async function openApplicationScreening(
  tx: SecurityDb,
  payload: { applicationId: string; applicationNumber: string; nomadId: string; citizenship: string; submittedAt: string },
): Promise<ScreeningRow | undefined> {
  return insertApplicationScreening(tx, {
    applicationId: payload.applicationId,
    applicationNumber: payload.applicationNumber,
    nomadId: payload.nomadId,
    citizenship: payload.citizenship,
    openedAt: payload.submittedAt,
  });
}

/**
 * Handler of DependantAdded: GKNB screens adults, so an adult family member gets a DEPENDANT
 * screening (once per dependant), filed under the principal; a child gets none.
 */
export async function openDependantScreening(
  tx: SecurityDb,
  payload: { dependantId: string; principalId: string; citizenship: string; adult: boolean; addedAt: string },
): Promise<EventIgnored | undefined> {
  if (!payload.adult) return ignoreEvent(`dependant ${payload.dependantId} is a child: GKNB screens spouses and adults only`);
  const opened = await insertDependantScreening(tx, { dependantId: payload.dependantId, nomadId: payload.principalId, citizenship: payload.citizenship, openedAt: payload.addedAt });
  return opened ? undefined : ignoreEvent(`dependant ${payload.dependantId} already has a screening`);
}

function requireSecurityOfficer(ctx: Context): UserError[] {
  return hasRole(ctx.principal, 'security_officer') ? [] : [userError('FORBIDDEN', 'Only a security officer may do this.')];
}

/**
 * Concludes a PENDING screening. In order: who (FORBIDDEN), the input's own rules
 * (REASONS_REQUIRED, …), which screening (SCREENING_NOT_FOUND), at which version (CONFLICT),
 * from which state (INVALID_TRANSITION), then one guarded UPDATE (CONFLICT if another officer
 * concluded it meanwhile) and the event — one transaction, so a refusal writes nothing.
 * An application's outcome goes to migration (ScreeningConcluded), a family member's too
 * (DependantScreeningConcluded: migration approves an adult dependant only when CLEARED); a
 * FLAGGED re-screening of a holder goes to migration as a recommendation to suspend
 * (SuspensionRecommended).
 */
export async function concludeScreening(ctx: Context, app: App, input: ConcludeInput): Promise<ScreeningPayload> {
  const denied = requireSecurityOfficer(ctx);
  if (denied.length > 0) return { screening: null, userErrors: denied };
  const invalid = checkConclusion(input);
  if (invalid.length > 0) return { screening: null, userErrors: invalid };
  if (!isUuid(input.screeningId)) {
    return { screening: null, userErrors: [userError('SCREENING_NOT_FOUND', 'No such screening.', 'input.screeningId')] };
  }
  try {
    const { result } = await runIdempotent(
      ctx.db,
      { idempotencyKeys },
      { key: ctx.idempotencyKey, principalSub: ctx.principal.sub, operation: 'concludeScreening', input },
      async (tx) => ({ screening: await concludeInTransaction(tx, ctx, app, input), userErrors: [] }) satisfies ScreeningPayload,
    );
    ctx.loaders.screeningById.clear(input.screeningId);
    ctx.logger.info({ screeningId: input.screeningId, outcome: input.outcome }, 'screening concluded');
    return result;
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { screening: null, userErrors: err.userErrors };
    throw err;
  }
}

/** Which screening, at which version, from which state; then the guarded UPDATE and its event. Throws UserErrorsAbort to refuse. */
async function concludeInTransaction(tx: SecurityDb, ctx: Context, app: App, input: ConcludeInput): Promise<ScreeningRow> {
  const [current] = await getScreeningsByIds(tx, { ids: [input.screeningId] });
  if (!current) throw abort('SCREENING_NOT_FOUND', 'No such screening.', 'input.screeningId');
  if (input.expectedVersion != null && input.expectedVersion !== current.version) {
    throw abort('CONFLICT', 'The screening changed since you read it; reload and try again.', 'input.expectedVersion');
  }
  if (!canTransition(current.outcome, input.outcome)) {
    throw abort('INVALID_TRANSITION', `The screening is already ${current.outcome}.`, 'input.screeningId');
  }
  const concludedAt = app.clock.now().toISOString();
  const updated = await concludeScreeningIf(tx, {
    id: current.id,
    version: current.version,
    set: {
      outcome: input.outcome,
      reasons: input.outcome === 'FLAGGED' ? (input.reasons ?? []) : [],
      reasonText: input.reasonText?.trim() || null,
      classification: input.classification,
      officerSub: ctx.principal.sub,
      concludedAt,
    },
  });
  if (!updated) throw concurrentChange('Another officer concluded the screening at the same time; reload.', 'input.screeningId');
  await announceConclusion(tx, updated, input.outcome, concludedAt);
  return updated;
}

/**
 * The event a conclusion publishes, by kind of screening: the application's outcome, the family
 * member's, or (a FLAGGED re-screening only) a recommendation to suspend the holder.
 */
async function announceConclusion(tx: SecurityDb, updated: ScreeningRow, outcome: ConcludeInput['outcome'], concludedAt: string): Promise<void> {
  if (updated.kind === 'APPLICATION' && updated.applicationId) {
    await publish(tx, 'ScreeningConcluded', updated.applicationId, {
      applicationId: updated.applicationId,
      screeningId: updated.id,
      outcome,
      concludedAt,
    });
  } else if (updated.kind === 'DEPENDANT' && updated.dependantId) {
    // Aggregate = the family member: migration approves them only when CLEARED.
    await publish(tx, 'DependantScreeningConcluded', updated.dependantId, {
      dependantId: updated.dependantId,
      principalId: updated.nomadId,
      screeningId: updated.id,
      outcome,
      concludedAt,
    });
  } else if (updated.kind === 'RESCREEN' && updated.outcome === 'FLAGGED') {
    // Aggregate = the nomad: migration receives a holder's recommendations in order.
    await publish(tx, 'SuspensionRecommended', updated.nomadId, {
      nomadId: updated.nomadId,
      screeningId: updated.id,
      reasonSummary: decreeGround(updated.reasons),
      at: concludedAt,
    });
  }
}

export interface RescreenInput {
  nomadId: string;
  /** Why (security officers only). */
  note?: string | null;
}

/**
 * Opens a new screening of a nomad GKNB already screened (a holder, or an applicant whose
 * application is decided). NOMAD_NOT_SCREENED when GKNB never screened the nomad (a holder
 * known only by a grant, e.g. a pilot holder, is not re-screened yet); SCREENING_ALREADY_OPEN
 * when a re-screening is pending.
 */
export async function rescreenHolder(ctx: Context, app: App, input: RescreenInput): Promise<ScreeningPayload> {
  const denied = requireSecurityOfficer(ctx);
  if (denied.length > 0) return { screening: null, userErrors: denied };
  if (!isUuid(input.nomadId)) {
    return { screening: null, userErrors: [userError('NOMAD_NOT_SCREENED', 'GKNB has no screening of this nomad.', 'input.nomadId')] };
  }
  try {
    const { result } = await runIdempotent(
      ctx.db,
      { idempotencyKeys },
      { key: ctx.idempotencyKey, principalSub: ctx.principal.sub, operation: 'rescreenHolder', input },
      async (tx) => {
        if (!(await hasScreenings(tx, { nomadId: input.nomadId }))) {
          throw abort('NOMAD_NOT_SCREENED', 'GKNB has no screening of this nomad.', 'input.nomadId');
        }
        try {
          // A savepoint: the expected unique violation must not poison the outer transaction.
          const screening = await tx.transaction((sp) =>
            insertRescreen(sp, {
              nomadId: input.nomadId,
              officerSub: ctx.principal.sub,
              requestNote: input.note?.trim() || null,
              openedAt: app.clock.now().toISOString(),
            }),
          );
          return { screening, userErrors: [] } satisfies ScreeningPayload;
        } catch (err) {
          if (isPgError(err, PG_UNIQUE_VIOLATION, 'screenings_one_open_rescreen')) {
            throw abort('SCREENING_ALREADY_OPEN', 'A re-screening of this nomad is already pending.', 'input.nomadId');
          }
          throw err;
        }
      },
    );
    ctx.loaders.screeningsByNomad.clear(input.nomadId);
    ctx.logger.info({ nomadId: input.nomadId }, 'holder re-screening opened');
    return result;
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { screening: null, userErrors: err.userErrors };
    throw err;
  }
}

// ---- reads -------------------------------------------------------------------------------

/** A screening by id: security officers only (the root field is their work queue). */
export async function getScreening(ctx: Context, id: string): Promise<ScreeningRow | null> {
  if (!hasRole(ctx.principal, 'security_officer')) throw forbidden('Only security officers may look screenings up.');
  if (!isUuid(id)) return null;
  return ctx.loaders.screeningById.load(id);
}

export interface ScreeningListArgs extends PageArgs {
  filter?: { outcomes?: ScreeningOutcome[] | null; kind?: ScreeningRow['kind'] | null } | null;
}

export async function listScreeningsFor(ctx: Context, args: ScreeningListArgs): Promise<CountedConnection<ScreeningRow>> {
  if (!hasRole(ctx.principal, 'security_officer')) throw forbidden('Only security officers may list screenings.');
  const page = toPage(args);
  const filter = { outcomes: args.filter?.outcomes ?? null, kind: args.filter?.kind ?? null };
  const rows = await listScreenings(ctx.db, { page, ...filter });
  return {
    ...toConnection(rows, page, (r) => ({ key: r.openedAt, id: r.id })),
    // Counted only when asked for.
    totalCount: () => countScreenings(ctx.db, filter),
  };
}

/** The screening of an application, for whoever may read its outcome (null if none yet). */
export async function screeningOfApplication(ctx: Context, applicationId: string): Promise<ScreeningRow | null> {
  if (!isUuid(applicationId)) return null;
  const row = await ctx.loaders.screeningByApplication.load(applicationId);
  if (row) assertOutcomeReadable(ctx.principal, row.nomadId);
  return row;
}

/** A nomad's screenings, newest first (outcome-level readers). */
export async function screeningsOfNomad(ctx: Context, nomadId: string): Promise<ScreeningRow[]> {
  if (!isUuid(nomadId)) return [];
  const rows = await ctx.loaders.screeningsByNomad.load(nomadId);
  if (rows.length > 0) assertOutcomeReadable(ctx.principal, nomadId);
  return rows;
}

/** The detail fields of a screening (each in the personal-field table as `Screening.<field>`). */
export type ScreeningDetail = 'reasons' | 'reasonText' | 'classification' | 'concludedBy' | 'requestNote';

/**
 * A detail field (reasons, text, classification, officer): FORBIDDEN to anyone but a security
 * officer, and recorded in the access log before the value is returned (no record, no data).
 */
export async function readDetail<T>(ctx: Context, screening: ScreeningRow, field: ScreeningDetail, value: T): Promise<T> {
  assertDetailsReadable(ctx.principal, `Screening.${field}`, screening.nomadId);
  await ctx.loaders.access.record(screening.nomadId, `Screening.${field}`, screening.applicationNumber);
  return value;
}

/** The outcome-level view of a screening: checked on every field, as it may be reached by any path. */
export function readOutcome<T>(ctx: Context, screening: ScreeningRow, value: T): T {
  assertOutcomeReadable(ctx.principal, screening.nomadId);
  return value;
}

/** A nomad's clearance: the latest screening decides; a flagged re-screening is a suspension recommendation. */
/** A nomad's clearance (GraphQL `Clearance`): computed from the nomad's screenings. */
export interface ClearanceView {
  nomadId: string;
  latest: ScreeningRow;
  suspensionRecommended: boolean;
  screenings: ScreeningRow[];
}

export function clearanceOf(rows: readonly ScreeningRow[]): { latest: ScreeningRow; suspensionRecommended: boolean } | null {
  const latest = rows[0];
  if (!latest) return null;
  const lastConcludedRescreen = rows.find((r) => r.kind === 'RESCREEN' && r.outcome !== 'PENDING');
  return { latest, suspensionRecommended: lastConcludedRescreen?.outcome === 'FLAGGED' };
}
