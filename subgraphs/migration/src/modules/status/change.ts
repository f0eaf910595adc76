import { hasRole, isUuid, lastDayOfTerm, runIdempotent, userError, UserErrorsAbort, type UserError } from '@nomad/kit';
import type { App } from '../../app.ts';
import { addDays } from '../../clock.ts';
import type { Context } from '../../context.ts';
import type { MigrationDb } from '../../db/index.ts';
import { idempotencyKeys, type NomadRow, type StatusEventRow, type StatusPeriodRow } from '../../db/schema.ts';
import { publish } from '../../events.ts';
import { loadRules, type Rules } from '../rules/service.ts';
import { nextPeriodStart, type DerivedStatus } from './derive.ts';
import { insertPeriod, insertStatusEvent, lockNomad } from './queries.ts';
import { ceilingOf, pinOf, statusOf } from './service.ts';

export type RevocationGround = 'RULES_BREACH' | 'ACTIVITY_ENDED' | 'NATIONAL_SECURITY_THREAT';

export interface StatusPayload {
  nomadId: string | null;
  userErrors: UserError[];
}

export type StatusAction = 'extendStatus' | 'renewStatus' | 'suspendStatus' | 'reinstateStatus' | 'revokeStatus';

export interface StatusChangeInput {
  nomadId: string;
  reason?: string | null;
  ground?: RevocationGround | null;
}

/** What every step of a change works with, read once inside the change's transaction. */
interface Change {
  tx: MigrationDb;
  nomad: NomadRow;
  status: DerivedStatus;
  periods: StatusPeriodRow[];
  events: StatusEventRow[];
  rules: Rules;
  input: StatusChangeInput;
  actor: string;
  today: string;
  now: string;
}

