import { abort, UserErrorsAbort, userError, type UserError } from '@nomad/kit';
import type { App } from '../../app.ts';
import { addMonths } from '../../clock.ts';
import type { Context } from '../../context.ts';
import type { MigrationDb } from '../../db/index.ts';
import type { ApplicationRow, Correction } from '../../db/schema.ts';
import { publish } from '../../events.ts';
import { checkIntake, type DocumentInput } from '../applications/intake.ts';
import { documentRow } from '../applications/documents.ts';
import { getDocumentsByApplicationIds } from '../applications/queries.ts';
import { getNomadsByIds, setNomadPin } from '../nomads/queries.ts';
import { loadHolidays, reviewDeadline, type Rules } from '../rules/service.ts';
import { lockNomad } from '../status/queries.ts';
import { grantInitialPeriod, reapplicationError, statusOf } from '../status/service.ts';
import { addDocuments } from './queries.ts';
import type { Action, DecisionInput } from './service.ts';

// Each review action's own rules and writes, one step per action; `decide` (service.ts) runs
// the checks common to all of them and the guarded UPDATE around the step.

/** What an action sets on the application, and what it writes once the guarded UPDATE succeeded. */
export interface Prepared {
  set: Partial<ApplicationRow>;
  effects?: (updated: ApplicationRow) => Promise<void>;
}

/** What every action's step reads: the request, the application as locked, the rules, one clock reading. */
interface Step {
  ctx: Context;
  app: App;
  tx: MigrationDb;
  current: ApplicationRow;
  input: DecisionInput;
  rules: Rules;
  actor: string;
  /** The actor's organisational unit (token claim `unit`), recorded with a decision; null without one. */
  unit: string | null;
  now: string;
  today: string;
}

/** The action-specific rules and writes; throws UserErrorsAbort to refuse. */
export async function prepare(
  ctx: Context,
  app: App,
  tx: MigrationDb,
  action: Action,
  current: ApplicationRow,
  input: DecisionInput,
  rules: Rules,
  preassignedPin: string | null,
): Promise<Prepared> {
  const step: Step = { ctx, app, tx, current, input, rules, actor: ctx.principal.sub, unit: ctx.principal.unit ?? null, now: app.clock.now().toISOString(), today: app.clock.today() };
  switch (action) {
    case 'startReview':
      return { set: { reviewer: step.actor } };
    case 'returnForCorrection':
      return prepareReturn(step);
    case 'resubmitApplication':
      return prepareResubmission(step);
    case 'requestEvaluation':
      return prepareEvaluationRequest(step);
    case 'approveApplication':
      return prepareApproval(step, preassignedPin);
    case 'refuseApplication':
      return prepareRefusal(step);
    case 'withdrawApplication':
      return { set: {} };
  }
}

/** At least one correction, each at most 1000 characters; the applicant has the rules' window to answer. */
function prepareReturn({ input, rules, today }: Step): Prepared {
  const corrections: Correction[] = (input.corrections ?? [])
    .map((c) => ({ field: c.field?.trim() || null, message: c.message.trim() }))
    .filter((c) => c.message.length > 0);
  if (corrections.length === 0) throw abort('CORRECTIONS_REQUIRED', 'List at least one thing the applicant must correct.', 'input.corrections');
  if (corrections.some((c) => c.message.length > 1000)) throw abort('INVALID_FORMAT', 'Each correction is at most 1000 characters.', 'input.corrections');
  return { set: { corrections, correctionDeadlineOn: addMonths(today, rules.correction_window_months) } };
}

/** Inside the correction window, with a document set intake accepts; starts a new review period and adds the documents. */
async function prepareResubmission(step: Step): Promise<Prepared> {
  const { ctx, tx, current, input, rules, now, today } = step;
  if (current.correctionDeadlineOn && current.correctionDeadlineOn < today) {
    throw abort('CORRECTION_WINDOW_CLOSED', `The correction window closed on ${current.correctionDeadlineOn}.`, 'input.applicationId');
  }
  const documents = input.documents ?? [];
  await checkResubmittedDocuments(step, documents);
  const holidays = await loadHolidays(tx, today);
  return {
    // A complete resubmission starts a new 7-working-day review period.
    set: { submittedAt: now, reviewDeadlineOn: reviewDeadline(holidays, today, rules.review_working_days, ctx.logger), corrections: null, correctionDeadlineOn: null },
    effects: (updated) => addDocuments(tx, { applicationId: updated.id, documents: documents.map(documentRow), at: now }),
  };
}

