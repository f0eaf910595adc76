import {
  abort,
  badUserInput,
  BUSY,
  concurrentChange,
  COUNTRY_CODE,
  forbidden,
  hasRole,
  isPgError,
  isUuid,
  LATIN_NAME,
  PASSPORT_NUMBER,
  PG_UNIQUE_VIOLATION,
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
import { addDays, isValidDate } from '../../clock.ts';
import type { Context } from '../../context.ts';
import type { MigrationDb } from '../../db/index.ts';
import { idempotencyKeys, type DependantDocumentRow, type DependantRow, type NomadRow } from '../../db/schema.ts';
import { publish } from '../../events.ts';
import type { PersonalField } from '../../personal-fields.ts';
import { ZhaakError } from '../../zhaak.ts';
import { checkDocuments, documentRow, type DocumentInput } from '../applications/documents.ts';
import { NEED_TO_KNOW } from '../../policy.ts';
import { canRead, RELATION_OPENERS, resolveNomadReference } from '../nomads/service.ts';
import { loadRules, type Rules } from '../rules/service.ts';
import { ceilingOf, statusOf } from '../status/service.ts';
import type { DerivedStatus } from '../status/derive.ts';
import { CHILD_AGE_LIMIT_YEARS, birthdayOn, deriveDependantStatus, isUnder } from './derive.ts';
import { countDependantQueue, getDependantsByIds, hasOpenApplication, insertDependant, listDependantQueue, lockDependant, updateDependantIf, type DependantQueue } from './queries.ts';

export type DependantRelation = DependantRow['relation'];
export type DependantDocumentKind = DependantDocumentRow['kind'];

export interface AddDependantInput {
  relation: DependantRelation;
  surname: string;
  givenNames: string;
  dateOfBirth: string;
  sex: 'MALE' | 'FEMALE';
  citizenship: string;
  passport: { country: string; number: string; expiresOn: string };
  documents: DocumentInput<DependantDocumentKind>[];
}

export interface DependantPayload {
  dependantId: string | null;
  userErrors: UserError[];
}

/** Stable codes of the dependant rules (docs/domain.md, "Family members"). */
export const DependantCode = {
  INVALID_FORMAT: 'INVALID_FORMAT',
  DATE_OF_BIRTH_IN_FUTURE: 'DATE_OF_BIRTH_IN_FUTURE',
  CHILD_NOT_UNDER_18: 'CHILD_NOT_UNDER_18',
  PASSPORT_EXPIRED: 'PASSPORT_EXPIRED',
  CERTIFICATE_REQUIRED: 'CERTIFICATE_REQUIRED',
  PRINCIPAL_NOT_ELIGIBLE: 'PRINCIPAL_NOT_ELIGIBLE',
  DEPENDANT_ALREADY_ADDED: 'DEPENDANT_ALREADY_ADDED',
  DEPENDANT_NOT_FOUND: 'DEPENDANT_NOT_FOUND',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  PRINCIPAL_STATUS_NOT_ACTIVE: 'PRINCIPAL_STATUS_NOT_ACTIVE',
  REASON_REQUIRED: 'REASON_REQUIRED',
  ZHAAK_UNAVAILABLE: 'ZHAAK_UNAVAILABLE',
  DEPENDANT_SCREENING_PENDING: 'DEPENDANT_SCREENING_PENDING',
  DEPENDANT_SCREENING_FLAGGED: 'DEPENDANT_SCREENING_FLAGGED',
} as const;

/** The certificate each relation needs: the marriage certificate for a spouse, the birth certificate for a child. */
export const CERTIFICATE: Record<DependantRelation, DependantDocumentKind> = { SPOUSE: 'MARRIAGE_CERTIFICATE', CHILD: 'BIRTH_CERTIFICATE' };

/**
 * Every rule of `addDependant` that needs no database, all broken ones at once: names in Latin
 * letters, a real birth date in the past, a child under 18 on the day added, a passport valid
 * today, the relation's certificate, and each foreign-language document translated on its own
 * (the applications' rule, `checkDocuments`).
 */
export function checkDependant(input: AddDependantInput, rules: Pick<Rules, 'accepted_document_languages'>, today: string): UserError[] {
  const errors: UserError[] = [];
  const add = (code: string, field: string, message: string) => errors.push(userError(code, message, field));
  if (!LATIN_NAME.test(input.surname)) add(DependantCode.INVALID_FORMAT, 'input.surname', 'Surname must be written in Latin letters as in the passport.');
  if (!LATIN_NAME.test(input.givenNames)) add(DependantCode.INVALID_FORMAT, 'input.givenNames', 'Given names must be written in Latin letters as in the passport.');
  if (!COUNTRY_CODE.test(input.citizenship)) add(DependantCode.INVALID_FORMAT, 'input.citizenship', 'Citizenship must be an ISO 3166-1 alpha-3 code, e.g. KAZ.');
  if (!COUNTRY_CODE.test(input.passport.country)) add(DependantCode.INVALID_FORMAT, 'input.passport.country', 'Passport country must be an ISO 3166-1 alpha-3 code, e.g. KAZ.');
  if (!PASSPORT_NUMBER.test(input.passport.number)) add(DependantCode.INVALID_FORMAT, 'input.passport.number', 'Passport number must be 5–20 capital letters and digits.');
  if (!isValidDate(input.dateOfBirth)) add(DependantCode.INVALID_FORMAT, 'input.dateOfBirth', 'Date of birth must be a calendar date, YYYY-MM-DD.');
  else if (input.dateOfBirth >= today) add(DependantCode.DATE_OF_BIRTH_IN_FUTURE, 'input.dateOfBirth', 'Date of birth must be in the past.');
  else if (input.relation === 'CHILD' && !isUnder(input.dateOfBirth, CHILD_AGE_LIMIT_YEARS, today)) {
    add(DependantCode.CHILD_NOT_UNDER_18, 'input.dateOfBirth', `A child is a dependant only under ${CHILD_AGE_LIMIT_YEARS}; this child turned ${CHILD_AGE_LIMIT_YEARS} on ${birthdayOn(input.dateOfBirth, CHILD_AGE_LIMIT_YEARS)} and may apply on their own.`);
  }
  if (!isValidDate(input.passport.expiresOn)) add(DependantCode.INVALID_FORMAT, 'input.passport.expiresOn', 'Passport expiry must be a calendar date, YYYY-MM-DD.');
  else if (input.passport.expiresOn <= today) add(DependantCode.PASSPORT_EXPIRED, 'input.passport.expiresOn', 'The passport has expired.');
  const certificate = CERTIFICATE[input.relation];
  if (!input.documents.some((d) => d.kind === certificate)) {
    add(DependantCode.CERTIFICATE_REQUIRED, 'input.documents', `A ${input.relation.toLowerCase()} needs the ${certificate === 'MARRIAGE_CERTIFICATE' ? 'marriage' : 'birth'} certificate: list a ${certificate} document.`);
  }
  errors.push(...checkDocuments(input.documents, rules.accepted_document_languages));
  return errors;
}

/** Runs a dependant mutation in one idempotent transaction; a refusal writes nothing. */
async function mutate(ctx: Context, operation: string, input: object, fn: (tx: MigrationDb) => Promise<DependantPayload>): Promise<DependantPayload> {
  try {
    const { result } = await runIdempotent(ctx.db, { idempotencyKeys }, { key: ctx.idempotencyKey, principalSub: ctx.principal.sub, operation, input }, fn);
    if (result.dependantId) ctx.loaders.dependantById.clear(result.dependantId);
    return result;
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { dependantId: null, userErrors: err.userErrors };
    throw err;
  }
}

/**
 * A status holder (ACTIVE) or an applicant (an application open) adds a spouse or a child under
 * 18. The dependant waits for review (PENDING); GKNB learns of them (DependantAdded) and
 * screens a spouse (whatever the age) or an adult. Refused: PRINCIPAL_NOT_ELIGIBLE, the rules of `checkDependant`,
 * DEPENDANT_ALREADY_ADDED for the same passport listed twice under the principal.
 */
export async function addDependant(ctx: Context, app: App, input: AddDependantInput): Promise<DependantPayload> {
  const principalId = ctx.principal.nomadId;
  if (!ctx.principal.roles.includes('nomad') || !principalId) {
    return { dependantId: null, userErrors: [userError('FORBIDDEN', 'Only a status holder or an applicant adds their dependants.')] };
  }
  return mutate(ctx, 'addDependant', input, async (tx) => {
    const today = app.clock.today();
    const now = app.clock.now().toISOString();
    const rules = await loadRules(tx);
    const invalid = checkDependant(input, rules, today);
    if (invalid.length > 0) throw new UserErrorsAbort(invalid);
    const { status } = await statusOf(tx, principalId, today);
    if (status?.state !== 'ACTIVE' && !(await hasOpenApplication(tx, { nomadId: principalId }))) {
      throw abort(DependantCode.PRINCIPAL_NOT_ELIGIBLE, 'Dependants are added by a holder of an ACTIVE status or by an applicant whose application is open.', 'input');
    }
    // GKNB screens every spouse, whatever the age, and an adult (DependantAdded's `adult`, on
    // which GKNB opens the screening): approval waits for its outcome. A child is under 18.
    const screened = input.relation === 'SPOUSE' || !isUnder(input.dateOfBirth, CHILD_AGE_LIMIT_YEARS, today);
    let row: DependantRow;
    try {
      row = await insertDependant(tx, {
        dependant: {
          principalId,
          relation: input.relation,
          surname: input.surname,
          givenNames: input.givenNames,
          dateOfBirth: input.dateOfBirth,
          sex: input.sex,
          citizenship: input.citizenship,
          passportCountry: input.passport.country,
          passportNumber: input.passport.number,
          passportExpiresOn: input.passport.expiresOn,
          addedAt: now,
          addedBy: ctx.principal.sub,
          screeningOutcome: screened ? 'PENDING' : null,
        },
        documents: input.documents.map((d) => ({ ...documentRow(d), addedAt: now })),
      });
    } catch (err) {
      if (isPgError(err, PG_UNIQUE_VIOLATION, 'dependants_principal_passport_key')) {
        throw abort(DependantCode.DEPENDANT_ALREADY_ADDED, 'This passport is already listed among your dependants.', 'input.passport.number');
      }
      throw err;
    }
    await publish(tx, 'DependantAdded', row.id, {
      dependantId: row.id,
      principalId,
      relation: row.relation,
      citizenship: row.citizenship,
      adult: screened,
      addedAt: now,
    });
    ctx.logger.info({ dependantId: row.id, principalId }, 'dependant added');
    return { dependantId: row.id, userErrors: [] };
  });
}

export interface DependantDecisionInput {
  dependantId: string;
  reason?: string | null;
}

function requireOfficer(ctx: Context, input: DependantDecisionInput): DependantPayload | null {
  if (!hasRole(ctx.principal, 'migration_officer')) return { dependantId: null, userErrors: [userError('FORBIDDEN', 'Only a migration officer decides on dependants.')] };
  if (!isUuid(input.dependantId)) return { dependantId: null, userErrors: [userError(DependantCode.DEPENDANT_NOT_FOUND, 'No such dependant.', 'input.dependantId')] };
  return null;
}

async function openDecision(tx: MigrationDb, input: DependantDecisionInput, state: DependantRow['state']): Promise<DependantRow> {
  const dependant = await lockDependant(tx, { id: input.dependantId });
  if (!dependant) throw abort(DependantCode.DEPENDANT_NOT_FOUND, 'No such dependant.', 'input.dependantId');
  if (dependant.state !== state) throw abort(DependantCode.INVALID_TRANSITION, `The dependant is ${dependant.state}, not ${state}.`, 'input.dependantId');
  return dependant;
}

async function saved(tx: MigrationDb, dependant: DependantRow, set: Parameters<typeof updateDependantIf>[1]['set']): Promise<DependantPayload> {
  const updated = await updateDependantIf(tx, { id: dependant.id, version: dependant.version, set });
  if (!updated) throw concurrentChange('Another officer decided on the dependant at the same time; reload.', 'input.dependantId');
  return { dependantId: updated.id, userErrors: [] };
}

/**
 * Asks ZHAAK for the dependant's PIN before the approval's transaction opens (a transaction
 * must not stay open across a call to another system), as the application's approval does
 * (review/service.ts, `obtainPin`). Only asked when the approval can succeed: anything else
 * (unknown, no longer PENDING, a rule broken) gets no PIN and no answer here, so that the
 * transaction gives the answer, or `runIdempotent` replays the first one for a retry under the
 * same key. A serial taken for an approval that then fails is simply never used.
 */
async function obtainDependantPin(
  ctx: Context,
  app: App,
  input: DependantDecisionInput,
  check: (db: MigrationDb, dependant: DependantRow) => Promise<unknown>,
): Promise<{ pin: string | null } | { userErrors: UserError[] }> {
  const [dependant] = await getDependantsByIds(ctx.db, { ids: [input.dependantId] });
  if (!dependant || dependant.state !== 'PENDING') return { pin: null };
  try {
    await check(ctx.db, dependant);
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { pin: null };
    throw err;
  }
  try {
    return { pin: await app.zhaak.assignPin({ nomadId: dependant.id, dateOfBirth: dependant.dateOfBirth, sex: dependant.sex }) };
  } catch (err) {
    if (!(err instanceof ZhaakError)) throw err;
    // The kind only: personal data is never logged, whatever a ZHAAK client puts in its message.
    ctx.logger.warn({ dependantId: input.dependantId, error: err.name }, 'ZHAAK did not assign a PIN');
    return { userErrors: [userError(DependantCode.ZHAAK_UNAVAILABLE, 'ZHAAK could not assign a PIN; the dependant stays pending. Try again later.', 'input.dependantId')] };
  }
}

/**
 * A migration officer approves a PENDING dependant once the principal's status is ACTIVE (with
 * the principal's application, right after its approval, or later on its own). A child must
 * still be under 18; a screened family member (a spouse, an adult) needs GKNB's screening
 * CLEARED (DEPENDANT_SCREENING_PENDING, DEPENDANT_SCREENING_FLAGGED); BUSY when the facts changed
 * between the check before the transaction (no PIN asked for) and the transaction. ZHAAK assigns the PIN (outside the transaction, as for a holder); the
 * dependant's status is the principal's current chain from today.
 */
export async function approveDependant(ctx: Context, app: App, input: DependantDecisionInput): Promise<DependantPayload> {
  const denied = requireOfficer(ctx, input);
  if (denied) return denied;
  const today = app.clock.today();
  const check = async (db: MigrationDb, dependant: DependantRow): Promise<DerivedStatus> => {
    const { status } = await statusOf(db, dependant.principalId, today);
    if (status?.state !== 'ACTIVE') {
      throw abort(DependantCode.PRINCIPAL_STATUS_NOT_ACTIVE, `A dependant is approved while the principal's status is ACTIVE; it is ${status?.state ?? 'not granted yet'}.`, 'input.dependantId');
    }
    if (dependant.relation === 'CHILD' && !isUnder(dependant.dateOfBirth, CHILD_AGE_LIMIT_YEARS, today)) {
      throw abort(DependantCode.CHILD_NOT_UNDER_18, `The child turned ${CHILD_AGE_LIMIT_YEARS} on ${birthdayOn(dependant.dateOfBirth, CHILD_AGE_LIMIT_YEARS)}: no longer a dependant.`, 'input.dependantId');
    }
    // A spouse or an adult waits for GKNB's screening (a child is not screened: no outcome to wait for).
    if (dependant.screeningOutcome === 'PENDING') {
      throw abort(DependantCode.DEPENDANT_SCREENING_PENDING, "GKNB has not concluded this family member's security screening yet.", 'input.dependantId');
    }
    if (dependant.screeningOutcome === 'FLAGGED') {
      throw abort(DependantCode.DEPENDANT_SCREENING_FLAGGED, 'The security screening flagged this family member: the dependant cannot be approved.', 'input.dependantId');
    }
    return status;
  };
  const obtained = await obtainDependantPin(ctx, app, input, check);
  if ('userErrors' in obtained) return { dependantId: null, userErrors: obtained.userErrors };
  return mutate(ctx, 'approveDependant', input, async (tx) => {
    const dependant = await openDecision(tx, input, 'PENDING');
    const status = await check(tx, dependant);
    // Null when the check before the transaction failed (no PIN asked for) and then the facts
    // moved (e.g. GKNB's outcome arrived) so that this check passes: ZHAAK did not fail, the
    // caller asks again and gets a PIN. Not retried here: a retry of the transaction has no PIN either.
    const pin = obtained.pin;
    if (!pin) throw abort(BUSY, "The dependant's facts changed while the approval was prepared; the dependant stays pending. Try again.", 'input.dependantId');
    const result = await saved(tx, dependant, {
      state: 'APPROVED',
      pin,
      grantedOn: today,
      principalChainStartedOn: status.chainStartedOn,
      decidedAt: app.clock.now().toISOString(),
      decidedBy: ctx.principal.sub,
      decisionNote: input.reason?.trim() || null,
    });
    await publish(tx, 'DependantGranted', dependant.id, { dependantId: dependant.id, principalId: dependant.principalId, pin, relation: dependant.relation, grantedOn: today, validUntil: status.validUntil });
    ctx.logger.info({ dependantId: dependant.id }, 'dependant approved');
    return result;
  });
}

function reasonOf(input: DependantDecisionInput, what: string): string {
  const reason = input.reason?.trim();
  if (!reason) throw abort(DependantCode.REASON_REQUIRED, `Give the reason for the ${what}.`, 'input.reason');
  return reason;
}

/** A migration officer refuses a PENDING dependant, with the reason. */
export async function refuseDependant(ctx: Context, app: App, input: DependantDecisionInput): Promise<DependantPayload> {
  const denied = requireOfficer(ctx, input);
  if (denied) return denied;
  return mutate(ctx, 'refuseDependant', input, async (tx) => {
    const reason = reasonOf(input, 'refusal');
    const dependant = await openDecision(tx, input, 'PENDING');
    return saved(tx, dependant, { state: 'REFUSED', decidedAt: app.clock.now().toISOString(), decidedBy: ctx.principal.sub, decisionNote: reason });
  });
}

/**
 * A migration officer ends an approved dependant's status on its own (the usual case: a child
 * come of age, flagged in `dependantsComingOfAge`): from today, with the exit deadline of a
 * revocation (`exit_days_after_revocation`); GKNB watches the departure (DependantStatusEnded).
 */
export async function endDependantStatus(ctx: Context, app: App, input: DependantDecisionInput): Promise<DependantPayload> {
  const denied = requireOfficer(ctx, input);
  if (denied) return denied;
  return mutate(ctx, 'endDependantStatus', input, async (tx) => {
    const reason = reasonOf(input, 'end of the status');
    const dependant = await openDecision(tx, input, 'APPROVED');
    const today = app.clock.today();
    const { periods, events } = await statusOf(tx, dependant.principalId, today);
    const status = deriveDependantStatus(dependant, periods, events, today);
    if (status?.state !== 'ACTIVE' && status?.state !== 'SUSPENDED') {
      throw abort(DependantCode.INVALID_TRANSITION, `The dependant's status is ${status?.state ?? 'not in force'}: nothing to end.`, 'input.dependantId');
    }
    const rules = await loadRules(tx);
    const exitDeadline = addDays(today, rules.exit_days_after_revocation);
    const result = await saved(tx, dependant, { endedOn: today, endCause: 'ENDED', endReason: reason, endExitDeadlineOn: exitDeadline });
    if (!dependant.pin) throw new Error(`approved dependant ${dependant.id} has no PIN`);
    await publish(tx, 'DependantStatusEnded', dependant.id, { dependantId: dependant.id, principalId: dependant.principalId, pin: dependant.pin, cause: 'ENDED', endedOn: today, exitDeadline });
    return result;
  });
}

/** Need-to-know of a dependant's field: the principal's row of the table (the principal is `self`). */
export async function assertDependantReadable(ctx: Context, dependant: DependantRow, field: PersonalField): Promise<void> {
  if (!(await canRead(ctx, dependant.principalId, field))) {
    throw forbidden("This dependant's personal data is not visible to you.");
  }
}

/**
 * Reads one personal field of a dependant: refused unless the table lets the caller read it for
 * the principal, and recorded (subject: the principal, whose record the dependant belongs to)
 * before it is returned.
 */
export async function readDependantField<T>(ctx: Context, dependant: DependantRow, field: PersonalField, read: () => T | Promise<T>): Promise<T> {
  await assertDependantReadable(ctx, dependant, field);
  await ctx.loaders.access.record(dependant.principalId, field);
  return read();
}

/** The dependant's status on `day` (the principal's, as derive.ts reads it), with the principal's ceiling. */
export async function dependantStatusOn(ctx: Context, dependant: DependantRow, day: string, field: PersonalField): Promise<(DerivedStatus & { ceilingOn: string }) | null> {
  return readDependantField(ctx, dependant, field, async () => {
    const [periods, events, rules] = await Promise.all([
      ctx.loaders.statusPeriodsByNomad.load(dependant.principalId),
      ctx.loaders.statusEventsByNomad.load(dependant.principalId),
      ctx.loaders.rules.load('rules'),
    ]);
    const status = deriveDependantStatus(dependant, periods, events, day);
    return status ? { ...status, ceilingOn: ceilingOf(rules, periods, events, status.chainStartedOn) } : null;
  });
}

/**
 * Who may see that a nomad has dependants (their relation and review state): whoever may read
 * the nomad's status. It tells of the principal's family, so the read is recorded as one of the
 * principal's status before the list returns.
 */
export async function dependantsOf(ctx: Context, nomad: NomadRow): Promise<DependantRow[]> {
  if (!(await canRead(ctx, nomad.id, 'Nomad.status'))) throw forbidden("This nomad's dependants are not visible to you.");
  await ctx.loaders.access.record(nomad.id, 'Nomad.status');
  return ctx.loaders.dependantsByPrincipal.load(nomad.id);
}

/** One dependant by id: officers who may read identities, or the principal (null for anyone else's). */
export async function getDependant(ctx: Context, id: string): Promise<DependantRow | null> {
  if (!isUuid(id)) throw badUserInput('`id` must be a UUID.', 'id');
  const row = await ctx.loaders.dependantById.load(id);
  if (!row) return null;
  if (!(await canRead(ctx, row.principalId, 'Dependant.surname'))) return null;
  return row;
}

/** A dependant's personal fields (the need-to-know table's `Dependant.` rows). */
const DEPENDANT_FIELDS = (Object.keys(NEED_TO_KNOW) as PersonalField[]).filter((f) => f.startsWith('Dependant.'));

/**
 * Federation reference resolution of a dependant (`_entities`: GKNB's screenings and exit
 * watches name one), as `resolveNomadReference` does for a nomad: an officer who reaches
 * nomads only through a relation (labor, tax, GKNB) gets null for a dependant of whose fields
 * they may read none for the principal (labor and tax never; GKNB through the principal's link);
 * other callers get the record and each field refuses them on its own.
 */
export async function resolveDependantReference(ctx: Context, ref: { id: string }): Promise<DependantRow | null> {
  if (!isUuid(ref.id)) return null;
  const row = await ctx.loaders.dependantById.load(ref.id);
  if (!row) return null;
  if (!hasRole(ctx.principal, ...RELATION_OPENERS)) return row;
  for (const field of DEPENDANT_FIELDS) if (await canRead(ctx, row.principalId, field)) return row;
  return null;
}

/**
 * The principal of a dependant (`Dependant.nomad`), under the check of a reference to them
 * (`resolveNomadReference`): another agency's officer who does not reach the principal through
 * their agency's own records is refused.
 */
export async function principalOf(ctx: Context, dependant: DependantRow): Promise<NomadRow> {
  const row = await resolveNomadReference(ctx, { id: dependant.principalId });
  if (!row) throw forbidden("This dependant's principal is not visible to you.");
  return row;
}

/** Migration officers' queues: dependants awaiting review, and approved children who came of age. */
export async function dependantQueue(
  ctx: Context,
  app: App,
  queue: DependantQueue,
  args: PageArgs,
): Promise<CountedConnection<DependantRow>> {
  if (!hasRole(ctx.principal, 'migration_officer')) throw forbidden('Work queues are for migration officers.');
  const page = toPage(args);
  const params = { queue, today: app.clock.today(), ageLimit: CHILD_AGE_LIMIT_YEARS };
  const rows = await listDependantQueue(ctx.db, { ...params, page });
  for (const row of rows) ctx.loaders.dependantById.prime(row.id, row);
  return {
    ...toConnection(rows, page, (r) => ({ key: queue === 'PENDING' ? r.addedAt : r.dateOfBirth, id: r.id })),
    totalCount: () => countDependantQueue(ctx.db, params),
  };
}
