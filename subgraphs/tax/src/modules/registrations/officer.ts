// Officer mutations: each one idempotent transaction, in which a refusal writes nothing.
import { abort, concurrentChange, isUuid, isValidPin, runIdempotent, userError, UserErrorsAbort, type UserError } from '@nomad/kit';
import { isTaxOfficer } from '../../access.ts';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { TaxDb } from '../../db/index.ts';
import { idempotencyKeys, type RegistrationRow } from '../../db/schema.ts';
import { getDefaultRegime, getRegimeByCode, insertRegisterEntry, insertRegistration, lockRegistration, updateRegistrationIf } from './queries.ts';
import { reregister, TRANSITIONS, type RegistrationAction } from './transitions.ts';

export interface RegistrationPayload {
  registration: RegistrationRow | null;
  userErrors: UserError[];
}

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
