import { abort, concurrentChange, hasRole, isUuid, runIdempotent, userError, UserErrorsAbort, type UserError } from '@nomad/kit';
import type { App } from '../../app.ts';
import { addMonths } from '../../clock.ts';
import type { Context } from '../../context.ts';
import type { MigrationDb } from '../../db/index.ts';
import { idempotencyKeys, type ApplicationRow, type Correction } from '../../db/schema.ts';
import { publish } from '../../events.ts';
import { ZhaakError } from '../../zhaak.ts';
import type { ApplicationState } from '../applications/queries.ts';
import { checkIntake, type DocumentInput } from '../applications/intake.ts';
import { documentRow } from '../applications/documents.ts';
import { getNomadsByIds, setNomadPin } from '../nomads/queries.ts';
import { getDocumentsByApplicationIds } from '../applications/queries.ts';
import { loadHolidays, loadRules, reviewDeadline, type Rules } from '../rules/service.ts';
import { lockNomad } from '../status/queries.ts';
import { grantInitialPeriod, reapplicationError, statusOf } from '../status/service.ts';
import { addDocuments, cancelLapsedCorrections, getApplicationForDecision, updateApplicationIf } from './queries.ts';

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

interface Prepared {
  set: Partial<ApplicationRow>;
  effects?: (updated: ApplicationRow) => Promise<void>;
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

/** The action-specific rules and writes; throws UserErrorsAbort to refuse. */
async function prepare(
  ctx: Context,
  app: App,
  tx: MigrationDb,
  action: Action,
  current: ApplicationRow,
  input: DecisionInput,
  rules: Rules,
  preassignedPin: string | null,
): Promise<Prepared> {
  const actor = ctx.principal.sub;
  const now = app.clock.now().toISOString();
  const today = app.clock.today();
  switch (action) {
    case 'startReview':
      return { set: { reviewer: actor } };

    case 'returnForCorrection': {
      const corrections: Correction[] = (input.corrections ?? [])
        .map((c) => ({ field: c.field?.trim() || null, message: c.message.trim() }))
        .filter((c) => c.message.length > 0);
      if (corrections.length === 0) throw abort('CORRECTIONS_REQUIRED', 'List at least one thing the applicant must correct.', 'input.corrections');
      if (corrections.some((c) => c.message.length > 1000)) throw abort('INVALID_FORMAT', 'Each correction is at most 1000 characters.', 'input.corrections');
      return { set: { corrections, correctionDeadlineOn: addMonths(today, rules.correction_window_months) } };
    }

    case 'resubmitApplication': {
      if (current.correctionDeadlineOn && current.correctionDeadlineOn < today) {
        throw abort('CORRECTION_WINDOW_CLOSED', `The correction window closed on ${current.correctionDeadlineOn}.`, 'input.applicationId');
      }
      const documents = input.documents ?? [];
      // The documents rules apply to the whole set: what was listed plus what is added now.
      // Inside the transaction, read through `tx` only: a pooled read here would wait for a
      // second connection while holding one, and enough concurrent decisions exhaust the pool.
      const existing = await getDocumentsByApplicationIds(tx, { applicationIds: [current.id] });
      const all = [...existing.map((d) => ({ kind: d.kind, fileName: d.fileName, language: d.language, translates: d.translatesFileName })), ...documents];
      const [nomad] = await getNomadsByIds(tx, { ids: [current.nomadId] });
      if (nomad) {
        const problems = checkIntake(
          {
            applicant: {
              surname: nomad.surname, givenNames: nomad.givenNames, dateOfBirth: nomad.dateOfBirth, sex: nomad.sex,
              citizenship: nomad.citizenship, email: nomad.email,
              passport: { country: nomad.passportCountry, number: nomad.passportNumber, expiresOn: nomad.passportExpiresOn },
            },
            activityCode: current.activityCode,
            foreignParties: current.foreignParties,
            declaredAnnualIncome: { amountMinor: current.declaredIncomeMinor, currency: current.incomeCurrency },
            requestedStartOn: current.requestedStartOn < today ? today : current.requestedStartOn,
            documents: all,
          },
          rules,
          today,
        ).filter((e) => e.field?.startsWith('input.documents'));
        if (problems.length > 0) {
          throw new UserErrorsAbort(problems.map((p) => ({ ...p, field: p.field?.startsWith(`input.documents.`) ? remapDocumentField(p.field, existing.length) : p.field ?? null })));
        }
      }
      const holidays = await loadHolidays(tx, today);
      return {
        // A complete resubmission starts a new 7-working-day review period.
        set: { submittedAt: now, reviewDeadlineOn: reviewDeadline(holidays, today, rules.review_working_days, ctx.logger), corrections: null, correctionDeadlineOn: null },
        effects: (updated) => addDocuments(tx, { applicationId: updated.id, documents: documents.map(documentRow), at: now }),
      };
    }

    case 'requestEvaluation': {
      if (current.evaluationRequestedAt) throw abort('EVALUATION_ALREADY_REQUESTED', 'An expert evaluation was already requested for this application.', 'input.applicationId');
      return {
        set: { evaluationRequestedAt: now },
        effects: async (updated) => {
          await publish(tx, 'EvaluationRequested', updated.id, { applicationId: updated.id, nomadId: updated.nomadId, activityCode: updated.activityCode, requestedAt: now });
        },
      };
    }

    case 'approveApplication': {
      const errors: UserError[] = [];
      if (current.screeningOutcome === 'PENDING') errors.push(userError('SCREENING_PENDING', 'The security screening has not concluded yet.', 'input.applicationId'));
      if (current.screeningOutcome === 'FLAGGED') errors.push(userError('SCREENING_FLAGGED', 'The security screening flagged this applicant: the application cannot be approved.', 'input.applicationId'));
      if (current.evaluationRequestedAt && !current.evaluationConcludedAt) {
        errors.push(userError('EVALUATION_PENDING', 'The expert evaluation you requested has not concluded yet.', 'input.applicationId'));
      }
      if (errors.length > 0) throw new UserErrorsAbort(errors);
      const nomad = await lockNomad(tx, { nomadId: current.nomadId });
      if (!nomad) throw abort('APPLICATION_NOT_FOUND', 'The applicant record is missing.', 'input.applicationId');
      const { status } = await statusOf(tx, nomad.id, today);
      if (status && (status.state === 'ACTIVE' || status.state === 'SUSPENDED')) {
        throw abort('STATUS_ALREADY_HELD', `This nomad already holds the status (${status.state}); extend or renew it instead.`, 'input.applicationId');
      }
      // Checked at intake too; again here for an application submitted before a revocation.
      const barred = await reapplicationError(tx, { nomadId: nomad.id, today, rules, to: 'officer' });
      if (barred) throw new UserErrorsAbort([barred]);
      // A nomad who already has a PIN keeps it; the one ZHAAK just assigned is then unused.
      const grantedPin = nomad.pin ?? preassignedPin;
      if (!grantedPin) throw abort('ZHAAK_UNAVAILABLE', 'ZHAAK could not assign a PIN; the application stays under review. Try again later.', 'input.applicationId');
      return {
        set: { decidedAt: now, decidedBy: actor, decisionNote: input.note?.trim() || null },
        effects: async (updated) => {
          if (!nomad.pin) await setNomadPin(tx, { nomadId: nomad.id, pin: grantedPin });
          await grantInitialPeriod(tx, app, { nomad, pin: grantedPin, applicationId: updated.id, activityCode: updated.activityCode, actor, rules });
        },
      };
    }

    case 'refuseApplication': {
      if (!input.ground) throw abort('GROUND_REQUIRED', 'Give the ground for the refusal.', 'input.ground');
      return { set: { decidedAt: now, decidedBy: actor, refusalGround: input.ground, decisionNote: input.note?.trim() || null } };
    }

    case 'withdrawApplication':
      return { set: {} };
  }
}

function remapDocumentField(field: string, offset: number): string {
  const match = /^input\.documents\.(\d+)(.*)$/.exec(field);
  if (!match) return field;
  const index = Number(match[1]) - offset;
  return index >= 0 ? `input.documents.${index}${match[2] ?? ''}` : 'input.documents';
}

/** Cancels returned applications whose correction window has closed. Returns how many. */
export async function cancelLapsed(db: MigrationDb, app: App): Promise<number> {
  const rows = await cancelLapsedCorrections(db, { today: app.clock.today(), now: app.clock.now().toISOString() });
  return rows.length;
}
