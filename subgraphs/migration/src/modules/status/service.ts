import { hasRole, isUuid, runIdempotent, userError, UserErrorsAbort, type UserError } from '@nomad/kit';
import type { App } from '../../app.ts';
import { addDays } from '../../clock.ts';
import type { Context } from '../../context.ts';
import type { MigrationDb } from '../../db/index.ts';
import { idempotencyKeys, statusEvents, type NomadRow, type StatusPeriodRow } from '../../db/schema.ts';
import { publish } from '../../events.ts';
import { loadRules, type Rules } from '../rules/service.ts';
import { deriveStatus, nextPeriodStart, type DerivedStatus } from './derive.ts';
import { findUnrecordedExpiries, getEventsByNomadIds, getPeriodsByNomadIds, insertPeriod, insertStatusEvent, lockNomad } from './queries.ts';

export type RevocationGround = 'RULES_BREACH' | 'ACTIVITY_ENDED' | 'NATIONAL_SECURITY_THREAT';

export interface StatusPayload {
  nomadId: string | null;
  userErrors: UserError[];
}

/** A status holder always has a PIN (assigned at approval or imported); its absence is a bug, not a user error. */
function pinOf(nomad: NomadRow): string {
  if (!nomad.pin) throw new Error(`status holder ${nomad.id} has no PIN`);
  return nomad.pin;
}

/** Years from the first day of a chain to the last day any renewal may reach. */
export function ceilingOf(rules: Rules, chainStartedOn: string): string {
  const [y, m, d] = chainStartedOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + rules.status_ceiling_years, m - 1, d));
  return addDays(end.toISOString().slice(0, 10), -1);
}

export async function statusOf(db: MigrationDb, nomadId: string, day: string): Promise<{ status: DerivedStatus | null; periods: StatusPeriodRow[] }> {
  const [periods, events] = await Promise.all([getPeriodsByNomadIds(db, { nomadIds: [nomadId] }), getEventsByNomadIds(db, { nomadIds: [nomadId] })]);
  return { status: deriveStatus(periods, events, day), periods };
}

/**
 * The initial 60-day grant that an approval gives: from the approval day. Called inside the
 * approval's transaction.
 */
export async function grantInitialPeriod(
  tx: MigrationDb,
  app: App,
  params: { nomad: NomadRow; pin: string; applicationId: string; actor: string; rules: Rules },
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
  });
  return period;
}

type StatusAction = 'extendStatus' | 'renewStatus' | 'suspendStatus' | 'reinstateStatus' | 'revokeStatus';

interface StatusChangeInput {
  nomadId: string;
  reason?: string | null;
  ground?: RevocationGround | null;
}

/**
 * Runs one status change for a migration officer: locks the nomad, derives the status as of
 * today, checks the action is allowed from it, writes the period/event and the domain event
 * in one transaction (idempotent under `Idempotency-Key`).
 */
