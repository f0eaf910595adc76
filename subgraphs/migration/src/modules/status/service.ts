import { badUserInput, forbidden, hasRole, isAnalyst, lastDayOfTerm, loadExisting, toConnection, toPage, userError, type CountedConnection, type PageArgs, type UserError } from '@nomad/kit';
import type { App } from '../../app.ts';
import { addDays } from '../../clock.ts';
import type { Context } from '../../context.ts';
import type { PersonalField } from '../../personal-fields.ts';
import type { MigrationDb } from '../../db/index.ts';
import type { NomadRow, StatusEventRow, StatusPeriodRow, StatusRecommendationRow } from '../../db/schema.ts';
import { publish } from '../../events.ts';
import { assertStatusReadable } from '../nomads/service.ts';
import type { Rules } from '../rules/service.ts';
import { deriveStatus, type DerivedStatus } from './derive.ts';
import { findUnrecordedExpiries, getEventsByNomadIds, getPeriodsByNomadIds, insertExpiryOnce, insertPeriod, insertStatusEvent, listExpiring, lockNomad, countExpiring } from './queries.ts';

/** A status holder always has a PIN (assigned at approval or imported); its absence is a bug, not a user error. */
export function pinOf(nomad: NomadRow): string {
  if (!nomad.pin) throw new Error(`status holder ${nomad.id} has no PIN`);
  return nomad.pin;
}

/**
 * The last day the person's status may reach: `status_ceiling_years` from the first day of
 * their first grant, across every application and the pilot (DOMAIN.md: "up to 10 years in
 * total"; issue 15: "the 10 years count from the person's first grant"). Gaps after an
 * expiry or a revocation do not move it: a holder who applies again keeps the first ceiling.
 */
export function ceilingOf(rules: Rules, periods: readonly StatusPeriodRow[]): string {
  const firstGrantOn = periods.reduce<string | null>((first, p) => (first === null || p.validFrom < first ? p.validFrom : first), null);
  if (firstGrantOn === null) throw new Error('a ceiling needs at least one granted period');
  return lastDayOfTerm(firstGrantOn, rules.status_ceiling_years);
}

export async function statusOf(
  db: MigrationDb,
  nomadId: string,
  day: string,
): Promise<{ status: DerivedStatus | null; periods: StatusPeriodRow[]; events: StatusEventRow[] }> {
  const [periods, events] = await Promise.all([getPeriodsByNomadIds(db, { nomadIds: [nomadId] }), getEventsByNomadIds(db, { nomadIds: [nomadId] })]);
  return { status: deriveStatus(periods, events, day), periods, events };
}

/**
 * Whether the person may apply again (or be granted again) on `today`, given their earlier
 * grants: not while a revoked status's exit deadline has not passed, and not once the
 * ceiling leaves no room for an initial period. Called in the transactions of intake (told
 * to the applicant, on `input.applicant`) and of approval (told to the officer, on
 * `input.applicationId`). Null when they may.
 */
export async function reapplicationError(
  db: MigrationDb,
  params: { nomadId: string; today: string; rules: Rules; to?: 'applicant' | 'officer' },
): Promise<UserError | null> {
  const officer = params.to === 'officer';
  const field = officer ? 'input.applicationId' : 'input.applicant';
  const { status, periods } = await statusOf(db, params.nomadId, params.today);
  if (!status) return null;
  if (status.state === 'REVOKED' && status.exitDeadlineOn && params.today <= status.exitDeadlineOn) {
    const revokedOn = status.revokedOn ?? status.asOf;
    return userError(
      'EXIT_DEADLINE_NOT_PASSED',
      officer
        ? `The applicant's status was revoked on ${revokedOn}; no new grant before their exit deadline, ${status.exitDeadlineOn}, has passed.`
        : `Your status was revoked on ${revokedOn}; you may apply again after your exit deadline, ${status.exitDeadlineOn}.`,
      field,
    );
  }
  const ceiling = ceilingOf(params.rules, periods);
  const initialUntil = addDays(params.today, params.rules.initial_period_days - 1);
  if (ceiling < initialUntil) {
    return userError(
      'STATUS_CEILING_REACHED',
      `The status may be held ${params.rules.status_ceiling_years} years from ${officer ? "the applicant's" : 'your'} first grant, until ${ceiling}: no room for a ${params.rules.initial_period_days}-day initial period.`,
      field,
    );
  }
  return null;
}

/**
 * The nomad's status on `day` and the ceiling of its chain, for those who may see it; the read
 * is recorded as a read of `field`.
 */
export async function readStatus(ctx: Context, nomad: NomadRow, day: string, field: PersonalField): Promise<(DerivedStatus & { ceilingOn: string }) | null> {
  await assertStatusReadable(ctx, nomad.id, field);
  await ctx.loaders.access.record(nomad.id, field);
  const [periods, events, rules] = await Promise.all([
    ctx.loaders.statusPeriodsByNomad.load(nomad.id),
    ctx.loaders.statusEventsByNomad.load(nomad.id),
    ctx.loaders.rules.load('rules'),
  ]);
  const status = deriveStatus(periods, events, day);
  return status ? { ...status, ceilingOn: ceilingOf(rules, periods) } : null;
}

/** Every period the nomad was granted, oldest first; the read is recorded. */
export async function readStatusPeriods(ctx: Context, nomadId: string, field: PersonalField): Promise<StatusPeriodRow[]> {
  await assertStatusReadable(ctx, nomadId, field);
  await ctx.loaders.access.record(nomadId, field);
  return ctx.loaders.statusPeriodsByNomad.load(nomadId);
}

