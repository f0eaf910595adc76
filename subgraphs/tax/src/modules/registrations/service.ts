import {
  abort,
  concurrentChange,
  badUserInput,
  EventRejection,
  RejectedEvent,
  isUuid,
  isValidPin,
  parsePgTimestamp,
  runIdempotent,
  toConnection,
  toPage,
  userError,
  UserErrorsAbort,
  type CountedConnection,
  type PageArgs,
  type UserError,
} from '@nomad/kit';
import { assertMayReadNomadTax, assertTaxOfficer, isTaxOfficer, ownNomadId } from '../../access.ts';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { TaxDb } from '../../db/index.ts';
import { idempotencyKeys, type RegistrationRow, type RegistrationState } from '../../db/schema.ts';
import {
  countRegistrations,
  getDefaultRegime,
  getRegimeByCode,
  insertRegisterEntry,
  insertRegistration,
  listRegistrations,
  lockRegistration,
  updateRegistrationIf,
  type RegistrationFilter,
} from './queries.ts';

export type RegistrationAction = 'reregister' | 'deregister' | 'changeRegime';

/** The officer's transitions as data: from which states each is allowed and where it leads. */
export const TRANSITIONS: Record<RegistrationAction, { from: readonly RegistrationState[]; to: RegistrationState | null }> = {
  reregister: { from: ['PENDING_REREGISTRATION'], to: 'REREGISTERED' },
  deregister: { from: ['DEREGISTRATION_PENDING'], to: 'DEREGISTERED' },
  changeRegime: { from: ['PENDING_REREGISTRATION', 'REREGISTERED', 'DEREGISTRATION_PENDING'], to: null },
};

export interface RegistrationPayload {
  registration: RegistrationRow | null;
  userErrors: UserError[];
}

// ---------------------------------------------------------------------------------------------
// Status facts from migration (event handlers call these inside the inbox transaction).
// ---------------------------------------------------------------------------------------------

export interface StatusFact {
  nomadId: string;
  pin: string;
  /** The event's `occurredAt`: a fact older than the last one applied changes nothing. */
  occurredAt: string;
  now: string;
}

/** What a status fact did to the register: the registration as it now stands, and why nothing changed (if so). */
export interface StatusFactResult {
  registration: RegistrationRow;
  /** Set when the fact changed nothing (older than the last fact applied). */
  ignored?: string;
}

/**
 * A fact older (by the event's `occurredAt`) than the last one applied (`last_fact_at`) changes
 * nothing: a revocation delivered after a later re-grant must not deregister the IE again.
 */
function staleness(row: RegistrationRow, occurredAt: string): string | null {
  if (row.lastFactAt === null || new Date(occurredAt).getTime() >= parsePgTimestamp(row.lastFactAt).getTime()) return null;
  return `the status fact of ${occurredAt} is older than the last one applied to registration ${row.id}`;
}

async function lockByPinOrNomad(tx: TaxDb, fact: StatusFact): Promise<RegistrationRow | null> {
  const row = (await lockRegistration(tx, { pin: fact.pin })) ?? (await lockRegistration(tx, { nomadId: fact.nomadId }));
  // A PIN is one person's for life: a mismatch is a data error for operators, not something to
  // guess at, and no retry mends it: refused for good (dead-lettered).
  if (row && (row.pin !== fact.pin || row.nomadId !== fact.nomadId)) {
    throw new RejectedEvent(EventRejection.FACT_CONFLICT, `registration ${row.id} does not match the nomad and PIN of the status fact`);
  }
  return row;
}

/**
 * A status grant or extension: queues the IE for re-registration, or (a grant) for its first
 * registration when the register has none. A repeated or late fact is harmless: an IE
 * already pending stays pending (only the status end date moves forward). An extension of a
 * holder the register has none for (no grant announced them: every holder, pilot holders
 * included, is) is refused for good (`EVENT_SUBJECT_UNKNOWN`, dead-lettered): tax never
 * invents a registration from an extension. The grant's `activityCode` (when it names one) is
 * the activity statistics count the IE under.
 */