const invalid = (message: string) => new UserErrorsAbort([userError('INVALID_TRANSITION', message, 'input.nomadId')]);

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
  try {
    const { result } = await runIdempotent(
      ctx.db,
      { idempotencyKeys },
      { key: ctx.idempotencyKey, principalSub: ctx.principal.sub, operation: action, input },
      async (tx) => {
        const change = await openChange(tx, app, input, ctx.principal.sub);
        await STEPS[action](change);
        ctx.logger.info({ nomadId: change.nomad.id, action }, 'status changed');
        return { nomadId: change.nomad.id, userErrors: [] } satisfies StatusPayload;
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

/** Locks the nomad and reads their status as of today: refused for one who never held it. */
async function openChange(tx: MigrationDb, app: App, input: StatusChangeInput, actor: string): Promise<Change> {
  const nomad = await lockNomad(tx, { nomadId: input.nomadId });
  if (!nomad) throw new UserErrorsAbort([userError('NOMAD_NOT_FOUND', 'No such nomad.', 'input.nomadId')]);
  const today = app.clock.today();
  const now = app.clock.now().toISOString();
  const rules = await loadRules(tx);
  const { status, periods, events } = await statusOf(tx, nomad.id, today);
  if (!status) throw invalid('This nomad has never held the status.');
  return { tx, nomad, status, periods, events, rules, input, actor, today, now };
}

const STEPS: Record<StatusAction, (change: Change) => Promise<void>> = {
  extendStatus: (c) => addYear(c, 'EXTENSION_1_YEAR'),
  renewStatus: (c) => addYear(c, 'RENEWAL'),
  suspendStatus: suspend,
  reinstateStatus: reinstate,
  revokeStatus: revoke,
};

const abort = (code: string, message: string) => new UserErrorsAbort([userError(code, message, 'input.nomadId')]);

/**
 * The extension after the initial period (`extension_years`), or a yearly renewal after
 * that: a new period from the day after the chain's last. A renewal is asked for inside
 * `renewal_window_days` before that last day (so none is stacked ahead), never runs past the
 * person's ceiling, and the passport must outlive the new period (as at intake).
 */
async function addYear(c: Change, kind: 'EXTENSION_1_YEAR' | 'RENEWAL'): Promise<void> {
  const { status, nomad, rules } = c;
  if (status.state !== 'ACTIVE') throw invalid(`A status that is ${status.state} cannot be ${kind === 'EXTENSION_1_YEAR' ? 'extended' : 'renewed'}.`);
  const last = c.periods.filter((p) => p.validFrom >= status.chainStartedOn).at(-1) ?? status.period;
  if (kind === 'EXTENSION_1_YEAR' && last.kind !== 'INITIAL_60_DAYS') throw invalid('The extension follows the initial period only; use renewStatus.');
  if (kind === 'RENEWAL' && last.kind === 'INITIAL_60_DAYS') throw invalid('The initial period is followed by the extension; use extendStatus.');
  if (kind === 'RENEWAL') {
    const opensOn = addDays(status.validUntil, -rules.renewal_window_days);
    if (c.today < opensOn) {
      throw abort('RENEWAL_WINDOW_NOT_OPEN', `A renewal may be requested from ${opensOn}, ${rules.renewal_window_days} days before the status ends on ${status.validUntil}.`);
    }
  }
  const validFrom = nextPeriodStart(status);
  const validUntil = lastDayOfTerm(validFrom, kind === 'EXTENSION_1_YEAR' ? rules.extension_years : 1);
  const ceiling = ceilingOf(rules, c.periods);
  if (validUntil > ceiling) {
    throw abort('STATUS_CEILING_REACHED', `The status may not run past ${ceiling}: ${rules.status_ceiling_years} years from the first grant.`);
  }
  if (nomad.passportExpiresOn <= validUntil) {
    throw abort('PASSPORT_EXPIRES_TOO_SOON', `The passport on record expires on ${nomad.passportExpiresOn}; it must be valid after ${validUntil}, the last day of the new period.`);
  }
  const period = await insertPeriod(c.tx, { period: { nomadId: nomad.id, kind, validFrom, validUntil, grantedBy: c.actor, grantedAt: c.now } });
  await insertStatusEvent(c.tx, { event: { nomadId: nomad.id, kind: kind === 'RENEWAL' ? 'RENEWED' : 'EXTENDED', effectiveOn: validFrom, actor: c.actor, periodId: period.id, at: c.now } });
  await publish(c.tx, 'StatusExtended', nomad.id, { nomadId: nomad.id, pin: pinOf(nomad), periodKind: kind, validFrom, validUntil });
}

async function suspend(c: Change): Promise<void> {
  if (c.status.state !== 'ACTIVE') throw invalid(`A status that is ${c.status.state} cannot be suspended.`);
  const reason = c.input.reason?.trim();
  if (!reason) throw new UserErrorsAbort([userError('REASON_REQUIRED', 'Give the reason for the suspension.', 'input.reason')]);
  await insertStatusEvent(c.tx, { event: { nomadId: c.nomad.id, kind: 'SUSPENDED', effectiveOn: c.today, actor: c.actor, reason, periodId: c.status.period.id, at: c.now } });
  await publish(c.tx, 'StatusSuspended', c.nomad.id, { nomadId: c.nomad.id, pin: pinOf(c.nomad), at: c.now, ground: reason });
}

async function reinstate(c: Change): Promise<void> {
  if (c.status.state !== 'SUSPENDED') throw invalid(`Only a suspended status can be reinstated; this one is ${c.status.state}.`);
  const reason = c.input.reason?.trim() || null;
  await insertStatusEvent(c.tx, { event: { nomadId: c.nomad.id, kind: 'REINSTATED', effectiveOn: c.today, actor: c.actor, reason, periodId: c.status.period.id, at: c.now } });
  await publish(c.tx, 'StatusReinstated', c.nomad.id, { nomadId: c.nomad.id, pin: pinOf(c.nomad), at: c.now });
}

/** Revocation: the holder has `exit_days_after_revocation` days to leave. */
async function revoke(c: Change): Promise<void> {
  if (c.status.state !== 'ACTIVE' && c.status.state !== 'SUSPENDED') throw invalid(`A status that is ${c.status.state} cannot be revoked.`);
  const ground = c.input.ground;
  if (!ground) throw new UserErrorsAbort([userError('GROUND_REQUIRED', 'Give the ground for the revocation.', 'input.ground')]);
  const exitDeadlineOn = addDays(c.today, c.rules.exit_days_after_revocation);
  await insertStatusEvent(c.tx, {
    event: { nomadId: c.nomad.id, kind: 'REVOKED', effectiveOn: c.today, actor: c.actor, revocationGround: ground, reason: c.input.reason?.trim() || null, exitDeadlineOn, periodId: c.status.period.id, at: c.now },
  });
  await publish(c.tx, 'StatusRevoked', c.nomad.id, { nomadId: c.nomad.id, pin: pinOf(c.nomad), ground, revokedAt: c.now, exitDeadline: exitDeadlineOn });
}
