import { isPgError, parsePgTimestamp, PG_UNIQUE_VIOLATION, toUsdMinor, userError, UserErrorsAbort, type UserError } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { MigrationDb } from '../../db/index.ts';
import type { ApplicationRow } from '../../db/schema.ts';
import { publish } from '../../events.ts';
import { findNomadByPassport, getNomadsByIds, upsertNomad } from '../nomads/queries.ts';
import { loadHolidays, reviewDeadline, type Rules } from '../rules/service.ts';
import { reapplicationError } from '../status/service.ts';
import { documentRow } from './documents.ts';
import { IntakeCode, type SubmitApplicationInput } from './intake.ts';
import { findOpenApplication, insertApplication, nextApplicationNumber } from './queries.ts';

// The intake transaction, step by step: `submitApplication` (service.ts) checks the input
// without the database, then runs `writeSubmission` under its idempotency key.

/** What the intake transaction works from: checked input, the rules and the Bishkek date it was checked on. */
export interface Submission {
  ctx: Context;
  app: App;
  nomadId: string;
  input: SubmitApplicationInput;
  rules: Rules;
  today: string;
}

/** The intake transaction: the rules that need the database, the nomad's record, then the application. */
export async function writeSubmission(tx: MigrationDb, submission: Submission): Promise<ApplicationRow> {
  const { nomadId, input, rules, today } = submission;
  await checkApplicantRecord(tx, nomadId, input.applicant);
  const refused = await reapplicationError(tx, { nomadId, today, rules });
  if (refused) throw new UserErrorsAbort([refused]);
  await recordApplicant(tx, nomadId, input.applicant);
  const open = await findOpenApplication(tx, { nomadId });
  if (open) {
    throw new UserErrorsAbort([
      userError(IntakeCode.APPLICATION_ALREADY_OPEN, `Application ${open.number} is still open: withdraw it or wait for its decision.`),
    ]);
  }
  return insertSubmitted(tx, submission);
}

/** The passport is no other applicant's, and a nomad who holds a PIN keeps the sex and birth date it encodes. */
async function checkApplicantRecord(tx: MigrationDb, nomadId: string, a: SubmitApplicationInput['applicant']): Promise<void> {
  const owner = await findNomadByPassport(tx, { country: a.passport.country, number: a.passport.number });
  if (owner && owner.id !== nomadId) {
    throw new UserErrorsAbort([
      userError(IntakeCode.PASSPORT_ALREADY_REGISTERED, 'This passport is registered to another applicant.', 'input.applicant.passport.number'),
    ]);
  }
  const [existing] = await getNomadsByIds(tx, { ids: [nomadId] });
  if (existing?.pin && (existing.dateOfBirth !== a.dateOfBirth || existing.sex !== a.sex)) {
    // The PIN encodes sex and birth date: they cannot change once a PIN is assigned.
    throw new UserErrorsAbort([
      userError(IntakeCode.IDENTITY_MISMATCH, 'Date of birth and sex must match the record that holds your PIN.', 'input.applicant.dateOfBirth'),
    ]);
  }
}

/** Writes (or updates) the nomad's record as the application gives it: names upper-cased, email lower-cased. */
async function recordApplicant(tx: MigrationDb, nomadId: string, a: SubmitApplicationInput['applicant']): Promise<void> {
  await upsertNomad(tx, {
    nomad: {
      id: nomadId,
      surname: a.surname.toUpperCase(),
      givenNames: a.givenNames.toUpperCase(),
      dateOfBirth: a.dateOfBirth,
      sex: a.sex,
      citizenship: a.citizenship,
      passportCountry: a.passport.country,
      passportNumber: a.passport.number,
      passportExpiresOn: a.passport.expiresOn,
      email: a.email.toLowerCase(),
    },
  });
}

/** Inserts the application with its number, review deadline and documents, and announces it. */
async function insertSubmitted(tx: MigrationDb, { ctx, app, nomadId, input, rules, today }: Submission): Promise<ApplicationRow> {
  const holidays = await loadHolidays(tx, today);
  const number = await nextApplicationNumber(tx);
  const income = input.declaredAnnualIncome;
  const row = await insertApplication(tx, {
    application: {
      number,
      nomadId,
      activityCode: input.activityCode,
      foreignParties: input.foreignParties.map((p) => ({ kind: p.kind, name: p.name.trim(), country: p.country })),
      declaredIncomeMinor: income.amountMinor,
      incomeCurrency: income.currency,
      declaredIncomeUsdMinor: toUsdMinor(rules, income.amountMinor, income.currency) ?? 0,
      requestedStartOn: input.requestedStartOn,
      submittedAt: app.clock.now().toISOString(),
      stateChangedAt: app.clock.now().toISOString(),
      reviewDeadlineOn: reviewDeadline(holidays, today, rules.review_working_days, ctx.logger),
    },
    documents: input.documents.map(documentRow),
  });
  await publish(tx, 'ApplicationSubmitted', row.id, {
    applicationId: row.id,
    applicationNumber: row.number,
    nomadId,
    citizenship: input.applicant.citizenship,
    activityCode: row.activityCode,
    submittedAt: parsePgTimestamp(row.submittedAt).toISOString(),
  });
  return row;
}

/** The expected refusals of an intake transaction as userErrors (a unique index won a race); null for anything else. */
export function submissionRefusal(err: unknown): UserError[] | null {
  if (err instanceof UserErrorsAbort) return err.userErrors;
  if (isPgError(err, PG_UNIQUE_VIOLATION, 'applications_one_open_per_nomad')) {
    return [userError(IntakeCode.APPLICATION_ALREADY_OPEN, 'Another application of yours is still open.')];
  }
  if (isPgError(err, PG_UNIQUE_VIOLATION, 'nomads_passport_key')) {
    return [userError(IntakeCode.PASSPORT_ALREADY_REGISTERED, 'This passport is registered to another applicant.', 'input.applicant.passport.number')];
  }
  return null;
}