export async function queueReregistration(
  tx: TaxDb,
  fact: StatusFact & { validUntil: string; announcement: 'granted' | 'extended'; activityCode?: string | undefined },
): Promise<StatusFactResult> {
  const existing = await lockByPinOrNomad(tx, fact);
  if (!existing) {
    if (fact.announcement === 'extended') {
      throw new RejectedEvent(EventRejection.SUBJECT_UNKNOWN, `the status of nomad ${fact.nomadId} was extended, but no grant announced them to tax`);
    }
    const regime = await getDefaultRegime(tx);
    if (!regime) throw new Error('no default tax regime is configured (tax.regimes.is_default)');
    const inserted = await insertRegistration(tx, {
      pin: fact.pin,
      nomadId: fact.nomadId,
      state: 'PENDING_REREGISTRATION',
      firstRegistration: true,
      regimeCode: regime.code,
      statusValidUntil: fact.validUntil,
      pendingSince: fact.now,
      lastFactAt: fact.occurredAt,
      activityCode: fact.activityCode ?? null,
    });
    // Only a concurrent insert of the same IE gets here; the producer retries and finds it.
    if (!inserted) throw new Error('a registration for this nomad was created concurrently; retry');
    return { registration: inserted };
  }
  const stale = staleness(existing, fact.occurredAt);
  if (stale) return { registration: existing, ignored: stale };
  const validUntil = existing.statusValidUntil && existing.statusValidUntil > fact.validUntil ? existing.statusValidUntil : fact.validUntil;
  const pending = existing.state === 'PENDING_REREGISTRATION';
  const updated = await updateRegistrationIf(tx, {
    id: existing.id,
    from: [existing.state],
    set: {
      statusValidUntil: validUntil,
      lastFactAt: fact.occurredAt,
      // A grant for a new application names the activity it was granted for; a fact naming none keeps it.
      ...(fact.activityCode ? { activityCode: fact.activityCode } : {}),
      ...(pending ? {} : { state: 'PENDING_REREGISTRATION' as const, pendingSince: fact.now }),
    },
  });
  if (!updated) throw new Error('registration changed under a row lock');
  return { registration: updated };
}

/**
 * A revocation or expiry: queues the IE's deregistration. An IE never entered in the register
 * (its first registration still pending) has nothing to deregister: the pending registration
 * is closed at once. Repeated or older facts change nothing. A revocation or expiry of a
 * holder tax has no registration for (neither by PIN nor by nomad) is refused for good
 * (`EVENT_SUBJECT_UNKNOWN`, dead-lettered): tax never invents a registration to close.
 */
export async function queueDeregistration(tx: TaxDb, fact: StatusFact): Promise<StatusFactResult> {
  const existing = await lockByPinOrNomad(tx, fact);
  if (!existing) throw new RejectedEvent(EventRejection.SUBJECT_UNKNOWN, `the status of nomad ${fact.nomadId} ended, but tax has no registration of theirs`);
  const stale = staleness(existing, fact.occurredAt);
  if (stale) return { registration: existing, ignored: stale };
  const closed = existing.state === 'DEREGISTERED' || existing.state === 'DEREGISTRATION_PENDING';
  const neverRegistered = existing.registeredOn === null;
  const updated = await updateRegistrationIf(tx, {
    id: existing.id,
    from: [existing.state],
    set: {
      lastFactAt: fact.occurredAt,
      ...(closed
        ? {}
        : neverRegistered
          ? { state: 'DEREGISTERED' as const, pendingSince: null }
          : { state: 'DEREGISTRATION_PENDING' as const, pendingSince: fact.now }),
    },
  });
  if (!updated) throw new Error('registration changed under a row lock');
  return { registration: updated };
}

// ---------------------------------------------------------------------------------------------
// The one effect the campaign and an officer share: entering an IE in the register (again).
// ---------------------------------------------------------------------------------------------

/**
 * Re-registers one IE pending re-registration (its first registration when it has none):
 * guarded state change plus a register entry, in the caller's transaction. Null when the row
 * is no longer pending (or moved from `version`).
 */
export async function reregister(
  tx: TaxDb,
  row: RegistrationRow,
  params: { today: string; actor: string; campaignId?: string; version?: number },
): Promise<RegistrationRow | null> {
  const updated = await updateRegistrationIf(tx, {
    id: row.id,
    ...(params.version !== undefined ? { version: params.version } : {}),
    from: TRANSITIONS.reregister.from,
    set: {
      state: 'REREGISTERED',
      firstRegistration: false,
      registeredOn: row.registeredOn ?? params.today,
      lastReregisteredOn: params.today,
      pendingSince: null,
    },
  });
  if (!updated) return null;
  await insertRegisterEntry(tx, {
    registrationId: row.id,
    kind: row.registeredOn === null ? 'REGISTERED' : 'REREGISTERED',
    effectiveOn: params.today,
    actor: params.actor,
    campaignId: params.campaignId ?? null,
  });
  return updated;
}

// ---------------------------------------------------------------------------------------------
// Officer mutations.
// ---------------------------------------------------------------------------------------------

