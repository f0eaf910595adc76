import {
  abort,
  concurrentChange,
  EventRejection,
  RejectedEvent,
  forbidden,
  hasRole,
  ignoreEvent,
  recordServiceProcessing,
  isIsoDate,
  isUuid,
  runIdempotent,
  toConnection,
  toPage,
  userError,
  UserErrorsAbort,
  type CountedConnection,
  type DomainEvent,
  type EventIgnored,
  type PageArgs,
  type UserError,
} from '@nomad/kit';
import type { App } from '../../app.ts';
import { addDays, bishkekDate, daysBetween } from '../../clock.ts';
import type { Context } from '../../context.ts';
import type { SecurityDb } from '../../db/index.ts';
import { accessTables, idempotencyKeys, type ExitWatchRow } from '../../db/schema.ts';
import { ACCESS_POLICY } from '../../personal-fields.ts';
import { getAnnouncedValueAt } from '../rules/queries.ts';
import { ExitDays, loadRules, type Rules } from '../rules/service.ts';
import { assertKnownDependant, assertKnownHolder, assertKnownPrincipal } from '../subjects/service.ts';
import { confirmDepartureIf, countOverdueWatches, findExitWatchOf, findLatestExitWatchOf, getExitWatch, insertExitWatch, listOverdueWatches, type WatchedPerson } from './queries.ts';

/**
 * A status end older than the one GKNB already watches for the person (by the day the status
 * ended) changes nothing: a late fact never opens a watch behind a later one. Returns why, or null.
 */
async function olderThanWatched(tx: SecurityDb, person: WatchedPerson, endedOn: string): Promise<string | null> {
  const latest = await findLatestExitWatchOf(tx, person);
  return latest && latest.endedOn > endedOn ? `the status end of ${endedOn} is older than the one exit watch ${latest.id} watches (${latest.endedOn})` : null;
}

/**
 * Handler of StatusRevoked: a nomad GKNB never heard of (neither screened nor announced by a
 * grant) is refused for good (`EVENT_SUBJECT_UNKNOWN`). The holder must leave by the deadline
 * migration computed, which must be `exit_days_after_revocation` after the revocation day, as
 * migration announced the rule when it computed the deadline (`exitDaysAnnouncedAt`; else its
 * latest `RulesChanged`, the decree's 15 days until the first announcement; otherwise refused for
 * good, `EVENT_FACT_CONFLICT`: GKNB never watches a deadline the rule does not set). The same status end reported again
 * (another event of the same revocation) opens no second watch, nor does one older than the end
 * already watched: acknowledged as ignored.
 */
export async function watchRevocation(tx: SecurityDb, event: DomainEvent<'StatusRevoked'>): Promise<EventIgnored | undefined> {
  const { nomadId, pin, ground, revokedAt, exitDeadline } = event.payload;
  await assertKnownHolder(tx, nomadId, 'was revoked');
  const endedOn = bishkekDate(new Date(revokedAt));
  await assertDecreedDeadline(tx, `the revocation of nomad ${nomadId}`, endedOn, event.payload, await loadRules(tx));
  const holder = { nomadId, dependantId: null };
  const known = await findExitWatchOf(tx, { ...holder, cause: 'REVOKED', endedOn });
  if (known) return ignoreEvent(`exit watch ${known.id} already watches this revocation`);
  const older = await olderThanWatched(tx, holder, endedOn);
  if (older) return ignoreEvent(older);
  await insertExitWatch(tx, { nomadId, pin, cause: 'REVOKED', ground, endedOn, exitDeadlineOn: exitDeadline });
  await recordWatchOpened(tx, event, ['ExitWatch.pin', 'ExitWatch.ground']);
  return undefined;
}

/**
 * GKNB never watches a deadline the rule does not set: `exit_days_after_revocation` (migration's,
 * as announced) after the day a status was revoked (`EVENT_FACT_CONFLICT` otherwise). A deadline
 * that names when the exit days it followed were announced (`exitDaysAnnouncedAt`) is judged by
 * the value announced then, whatever was announced since (the rule may have changed again before
 * the event arrived); if GKNB has not received that announcement yet (the `RulesChanged` is still
 * on its way) it is not judged: the event fails and is delivered again, until it has arrived. One
 * that names none is judged by the latest announcement. Returns the deadline.
 */
async function assertDecreedDeadline(
  tx: SecurityDb,
  what: string,
  endedOn: string,
  fact: { exitDeadline: string | null; exitDaysAnnouncedAt?: string | undefined },
  rules: Pick<Rules, 'exit_days_after_revocation'>,
): Promise<string> {
  const { exitDeadline, exitDaysAnnouncedAt } = fact;
  let days = rules.exit_days_after_revocation;
  if (exitDaysAnnouncedAt !== undefined) {
    const announced = await getAnnouncedValueAt(tx, { key: 'exit_days_after_revocation', announcedAt: exitDaysAnnouncedAt });
    if (announced === undefined) {
      throw new Error(`${what} follows migration's exit days announced at ${exitDaysAnnouncedAt}, an announcement GKNB has not received yet: to be delivered again`);
    }
    days = ExitDays.parse(announced);
  }
  const decreed = addDays(endedOn, days);
  if (exitDeadline !== decreed) {
    const as = exitDaysAnnouncedAt === undefined ? '' : `, as announced at ${exitDaysAnnouncedAt}`;
    throw new RejectedEvent(EventRejection.FACT_CONFLICT, `${what} on ${endedOn} gives the exit deadline ${exitDeadline ?? 'none'}, not ${decreed} (${days} days${as})`);
  }
  return decreed;
}

