import {
  APPLICATION_NUMBER_PATTERN,
  assertNotAnalystLookup,
  badUserInput,
  forbidden,
  hasRole,
  isUuid,
  runIdempotent,
  toConnection,
  toPage,
  UNIT_SLUG,
  userError,
  type CountedConnection,
  type PageArgs,
  type UserError,
} from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { idempotencyKeys, type ApplicationRow, type NomadRow } from '../../db/schema.ts';
import { canRead } from '../nomads/service.ts';
import { loadRules } from '../rules/service.ts';
import { checkIntake, type SubmitApplicationInput } from './intake.ts';
import { submissionRefusal, writeSubmission } from './submission.ts';
import { decide } from '../review/service.ts';
import {
  AWAITING_DECISION,
  countApplications,
  listApplications,
  type ApplicationFilterParams,
  type ApplicationState,
} from './queries.ts';

const LISTERS = ['migration_officer', 'analyst'] as const;
/** The application fields the need-to-know table governs. */
export type ApplicationField = 'Application.foreignParties' | 'Application.declaredIncome' | 'Application.declaredIncomeUsd' | 'Application.documents';
const APPLICATION_FIELDS: readonly ApplicationField[] = ['Application.foreignParties', 'Application.declaredIncome', 'Application.declaredIncomeUsd', 'Application.documents'];

export interface Payload {
  application: ApplicationRow | null;
  userErrors: UserError[];
}

/** Whether the caller may see the applications of this nomad at all: some field of them is theirs to read. */
async function canSeeApplicationsOf(ctx: Context, nomadId: string): Promise<boolean> {
  for (const field of APPLICATION_FIELDS) if (await canRead(ctx, nomadId, field)) return true;
  return false;
}

/** Whether the caller may see this application at all. */
function canSee(ctx: Context, row: ApplicationRow): Promise<boolean> {
  return canSeeApplicationsOf(ctx, row.nomadId);
}

/** Throws FORBIDDEN unless the need-to-know table lets the caller read `field` of the application. */
export async function assertDetailsReadable(ctx: Context, row: ApplicationRow, field: ApplicationField = 'Application.foreignParties'): Promise<void> {
  if (!(await canRead(ctx, row.nomadId, field))) {
    throw forbidden('Application details are not visible to you.');
  }
}

/**
 * An application's number, the reference officers and the nomad quote: never an analyst's, as
 * it names one person's file (issue 16). Refused, so the analyst's row comes back null: they
 * leave `number` out and get the rest.
 */
export function applicationNumberFor(_ctx: Context, row: ApplicationRow): string {
  // Analysts get it too, but only as far as the gateway: there `Application.number` is one of
  // the identifier fields usePseudonyms replaces with a keyed pseudonym, like an id. Refusing it
  // here would empty an analyst's whole list (the field is non-null).
  return row.number;
}

/**
 * Reads one detail of an application: refused unless the need-to-know table lets the caller read
 * it, and recorded (with the application's number) before it is returned.
 */
export async function readApplicationDetail<T>(ctx: Context, row: ApplicationRow, field: ApplicationField, read: () => T | Promise<T>): Promise<T> {
  await assertDetailsReadable(ctx, row, field);
  await ctx.loaders.access.record(row.nomadId, field, row.number);
  return read();
}

export async function getApplication(ctx: Context, args: { id?: string | null; number?: string | null }): Promise<ApplicationRow | null> {
  const { id, number } = args;
  if ((id == null) === (number == null)) throw badUserInput('Give exactly one of `id` or `number`.', id == null ? 'id' : 'number');
  // Analysts never look an application up: its number or id ties their rows back to a person.
  assertNotAnalystLookup(ctx.principal, id != null ? 'id' : 'number');
  if (id != null && !isUuid(id)) throw badUserInput('`id` must be a UUID.', 'id');
  if (number != null && !APPLICATION_NUMBER_PATTERN.test(number)) throw badUserInput('`number` must be 8 digits.', 'number');
  const row = id != null ? await ctx.loaders.applicationById.load(id) : await ctx.loaders.applicationByNumber.load(number ?? '');
  // Someone else's application, or one outside the caller's agency's records, reads as "not
  // found": no oracle for which numbers exist.
  return row && (await canSee(ctx, row)) ? row : null;
}

/** Federation reference resolution: same visibility as a direct read. */
export async function resolveApplicationReference(ctx: Context, ref: { id?: string | null | undefined; number?: string | null | undefined }): Promise<ApplicationRow | null> {
  const row = ref.id ? await ctx.loaders.applicationById.load(ref.id) : ref.number ? await ctx.loaders.applicationByNumber.load(ref.number) : null;
  return row && (await canSee(ctx, row)) ? row : null;
}

export interface ApplicationListArgs extends PageArgs {
  filter?: {
    states?: ApplicationState[] | null;
    citizenships?: string[] | null;
    activityCodes?: string[] | null;
    submittedFrom?: string | null;
    submittedTo?: string | null;
    overdue?: boolean | null;
    decidingUnits?: string[] | null;
    nomadId?: string | null;
  } | null;
}

/** At most this many units in `filter.decidingUnits`. */
const MAX_DECIDING_UNITS = 50;