export interface RegisterInput {
  nomadId: string;
  pin?: string | null;
  regimeCode?: string | null;
  activity?: string | null;
}

/** Enters a status holder's IE in the register directly (at the counter, outside a campaign). */
export async function registerIndividualEntrepreneur(ctx: Context, app: App, input: RegisterInput): Promise<RegistrationPayload> {
  if (!isTaxOfficer(ctx.principal)) return { registration: null, userErrors: [userError('FORBIDDEN', 'Only a tax officer may register an IE.')] };
  const errors: UserError[] = [];
  if (!isUuid(input.nomadId)) errors.push(userError('INVALID_FORMAT', 'nomadId must be the Nomad id (a UUID).', 'input.nomadId'));
  const pin = input.pin?.trim() ?? '';
  if (!pin) errors.push(userError('NO_PIN', 'A nomad without a PIN cannot be registered: the PIN is the taxpayer number, assigned on approval of the status.', 'input.pin'));
  else if (!isValidPin(pin)) errors.push(userError('INVALID_PIN', 'A PIN is 14 digits: 1 or 2, the birth date DDMMYYYY, a 5-digit serial.', 'input.pin'));
  const activity = input.activity?.trim() || null;
  if (activity && activity.length > 200) errors.push(userError('INVALID_FORMAT', 'The activity is at most 200 characters.', 'input.activity'));
  if (errors.length > 0) return { registration: null, userErrors: errors };
  return mutate(ctx, 'registerIndividualEntrepreneur', input, async (tx) => {
    const regime = input.regimeCode ? await getRegimeByCode(tx, { code: input.regimeCode }) : await getDefaultRegime(tx);
    if (!regime) throw abort('REGIME_NOT_FOUND', 'No such tax regime; see `taxRegimes`.', 'input.regimeCode');
    if (!regime.active) throw abort('REGIME_CLOSED', `The ${regime.code} regime takes no new registrations.`, 'input.regimeCode');
    if ((await lockRegistration(tx, { pin })) || (await lockRegistration(tx, { nomadId: input.nomadId }))) {
      throw abort('ALREADY_REGISTERED', 'This nomad (or this PIN) is already in the register.', 'input.pin');
    }
    const today = app.clock.today();
    const row = await insertRegistration(tx, {
      pin,
      nomadId: input.nomadId,
      state: 'REREGISTERED',
      firstRegistration: false,
      registeredOn: today,
      lastReregisteredOn: today,
      regimeCode: regime.code,
      activity,
    });
    if (!row) throw abort('ALREADY_REGISTERED', 'This nomad (or this PIN) was registered at the same moment.', 'input.pin');
    await insertRegisterEntry(tx, { registrationId: row.id, kind: 'REGISTERED', effectiveOn: today, actor: ctx.principal.sub });
    return row;
  });
}

export interface TransitionInput {
  registrationId: string;
  expectedVersion?: number | null;
  regimeCode?: string | null;
  activity?: string | null;
}

/**
 * One officer transition on a registration. In order: who (FORBIDDEN), which
 * (REGISTRATION_NOT_FOUND), at which version (CONFLICT), from which state
 * (INVALID_TRANSITION), the action's own rules, then one guarded UPDATE — in one
 * transaction, so a refused transition writes nothing. Idempotent under `Idempotency-Key`.
 */