/**
 * After an expiry GKNB sets the deadline itself (`expiry_exit_days`); a family member's end by
 * the principal's expiry that names another deadline contradicts it (`EVENT_FACT_CONFLICT`).
 */
function assertExpiryDeadline(what: string, endedOn: string, exitDeadline: string | null, rules: Pick<Rules, 'expiry_exit_days'>): string {
  const own = addDays(endedOn, rules.expiry_exit_days);
  if (exitDeadline !== null && exitDeadline !== own) {
    throw new RejectedEvent(EventRejection.FACT_CONFLICT, `${what} on ${endedOn} gives the exit deadline ${exitDeadline}, not ${own} (${rules.expiry_exit_days} days after an expiry)`);
  }
  return own;
}

/** Opening a watch processes the former holder's PIN (and ground): recorded in the handler's transaction. */
function recordWatchOpened(tx: SecurityDb, event: DomainEvent<'StatusRevoked' | 'StatusExpired'>, fields: ('ExitWatch.pin' | 'ExitWatch.ground')[]) {
  return recordServiceProcessing(tx, accessTables, ACCESS_POLICY, {
    service: `${event.type} from ${event.producer}`,
    purpose: 'Watch the former holder\'s exit deadline',
    subjectIds: [event.payload.nomadId],
    fields,
    bulk: false,
    correlationId: event.id,
  });
}

/**
 * Handler of StatusExpired: the decree sets 15 days to leave after a revocation only; GKNB
 * watches expiries the same way with the rule `expiry_exit_days` ([I], default 15). A nomad
 * GKNB never heard of is refused for good (`EVENT_SUBJECT_UNKNOWN`), as for a revocation.
 */
export async function watchExpiry(tx: SecurityDb, event: DomainEvent<'StatusExpired'>): Promise<EventIgnored | undefined> {
  const { nomadId, pin, expiredOn } = event.payload;
  await assertKnownHolder(tx, nomadId, 'expired');
  const holder = { nomadId, dependantId: null };
  const known = await findExitWatchOf(tx, { ...holder, cause: 'EXPIRED', endedOn: expiredOn });
  if (known) return ignoreEvent(`exit watch ${known.id} already watches this expiry`);
  const older = await olderThanWatched(tx, holder, expiredOn);
  if (older) return ignoreEvent(older);
  const rules = await loadRules(tx);
  await insertExitWatch(tx, { nomadId, pin, cause: 'EXPIRED', ground: null, endedOn: expiredOn, exitDeadlineOn: addDays(expiredOn, rules.expiry_exit_days) });
  await recordWatchOpened(tx, event, ['ExitWatch.pin']);
  return undefined;
}

/**
 * Handler of DependantStatusEnded: a family member leaves with the principal, by the same
 * deadline (the principal's exit deadline for a revocation, `expiry_exit_days` after an expiry
 * as for the principal); an officer's end of the dependant's status counts as a revocation, so
 * its deadline too must be `exit_days_after_revocation` as announced; after an expiry the
 * deadline is GKNB's own, and one the event names must be it (else refused for good,
 * `EVENT_FACT_CONFLICT`). The watch's nomad is the principal (the Nomad migration resolves), its
 * `dependant_id` the family member. A family member no DependantAdded announced is refused for
 * good (`EVENT_SUBJECT_UNKNOWN`); a known family member's principal GKNB has not heard of yet
 * (their grant is still on its way: events of different aggregates arrive in any order) makes
 * the event fail, to be delivered again. The same end again, or one older than the family member's end
 * already watched, opens nothing: acknowledged as ignored.
 */
