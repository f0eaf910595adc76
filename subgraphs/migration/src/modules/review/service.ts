import { abort, concurrentChange, hasRole, isUuid, runIdempotent, userError, UserErrorsAbort, type UserError } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { MigrationDb } from '../../db/index.ts';
import { idempotencyKeys, type ApplicationRow } from '../../db/schema.ts';
import { ZhaakError } from '../../zhaak.ts';
import type { ApplicationState } from '../applications/queries.ts';
import type { DocumentInput } from '../applications/intake.ts';
import { getNomadsByIds } from '../nomads/queries.ts';
import { loadRules } from '../rules/service.ts';
import { prepare } from './actions.ts';
import { cancelLapsedCorrections, getApplicationForDecision, updateApplicationIf } from './queries.ts';

export type Action =
  | 'startReview'
  | 'returnForCorrection'
  | 'resubmitApplication'
  | 'requestEvaluation'
  | 'approveApplication'
  | 'refuseApplication'
  | 'withdrawApplication';

/**
 * The application life cycle as data (DOMAIN.md): from which states each action is allowed,
 * where it leads, and who may take it (`applicant` = the nomad who applied).
 */
export const TRANSITIONS: Record<Action, { from: readonly ApplicationState[]; to: ApplicationState | null; by: 'migration_officer' | 'applicant' }> = {
  startReview: { from: ['SUBMITTED'], to: 'UNDER_REVIEW', by: 'migration_officer' },
  returnForCorrection: { from: ['UNDER_REVIEW'], to: 'RETURNED_FOR_CORRECTION', by: 'migration_officer' },
  resubmitApplication: { from: ['RETURNED_FOR_CORRECTION'], to: 'SUBMITTED', by: 'applicant' },
  requestEvaluation: { from: ['SUBMITTED', 'UNDER_REVIEW'], to: null, by: 'migration_officer' },
  approveApplication: { from: ['UNDER_REVIEW'], to: 'APPROVED', by: 'migration_officer' },
  refuseApplication: { from: ['UNDER_REVIEW'], to: 'REFUSED', by: 'migration_officer' },
  withdrawApplication: { from: ['SUBMITTED', 'UNDER_REVIEW'], to: 'WITHDRAWN', by: 'applicant' },
};

export type RefusalGround = 'FALSE_DOCUMENTS' | 'ACTIVITY_NOT_ELIGIBLE' | 'NATIONAL_SECURITY_THREAT' | 'CRIMINAL_CONVICTION';

export interface DecisionInput {
  applicationId: string;
  expectedVersion?: number | null;
  corrections?: { field?: string | null; message: string }[] | null;
  documents?: DocumentInput[] | null;
  ground?: RefusalGround | null;
  note?: string | null;
}

export interface DecisionPayload {
  application: ApplicationRow | null;
  userErrors: UserError[];
}

/**
 * Takes one action on an application. In order: who may (FORBIDDEN), which application
 * (APPLICATION_NOT_FOUND), at which version (CONFLICT: the caller read a state that
 * has since moved), from which state (INVALID_TRANSITION), the action's own rules, then one guarded UPDATE (CONFLICT if someone else got
 * there first) and the action's effects — all in one transaction, so a refused action writes
 * nothing. Idempotent under `Idempotency-Key`.
 */