export async function transition(ctx: Context, app: App, action: RegistrationAction, input: TransitionInput): Promise<RegistrationPayload> {
  if (!isTaxOfficer(ctx.principal)) return { registration: null, userErrors: [userError('FORBIDDEN', 'Only a tax officer may do this.')] };
  if (!isUuid(input.registrationId)) return { registration: null, userErrors: [userError('REGISTRATION_NOT_FOUND', 'No such registration.', 'input.registrationId')] };
  const rule = TRANSITIONS[action];
  return mutate(ctx, action, input, async (tx) => {
    const current = await lockRegistration(tx, { id: input.registrationId });
    if (!current) throw abort('REGISTRATION_NOT_FOUND', 'No such registration.', 'input.registrationId');
    if (input.expectedVersion != null && input.expectedVersion !== current.version) {
      throw abort('CONFLICT', 'The registration changed since you read it; reload and try again.', 'input.expectedVersion');
    }
    if (!rule.from.includes(current.state)) {
      throw abort('INVALID_TRANSITION', `${action} is not allowed while the registration is ${current.state}.`, 'input.registrationId');
    }
    const today = app.clock.today();
    const actor = ctx.principal.sub;
    switch (action) {
      case 'reregister': {
        const row = await reregister(tx, current, { today, actor, version: current.version });
        if (!row) throw concurrentChange('Someone else changed the registration at the same time; reload and try again.', 'input.registrationId');
        return row;
      }
      case 'deregister': {
        const row = await updateRegistrationIf(tx, {
          id: current.id,
          version: current.version,
          from: rule.from,
          set: { state: 'DEREGISTERED', deregisteredOn: today, pendingSince: null },
        });
        if (!row) throw concurrentChange('Someone else changed the registration at the same time; reload and try again.', 'input.registrationId');
        await insertRegisterEntry(tx, { registrationId: row.id, kind: 'DEREGISTERED', effectiveOn: today, actor });
        return row;
      }
      case 'changeRegime': {
        const code = input.regimeCode?.trim();
        if (!code) throw abort('REGIME_REQUIRED', 'Name the new regime.', 'input.regimeCode');
        const regime = await getRegimeByCode(tx, { code });
        if (!regime) throw abort('REGIME_NOT_FOUND', 'No such tax regime; see `taxRegimes`.', 'input.regimeCode');
        if (!regime.active && regime.code !== current.regimeCode) throw abort('REGIME_CLOSED', `The ${regime.code} regime takes no new registrations.`, 'input.regimeCode');
        const activity = input.activity === undefined ? current.activity : input.activity?.trim() || null;
        if (activity && activity.length > 200) throw abort('INVALID_FORMAT', 'The activity is at most 200 characters.', 'input.activity');
        const row = await updateRegistrationIf(tx, { id: current.id, version: current.version, from: rule.from, set: { regimeCode: regime.code, activity } });
        if (!row) throw concurrentChange('Someone else changed the registration at the same time; reload and try again.', 'input.registrationId');
        return row;
      }
    }
  });
}

async function mutate(ctx: Context, operation: string, input: unknown, fn: (tx: TaxDb) => Promise<RegistrationRow>): Promise<RegistrationPayload> {
  try {
    const { result } = await runIdempotent(
      ctx.db,
      { idempotencyKeys },
      { key: ctx.idempotencyKey, principalSub: ctx.principal.sub, operation, input },
      async (tx) => ({ registration: await fn(tx), userErrors: [] }) satisfies RegistrationPayload,
    );
    if (result.registration) {
      ctx.loaders.registrationById.clear(result.registration.id);
      ctx.loaders.registrationByNomadId.clear(result.registration.nomadId);
      ctx.logger.info({ registrationId: result.registration.id, operation }, 'tax registration changed');
    }
    return result;
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { registration: null, userErrors: err.userErrors };
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Reads.
// ---------------------------------------------------------------------------------------------

/** One registration by id or PIN: a tax officer any, a nomad their own; null when none. */
export async function getRegistration(ctx: Context, args: { id?: string | null; pin?: string | null }): Promise<RegistrationRow | null> {
  if ((args.id ? 1 : 0) + (args.pin ? 1 : 0) !== 1) {
    throw badUserInput('Give exactly one of `id` and `pin`.', 'id');
  }
  if (!isTaxOfficer(ctx.principal) && ownNomadId(ctx.principal) === null) assertTaxOfficer(ctx.principal);
  let row: RegistrationRow | null = null;
  if (args.id) row = isUuid(args.id) ? await ctx.loaders.registrationById.load(args.id) : null;
  else if (args.pin) row = await ctx.loaders.registrationByPin.load(args.pin);
  // A nomad asking for someone else's learns nothing, not even that it exists.
  if (row && !isTaxOfficer(ctx.principal) && row.nomadId !== ownNomadId(ctx.principal)) return null;
  return row;
}

/** The registration of a nomad (the federated `Nomad.taxRegistration`). */
export async function registrationOfNomad(ctx: Context, nomadId: string): Promise<RegistrationRow | null> {
  assertMayReadNomadTax(ctx.principal, nomadId);
  return ctx.loaders.registrationByNomadId.load(nomadId);
}

export interface RegistrationListArgs extends PageArgs {
  filter?: RegistrationFilter | null;
}

/** The register, oldest first: tax officers only. */
export async function listRegistrationsFor(ctx: Context, args: RegistrationListArgs): Promise<CountedConnection<RegistrationRow>> {
  assertTaxOfficer(ctx.principal);
  const page = toPage(args);
  const rows = await listRegistrations(ctx.db, { page, filter: args.filter ?? null });
  return {
    ...toConnection(rows, page, (r) => ({ key: r.createdAt, id: r.id })),
    totalCount: () => countRegistrations(ctx.db, { filter: args.filter ?? null }),
  };
}