export async function watchDependantExit(tx: SecurityDb, event: DomainEvent<'DependantStatusEnded'>): Promise<EventIgnored | undefined> {
  const { dependantId, principalId, pin, cause, endedOn, exitDeadline } = event.payload;
  await assertKnownDependant(tx, dependantId);
  await assertKnownPrincipal(tx, principalId, dependantId);
  const rules = await loadRules(tx);
  const what = `the end of the status of dependant ${dependantId}`;
  let deadline: string;
  if (cause === 'EXPIRED') deadline = assertExpiryDeadline(what, endedOn, exitDeadline, rules);
  else {
    deadline = await assertDecreedDeadline(tx, what, endedOn, event.payload, rules);
  }
  const person = { nomadId: principalId, dependantId };
  const watchCause = cause === 'EXPIRED' ? 'EXPIRED' : 'REVOKED';
  const known = await findExitWatchOf(tx, { ...person, cause: watchCause, endedOn });
  if (known) return ignoreEvent(`exit watch ${known.id} already watches this dependant's status end`);
  const older = await olderThanWatched(tx, person, endedOn);
  if (older) return ignoreEvent(older);
  const ground = cause === 'ENDED' ? 'DEPENDANT_STATUS_ENDED' : cause === 'REVOKED' ? 'PRINCIPAL_REVOKED' : null;
  await insertExitWatch(tx, { ...person, pin, cause: watchCause, ground, endedOn, exitDeadlineOn: deadline });
  await recordServiceProcessing(tx, accessTables, ACCESS_POLICY, {
    service: `${event.type} from ${event.producer}`,
    purpose: "Watch the former dependant's exit deadline",
    // A family member's data is recorded under the principal, as migration records its reads.
    subjectIds: [principalId],
    fields: ground ? ['ExitWatch.pin', 'ExitWatch.ground'] : ['ExitWatch.pin'],
    bulk: false,
    correlationId: event.id,
  });
  return undefined;
}

function assertSecurityOfficer(ctx: Context): void {
  if (!hasRole(ctx.principal, 'security_officer')) throw forbidden('Only security officers may read exit deadlines.');
}

/** Former holders past their exit deadline whose departure nobody confirmed, earliest deadline first. */
export async function overdueDeparturesFor(ctx: Context, app: App, args: PageArgs): Promise<CountedConnection<ExitWatchRow>> {
  assertSecurityOfficer(ctx);
  const page = toPage(args);
  const today = app.clock.today();
  const rows = await listOverdueWatches(ctx.db, { today, page });
  return {
    ...toConnection(rows, page, (r) => ({ key: r.exitDeadlineOn, id: r.id })),
    totalCount: () => countOverdueWatches(ctx.db, { today }),
  };
}

/** Days past the deadline as of today (0 on or before it). */
export function daysOverdue(watch: Pick<ExitWatchRow, 'exitDeadlineOn'>, today: string): number {
  return Math.max(0, daysBetween(watch.exitDeadlineOn, today));
}

export interface ConfirmDepartureInput {
  watchId: string;
  expectedVersion?: number | null;
  departedOn: string;
  note?: string | null;
}

export interface ExitWatchPayload {
  exitWatch: ExitWatchRow | null;
  userErrors: UserError[];
}

/** Records that a former holder left (e.g. a border-crossing record); the watch leaves the overdue list. */
export async function confirmDeparture(ctx: Context, app: App, input: ConfirmDepartureInput): Promise<ExitWatchPayload> {
  if (!hasRole(ctx.principal, 'security_officer')) {
    return { exitWatch: null, userErrors: [userError('FORBIDDEN', 'Only a security officer may do this.')] };
  }
  if (!isIsoDate(input.departedOn)) {
    return { exitWatch: null, userErrors: [userError('INVALID_FORMAT', 'The departure day must be a date YYYY-MM-DD.', 'input.departedOn')] };
  }
  if (input.departedOn > app.clock.today()) {
    return { exitWatch: null, userErrors: [userError('DATE_IN_FUTURE', 'A departure cannot be confirmed before it happens.', 'input.departedOn')] };
  }
  if (!isUuid(input.watchId)) {
    return { exitWatch: null, userErrors: [userError('WATCH_NOT_FOUND', 'No such exit watch.', 'input.watchId')] };
  }
  try {
    const { result } = await runIdempotent(
      ctx.db,
      { idempotencyKeys },
      { key: ctx.idempotencyKey, principalSub: ctx.principal.sub, operation: 'confirmDeparture', input },
      async (tx) => {
        const current = await getExitWatch(tx, { id: input.watchId });
        if (!current) throw abort('WATCH_NOT_FOUND', 'No such exit watch.', 'input.watchId');
        if (input.expectedVersion != null && input.expectedVersion !== current.version) {
          throw abort('CONFLICT', 'The watch changed since you read it; reload and try again.', 'input.expectedVersion');
        }
        if (current.departureConfirmedOn !== null) throw abort('INVALID_TRANSITION', 'The departure is already confirmed.', 'input.watchId');
        if (input.departedOn < current.endedOn) {
          throw abort('DEPARTURE_BEFORE_END', 'The departure cannot precede the end of the status.', 'input.departedOn');
        }
        const updated = await confirmDepartureIf(tx, {
          id: current.id,
          version: current.version,
          departedOn: input.departedOn,
          confirmedBy: ctx.principal.sub,
          note: input.note?.trim() || null,
        });
        if (!updated) throw concurrentChange('Someone else confirmed it at the same time; reload.', 'input.watchId');
        return { exitWatch: updated, userErrors: [] } satisfies ExitWatchPayload;
      },
    );
    ctx.logger.info({ watchId: input.watchId }, 'departure confirmed');
    return result;
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { exitWatch: null, userErrors: err.userErrors };
    throw err;
  }
}