export async function decide(ctx: Context, app: App, action: Action, input: DecisionInput): Promise<DecisionPayload> {
  const rule = TRANSITIONS[action];
  const { principal } = ctx;
  const isOfficer = hasRole(principal, 'migration_officer');
  const isApplicant = principal.roles.includes('nomad') && principal.nomadId !== null;
  if (rule.by === 'migration_officer' ? !isOfficer : !isApplicant) {
    return { application: null, userErrors: [userError('FORBIDDEN', rule.by === 'applicant' ? 'Only the applicant may do this.' : 'Only a migration officer may do this.')] };
  }
  if (!isUuid(input.applicationId)) {
    return { application: null, userErrors: [userError('APPLICATION_NOT_FOUND', 'No such application.', 'input.applicationId')] };
  }
  let pin: string | null = null;
  if (action === 'approveApplication') {
    const outcome = await obtainPin(ctx, app, input.applicationId);
    if ('userErrors' in outcome) return { application: null, userErrors: outcome.userErrors };
    pin = outcome.pin;
  }
  try {
    const { result } = await runIdempotent(
      ctx.db,
      { idempotencyKeys },
      { key: ctx.idempotencyKey, principalSub: principal.sub, operation: action, input },
      async (tx) => {
        const current = await getApplicationForDecision(tx, { id: input.applicationId });
        if (!current || (rule.by === 'applicant' && current.nomadId !== principal.nomadId)) {
          throw abort('APPLICATION_NOT_FOUND', 'No such application.', 'input.applicationId');
        }
        if (input.expectedVersion != null && input.expectedVersion !== current.version) {
          throw abort('CONFLICT', 'The application changed since you read it; reload and try again.', 'input.expectedVersion');
        }
        if (!rule.from.includes(current.state)) {
          throw abort('INVALID_TRANSITION', `${action} is not allowed while the application is ${current.state}.`, 'input.applicationId');
        }
        const rules = await loadRules(tx);
        const { set, effects } = await prepare(ctx, app, tx, action, current, input, rules, pin);
        const now = app.clock.now().toISOString();
        const updated = await updateApplicationIf(tx, {
          id: current.id,
          version: current.version,
          from: rule.from,
          set: { ...(rule.to ? { state: rule.to, stateChangedAt: now } : {}), ...set },
        });
        if (!updated) throw concurrentChange('Someone else changed the application at the same time; reload and try again.', 'input.applicationId');
        await effects?.(updated);
        return { application: updated, userErrors: [] } satisfies DecisionPayload;
      },
    );
    ctx.loaders.applicationById.clear(input.applicationId);
    if (result.application) ctx.loaders.nomadById.clear(result.application.nomadId);
    ctx.logger.info({ applicationId: input.applicationId, action }, 'application decision');
    return result;
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { application: null, userErrors: err.userErrors };
    throw err;
  }
}

/**
 * Asks ZHAAK for a PIN before the approval's transaction opens: ZHAAK is another system, and
 * a transaction must not stay open (holding locks and a connection) across a call to it.
 * Only asked when the approval can succeed and the nomad has no PIN yet; a serial ZHAAK
 * assigns to an approval that then fails (a conflict) is simply never used.
 */
async function obtainPin(ctx: Context, app: App, applicationId: string): Promise<{ pin: string | null } | { userErrors: UserError[] }> {
  const current = await getApplicationForDecision(ctx.db, { id: applicationId });
  if (!current || current.state !== 'UNDER_REVIEW' || current.screeningOutcome !== 'CLEARED') return { pin: null };
  if (current.evaluationRequestedAt && !current.evaluationConcludedAt) return { pin: null };
  const [nomad] = await getNomadsByIds(ctx.db, { ids: [current.nomadId] });
  if (!nomad || nomad.pin) return { pin: null };
  try {
    return { pin: await app.zhaak.assignPin({ nomadId: nomad.id, dateOfBirth: nomad.dateOfBirth, sex: nomad.sex }) };
  } catch (err) {
    // The kind only: personal data is never logged, whatever a ZHAAK client puts in its message.
    ctx.logger.warn({ applicationId, error: err instanceof ZhaakError ? err.name : 'unexpected error' }, 'ZHAAK did not assign a PIN');
    return { userErrors: [userError('ZHAAK_UNAVAILABLE', 'ZHAAK could not assign a PIN; the application stays under review. Try again later.', 'input.applicationId')] };
  }
}

/** Cancels returned applications whose correction window has closed. Returns how many. */
export async function cancelLapsed(db: MigrationDb, app: App): Promise<number> {
  const rows = await cancelLapsedCorrections(db, { today: app.clock.today(), now: app.clock.now().toISOString() });
  return rows.length;
}