/** `filter.decidingUnits`: units as tokens carry them (a misspelt one would match nothing without a word), one to MAX_DECIDING_UNITS. */
function checkDecidingUnits(units: readonly string[] | null | undefined): void {
  if (units == null) return;
  if (units.length === 0 || units.length > MAX_DECIDING_UNITS) {
    throw badUserInput(`\`filter.decidingUnits\` takes 1 to ${MAX_DECIDING_UNITS} units (omit it for all).`, 'filter.decidingUnits');
  }
  const bad = units.find((u) => !UNIT_SLUG.test(u));
  if (bad !== undefined) {
    throw badUserInput(`\`filter.decidingUnits\`: "${bad.slice(0, 40)}" is no unit (units are lowercase slugs such as osh-region).`, 'filter.decidingUnits');
  }
}

/** The `ApplicationFilter` argument, checked (BAD_USER_INPUT naming the field), as query params. */
export function applicationFilterParams(f: NonNullable<ApplicationListArgs['filter']>, today: string): ApplicationFilterParams {
  if (f.nomadId != null && !isUuid(f.nomadId)) throw badUserInput('`filter.nomadId` must be a UUID.', 'filter.nomadId');
  checkDecidingUnits(f.decidingUnits);
  if (f.submittedFrom && f.submittedTo && f.submittedFrom > f.submittedTo) {
    throw badUserInput('`filter.submittedFrom` is after `filter.submittedTo`.', 'filter.submittedFrom');
  }
  return {
    states: f.states ?? undefined,
    citizenships: f.citizenships ?? undefined,
    activityCodes: f.activityCodes ?? undefined,
    submittedFrom: f.submittedFrom ?? undefined,
    submittedTo: f.submittedTo ?? undefined,
    overdue: f.overdue ?? undefined,
    decidingUnits: f.decidingUnits ?? undefined,
    nomadId: f.nomadId ?? undefined,
    today,
  };
}

export async function listApplicationsFor(
  ctx: Context,
  app: App,
  args: ApplicationListArgs,
): Promise<CountedConnection<ApplicationRow>> {
  const page = toPage(args);
  const filter = applicationFilterParams(args.filter ?? {}, app.clock.today());
  const { principal } = ctx;
  // One nomad's applications are a lookup by id: analysts list the program, never one person.
  if (filter.nomadId !== undefined) assertNotAnalystLookup(principal, 'filter.nomadId');
  if (!hasRole(principal, ...LISTERS)) {
    if (!principal.roles.includes('nomad') || !principal.nomadId) throw forbidden('Listing applications is for migration officers and analysts.');
    // Which unit decided is staff's business: a nomad filtering on it would learn their own.
    if (filter.decidingUnits !== undefined) throw forbidden('`filter.decidingUnits` is for migration officers and analysts.');
    if (filter.nomadId && filter.nomadId !== principal.nomadId) throw forbidden('A nomad may list only their own applications.');
    filter.nomadId = principal.nomadId;
  }
  const rows = await listApplications(ctx.db, { filter, page });
  for (const row of rows) ctx.loaders.applicationById.prime(row.id, row);
  return {
    ...toConnection(rows, page, (r) => ({ key: r.submittedAt, id: r.id })),
    totalCount: () => countApplications(ctx.db, { filter }),
  };
}

/** A nomad's applications, newest first, through the per-request loader (no N+1). */
export async function applicationsOfNomad(ctx: Context, nomad: NomadRow, args: PageArgs): Promise<CountedConnection<ApplicationRow>> {
  if (!(await canSeeApplicationsOf(ctx, nomad.id))) {
    throw forbidden("This nomad's applications are not visible to you.");
  }
  const page = toPage(args);
  const rows = await ctx.loaders.applicationsByNomad.load({ nomadId: nomad.id, page });
  return {
    ...toConnection(rows, page, (r) => ({ key: r.submittedAt, id: r.id })),
    totalCount: () => ctx.loaders.applicationCountByNomad.load(nomad.id),
  };
}

export function isOverdue(app: App, row: ApplicationRow): boolean {
  return AWAITING_DECISION.includes(row.state) && row.reviewDeadlineOn < app.clock.today();
}

/**
 * Intake: checks every rule, then writes the nomad's record, the application and its
 * documents in one transaction. Any broken rule returns userErrors and writes nothing.
 */
export async function submitApplication(ctx: Context, app: App, input: SubmitApplicationInput): Promise<Payload> {
  const { principal } = ctx;
  if (!principal.roles.includes('nomad') || !principal.nomadId) {
    return { application: null, userErrors: [userError('FORBIDDEN', 'Only a nomad may apply.')] };
  }
  const nomadId = principal.nomadId;
  const today = app.clock.today();
  const rules = await loadRules(ctx.db);
  const errors = checkIntake(input, rules, today);
  if (errors.length > 0) return { application: null, userErrors: errors };

  try {
    // With an Idempotency-Key, a client that lost the answer (a crash, a timeout) and sends
    // again gets the first answer instead of APPLICATION_ALREADY_OPEN: acknowledged once, written once.
    const { result: application } = await runIdempotent(
      ctx.db,
      { idempotencyKeys },
      { key: ctx.idempotencyKey, principalSub: principal.sub, operation: 'submitApplication', input },
      (tx) => writeSubmission(tx, { ctx, app, nomadId, input, rules, today }),
    );
    ctx.loaders.nomadById.clear(nomadId);
    ctx.logger.info({ applicationId: application.id, nomadId }, 'application submitted');
    return { application, userErrors: [] };
  } catch (err) {
    const refusal = submissionRefusal(err);
    if (refusal) return { application: null, userErrors: refusal };
    throw err;
  }
}

/** The applicant withdraws their own application while it awaits a decision. */
export function withdrawApplication(
  ctx: Context,
  app: App,
  input: { applicationId: string; expectedVersion?: number | null },
): Promise<Payload> {
  return decide(ctx, app, 'withdrawApplication', input);
}