/** Every change of the nomad's status, in order; the read is recorded. */
export async function readStatusHistory(ctx: Context, nomadId: string, field: PersonalField): Promise<StatusEventRow[]> {
  await assertStatusReadable(ctx, nomadId, field);
  await ctx.loaders.access.record(nomadId, field);
  return ctx.loaders.statusEventsByNomad.load(nomadId);
}

/** Other agencies' recommendations about the nomad: migration officers decide on them, so only they see them. */
export function readRecommendations(ctx: Context, nomadId: string): Promise<StatusRecommendationRow[]> {
  if (!hasRole(ctx.principal, 'migration_officer')) throw forbidden('Recommendations are for migration officers.');
  return ctx.loaders.recommendationsByNomad.load(nomadId);
}

export interface ExpiringStatusEdge {
  cursor: string;
  node: NomadRow;
  validUntil: string;
}

/** A page of `expiringStatuses` (GraphQL `ExpiringStatusConnection`). */
export type ExpiringStatusPage = Omit<CountedConnection<NomadRow>, 'edges'> & { edges: ExpiringStatusEdge[] };

/** The most days ahead the expiring-status queue looks: a year and a day. */
const MAX_WITHIN_DAYS = 366;

/** Migration officers' work queue: statuses whose last day falls within `withinDays`, soonest first. */
export async function listExpiringStatuses(
  ctx: Context,
  app: App,
  args: PageArgs & { withinDays: number },
): Promise<ExpiringStatusPage> {
  if (!hasRole(ctx.principal, 'migration_officer')) throw forbidden('Work queues are for migration officers.');
  if (!Number.isInteger(args.withinDays) || args.withinDays < 0 || args.withinDays > MAX_WITHIN_DAYS) {
    throw badUserInput(`\`withinDays\` must be between 0 and ${MAX_WITHIN_DAYS}.`, 'withinDays');
  }
  const page = toPage({ first: args.first, after: args.after });
  const today = app.clock.today();
  const window = { from: today, to: addDays(today, args.withinDays) };
  const rows = await listExpiring(ctx.db, { ...window, after: page.after, limit: page.limit });
  const { edges, pageInfo } = toConnection(rows, page, (r) => ({ key: r.validUntil, id: r.nomadId }));
  return {
    // One batch: the loads start in the same tick.
    edges: await Promise.all(
      edges.map(async (e) => ({
        // Read (and so sealed) only when the client selects it, as toConnection's own edges.
        get cursor() {
          return e.cursor;
        },
        node: await loadExisting(ctx.loaders.nomadById, e.node.nomadId, "An expiring status's nomad"),
        validUntil: e.node.validUntil,
      })),
    ),
    pageInfo,
    totalCount: () => countExpiring(ctx.db, window),
  };
}

/**
 * The initial 60-day grant that an approval gives: from the approval day. Called inside the
 * approval's transaction.
 */
export async function grantInitialPeriod(
  tx: MigrationDb,
  app: App,
  params: { nomad: NomadRow; pin: string; applicationId: string; activityCode: string; actor: string; rules: Rules },
): Promise<StatusPeriodRow> {
  const today = app.clock.today();
  const period = await insertPeriod(tx, {
    period: {
      nomadId: params.nomad.id,
      kind: 'INITIAL_60_DAYS',
      validFrom: today,
      validUntil: addDays(today, params.rules.initial_period_days - 1),
      applicationId: params.applicationId,
      grantedBy: params.actor,
      grantedAt: app.clock.now().toISOString(),
    },
  });
  await insertStatusEvent(tx, { event: { nomadId: params.nomad.id, kind: 'GRANTED', effectiveOn: today, actor: params.actor, periodId: period.id, at: app.clock.now().toISOString() } });
  await publish(tx, 'StatusGranted', params.nomad.id, {
    nomadId: params.nomad.id,
    pin: params.pin,
    periodKind: 'INITIAL_60_DAYS',
    validFrom: period.validFrom,
    validUntil: period.validUntil,
    activityCode: params.activityCode,
  });
  return period;
}

/**
 * Records the expiry of every status whose last period has ended: a status event and a
 * StatusExpired domain event, once per period even with several sweepers running (a unique
 * index refuses a second record). Returns how many expiries it recorded.
 */
export async function recordExpiries(db: MigrationDb, app: App, batch = 200): Promise<number> {
  const today = app.clock.today();
  let recorded = 0;
  for (;;) {
    const due = await findUnrecordedExpiries(db, { today, limit: batch });
    if (due.length === 0) return recorded;
    for (const period of due) {
      const done = await db.transaction(async (tx) => {
        const nomad = await lockNomad(tx, { nomadId: period.nomadId });
        if (!nomad) return false;
        const inserted = await insertExpiryOnce(tx, { nomadId: nomad.id, periodId: period.id, effectiveOn: addDays(period.validUntil, 1), at: app.clock.now().toISOString() });
        if (!inserted) return false;
        await publish(tx, 'StatusExpired', nomad.id, { nomadId: nomad.id, pin: pinOf(nomad), expiredOn: addDays(period.validUntil, 1) });
        return true;
      });
      if (done) recorded += 1;
    }
    if (due.length < batch) return recorded;
  }
}

/**
 * An officer's free-text remark on a status change, for the reader: analysts get null (free
 * text may name the person, an employer or a passport; DOMAIN: analysts never see free text).
 */
export function statusRemarkFor(ctx: Context, reason: string | null | undefined): string | null {
  return isAnalyst(ctx.principal) ? null : (reason ?? null);
}