/**
 * Intake's documents rules over the whole set: what was listed plus what is added now. Refuses
 * with the problems' fields pointing into the added documents (`input.documents.<i>`).
 */
async function checkResubmittedDocuments({ tx, current, rules, today }: Step, documents: DocumentInput[]): Promise<void> {
  // Inside the transaction, read through `tx` only: a pooled read here would wait for a
  // second connection while holding one, and enough concurrent decisions exhaust the pool.
  const existing = await getDocumentsByApplicationIds(tx, { applicationIds: [current.id] });
  const all = [...existing.map((d) => ({ kind: d.kind, fileName: d.fileName, language: d.language, translates: d.translatesFileName })), ...documents];
  const [nomad] = await getNomadsByIds(tx, { ids: [current.nomadId] });
  if (!nomad) return;
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

/** Once per application; announces the request to the agencies that evaluate. */
function prepareEvaluationRequest({ tx, current, now }: Step): Prepared {
  if (current.evaluationRequestedAt) throw abort('EVALUATION_ALREADY_REQUESTED', 'An expert evaluation was already requested for this application.', 'input.applicationId');
  return {
    set: { evaluationRequestedAt: now },
    effects: async (updated) => {
      await publish(tx, 'EvaluationRequested', updated.id, { applicationId: updated.id, nomadId: updated.nomadId, activityCode: updated.activityCode, requestedAt: now });
    },
  };
}

/**
 * Screening cleared, any requested evaluation concluded, no status held, no reapplication bar,
 * a PIN (the nomad's own or ZHAAK's); grants the initial period.
 */
async function prepareApproval(step: Step, preassignedPin: string | null): Promise<Prepared> {
  const { app, tx, current, input, rules, actor, unit, now, today } = step;
  const errors = approvalBlockers(current);
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
    set: { decidedAt: now, decidedBy: actor, decidedUnit: unit, decisionNote: input.note?.trim() || null },
    effects: async (updated) => {
      if (!nomad.pin) await setNomadPin(tx, { nomadId: nomad.id, pin: grantedPin });
      await grantInitialPeriod(tx, app, { nomad, pin: grantedPin, applicationId: updated.id, activityCode: updated.activityCode, actor, rules });
    },
  };
}

/** What the application itself still waits for: the screening, or an evaluation that was requested. All of them, not the first. */
function approvalBlockers(current: ApplicationRow): UserError[] {
  const errors: UserError[] = [];
  if (current.screeningOutcome === 'PENDING') errors.push(userError('SCREENING_PENDING', 'The security screening has not concluded yet.', 'input.applicationId'));
  if (current.screeningOutcome === 'FLAGGED') errors.push(userError('SCREENING_FLAGGED', 'The security screening flagged this applicant: the application cannot be approved.', 'input.applicationId'));
  if (current.evaluationRequestedAt && !current.evaluationConcludedAt) {
    errors.push(userError('EVALUATION_PENDING', 'The expert evaluation you requested has not concluded yet.', 'input.applicationId'));
  }
  return errors;
}

/** A ground is required; the note is optional. */
function prepareRefusal({ input, actor, unit, now }: Step): Prepared {
  if (!input.ground) throw abort('GROUND_REQUIRED', 'Give the ground for the refusal.', 'input.ground');
  return { set: { decidedAt: now, decidedBy: actor, decidedUnit: unit, refusalGround: input.ground, decisionNote: input.note?.trim() || null } };
}

/** A document problem's field, counted among the documents added now rather than the whole set. */
function remapDocumentField(field: string, offset: number): string {
  const match = /^input\.documents\.(\d+)(.*)$/.exec(field);
  if (!match) return field;
  const index = Number(match[1]) - offset;
  return index >= 0 ? `input.documents.${index}${match[2] ?? ''}` : 'input.documents';
}