export async function changeStatus(ctx: Context, app: App, action: StatusAction, input: StatusChangeInput): Promise<StatusPayload> {
  if (!hasRole(ctx.principal, 'migration_officer')) {
    return { nomadId: null, userErrors: [userError('FORBIDDEN', 'Only a migration officer may change a status.')] };
  }
  if (!isUuid(input.nomadId)) return { nomadId: null, userErrors: [userError('NOMAD_NOT_FOUND', 'No such nomad.', 'input.nomadId')] };
  const actor = ctx.principal.sub;
  try {
    const { result } = await runIdempotent(
      ctx.db,
      { idempotencyKeys },
      { key: ctx.idempotencyKey, principalSub: actor, operation: action, input },
      async (tx) => {
        const nomad = await lockNomad(tx, { nomadId: input.nomadId });
        if (!nomad) throw new UserErrorsAbort([userError('NOMAD_NOT_FOUND', 'No such nomad.', 'input.nomadId')]);
        const today = app.clock.today();
        const now = app.clock.now().toISOString();
        const rules = await loadRules(tx);
        const { status, periods } = await statusOf(tx, nomad.id, today);
        const invalid = (message: string) => new UserErrorsAbort([userError('INVALID_TRANSITION', message, 'input.nomadId')]);
        if (!status) throw invalid('This nomad has never held the status.');
        const last = periods.filter((p) => p.validFrom >= status.chainStartedOn).at(-1) ?? status.period;
        switch (action) {
          case 'extendStatus':
          case 'renewStatus': {
            if (status.state !== 'ACTIVE') throw invalid(`A status that is ${status.state} cannot be ${action === 'extendStatus' ? 'extended' : 'renewed'}.`);
            const kind = action === 'extendStatus' ? 'EXTENSION_1_YEAR' : 'RENEWAL';
            if (kind === 'EXTENSION_1_YEAR' && last.kind !== 'INITIAL_60_DAYS') {
              throw invalid('The 1-year extension follows the initial 60-day period only; use renewStatus.');
            }
            if (kind === 'RENEWAL' && last.kind === 'INITIAL_60_DAYS') {
              throw invalid('The initial period is followed by the 1-year extension; use extendStatus.');
            }
            const validFrom = nextPeriodStart(status);
            const [y, m, d] = validFrom.split('-').map(Number) as [number, number, number];
            const validUntil = addDays(new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10), -1);
            const ceiling = ceilingOf(rules, status.chainStartedOn);
            if (validUntil > ceiling) {
              throw new UserErrorsAbort([
                userError('STATUS_CEILING_REACHED', `The status may not run past ${ceiling}: ${rules.status_ceiling_years} years in total.`, 'input.nomadId'),
              ]);
            }
            const period = await insertPeriod(tx, { period: { nomadId: nomad.id, kind, validFrom, validUntil, grantedBy: actor, grantedAt: now } });
            await insertStatusEvent(tx, { event: { nomadId: nomad.id, kind: kind === 'RENEWAL' ? 'RENEWED' : 'EXTENDED', effectiveOn: validFrom, actor, periodId: period.id, at: now } });
            await publish(tx, 'StatusExtended', nomad.id, { nomadId: nomad.id, pin: pinOf(nomad), periodKind: kind, validFrom, validUntil });
            break;
          }
          case 'suspendStatus': {
            if (status.state !== 'ACTIVE') throw invalid(`A status that is ${status.state} cannot be suspended.`);
            const reason = input.reason?.trim();
            if (!reason) throw new UserErrorsAbort([userError('REASON_REQUIRED', 'Give the reason for the suspension.', 'input.reason')]);
            await insertStatusEvent(tx, { event: { nomadId: nomad.id, kind: 'SUSPENDED', effectiveOn: today, actor, reason, periodId: status.period.id, at: now } });
            await publish(tx, 'StatusSuspended', nomad.id, { nomadId: nomad.id, pin: pinOf(nomad), at: now, ground: reason });
            break;
          }
          case 'reinstateStatus': {
            if (status.state !== 'SUSPENDED') throw invalid(`Only a suspended status can be reinstated; this one is ${status.state}.`);
            await insertStatusEvent(tx, { event: { nomadId: nomad.id, kind: 'REINSTATED', effectiveOn: today, actor, reason: input.reason?.trim() || null, periodId: status.period.id, at: now } });
            await publish(tx, 'StatusReinstated', nomad.id, { nomadId: nomad.id, pin: pinOf(nomad), at: now });
            break;
          }
          case 'revokeStatus': {
            if (status.state !== 'ACTIVE' && status.state !== 'SUSPENDED') throw invalid(`A status that is ${status.state} cannot be revoked.`);
            if (!input.ground) throw new UserErrorsAbort([userError('GROUND_REQUIRED', 'Give the ground for the revocation.', 'input.ground')]);
            const exitDeadlineOn = addDays(today, rules.exit_days_after_revocation);
            await insertStatusEvent(tx, {
              event: { nomadId: nomad.id, kind: 'REVOKED', effectiveOn: today, actor, revocationGround: input.ground, reason: input.reason?.trim() || null, exitDeadlineOn, periodId: status.period.id, at: now },
            });
            await publish(tx, 'StatusRevoked', nomad.id, { nomadId: nomad.id, pin: pinOf(nomad), ground: input.ground, revokedAt: now, exitDeadline: exitDeadlineOn });
            break;
          }
        }
        ctx.logger.info({ nomadId: nomad.id, action }, 'status changed');
        return { nomadId: nomad.id, userErrors: [] } satisfies StatusPayload;
      },
    );
    ctx.loaders.statusPeriodsByNomad.clear(input.nomadId);
    ctx.loaders.statusEventsByNomad.clear(input.nomadId);
    return result;
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { nomadId: null, userErrors: err.userErrors };
    throw err;
  }
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
        const inserted = await insertStatusEventOnce(tx, { nomadId: nomad.id, periodId: period.id, effectiveOn: addDays(period.validUntil, 1), at: app.clock.now().toISOString() });
        if (!inserted) return false;
        await publish(tx, 'StatusExpired', nomad.id, { nomadId: nomad.id, pin: pinOf(nomad), expiredOn: addDays(period.validUntil, 1) });
        return true;
      });
      if (done) recorded += 1;
    }
    if (due.length < batch) return recorded;
  }
}

async function insertStatusEventOnce(tx: MigrationDb, params: { nomadId: string; periodId: string; effectiveOn: string; at: string }): Promise<boolean> {
  const rows = await tx
    .insert(statusEvents)
    .values({ nomadId: params.nomadId, kind: 'EXPIRED', effectiveOn: params.effectiveOn, actor: 'system', periodId: params.periodId, at: params.at })
    .onConflictDoNothing()
    .returning({ id: statusEvents.id });
  return rows.length > 0;
}
