import {
  abort,
  isCurrency,
  isIsoDate,
  isMinorAmount,
  isPgError,
  isUuid,
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
import { assertMayReadNomadTax, assertTaxOfficer, isTaxOfficer, ownNomadId } from '../../access.ts';
import type { App } from '../../app.ts';
import { addDays } from '../../clock.ts';
import type { Context } from '../../context.ts';
import { idempotencyKeys, type DeclarationRow, type PaymentRow, type RegistrationRow } from '../../db/schema.ts';
import { getRegimeByCode, lockRegistration } from '../registrations/queries.ts';
import { countArrears, getDeclarationForPeriod, insertDeclaration, insertPayment, listArrears, lockDeclaration, type ArrearsRow, type DeclarationView } from './queries.ts';

export type { DeclarationView };

/**
 * Declarations are quarterly and due on this day of the month after the quarter ends.
 * [I]: public sources do not fix the filing calendar of a digital nomad's IE.
 */
export const DUE_DAY_OF_FOLLOWING_MONTH = 25;

const PERIOD = /^([0-9]{4})-Q([1-4])$/;

/** First and last day of a quarter `YYYY-Qn`, and the day its tax is due; null when malformed. */
export function periodDates(period: string): { startsOn: string; endsOn: string; dueOn: string } | null {
  const m = PERIOD.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const quarter = Number(m[2]);
  const startMonth = (quarter - 1) * 3; // 0-based
  const startsOn = new Date(Date.UTC(year, startMonth, 1)).toISOString().slice(0, 10);
  const next = new Date(Date.UTC(year, startMonth + 3, 1)).toISOString().slice(0, 10);
  const due = new Date(Date.UTC(year, startMonth + 3, DUE_DAY_OF_FOLLOWING_MONTH)).toISOString().slice(0, 10);
  return { startsOn, endsOn: addDays(next, -1), dueOn: due };
}

/** income × rate (basis points), rounded half up to the minor unit; exact for any SafeInt income. */
export function taxDue(incomeMinor: number, rateBasisPoints: number): number {
  return Number((BigInt(incomeMinor) * BigInt(rateBasisPoints) + 5_000n) / 10_000n);
}

export interface FileDeclarationInput {
  /** The nomad whose IE declares; a nomad may leave it out (their own). */
  nomadId?: string | null;
  period: string;
  income: { amountMinor: number; currency: string };
}

export interface DeclarationPayload {
  declaration: DeclarationView | null;
  userErrors: UserError[];
}

/**
 * Files a declaration for a period: the nomad their own, a tax officer anyone's. The tax due is
 * the income times the rate of the IE's regime, both as stored now (the rate is copied onto the
 * declaration). One declaration per registration and period: a second is refused.
 */
export async function fileDeclaration(ctx: Context, app: App, input: FileDeclarationInput): Promise<DeclarationPayload> {
  const own = ownNomadId(ctx.principal);
  const officer = isTaxOfficer(ctx.principal);
  const nomadId = input.nomadId ?? own;
  if (!nomadId || !(officer || nomadId === own)) {
    return { declaration: null, userErrors: [userError('FORBIDDEN', 'A nomad files their own declarations; a tax officer names the nomad.', 'input.nomadId')] };
  }
  const errors: UserError[] = [];
  if (!isUuid(nomadId)) errors.push(userError('INVALID_FORMAT', 'nomadId must be the Nomad id (a UUID).', 'input.nomadId'));
  const dates = periodDates(input.period);
  if (!dates) errors.push(userError('INVALID_PERIOD', 'The period is a calendar quarter, e.g. `2026-Q3`.', 'input.period'));
  else if (dates.endsOn >= app.clock.today()) errors.push(userError('PERIOD_NOT_ENDED', `The period ends on ${dates.endsOn}; declare it after that.`, 'input.period'));
  if (!isMinorAmount(input.income.amountMinor)) {
    errors.push(userError('INVALID_AMOUNT', 'The income is a whole number of minor units, not negative.', 'input.income.amountMinor'));
  }
  if (!isCurrency(input.income.currency)) errors.push(userError('INVALID_CURRENCY', 'The currency is an ISO 4217 code, e.g. `USD`.', 'input.income.currency'));
  if (errors.length > 0 || !dates) return { declaration: null, userErrors: errors };
  try {
    const { result } = await runIdempotent(
      ctx.db,
      { idempotencyKeys },
      { key: ctx.idempotencyKey, principalSub: ctx.principal.sub, operation: 'fileTaxDeclaration', input },
      async (tx) => {
        const registration = await lockRegistration(tx, { nomadId });
        if (!registration || !isDeclarable(registration)) {
          throw abort('NOT_REGISTERED', 'The nomad has no IE in the register (a first registration may still be pending, or it was deregistered).', 'input.nomadId');
        }
        if (await getDeclarationForPeriod(tx, { registrationId: registration.id, period: input.period })) {
          throw abort('DECLARATION_ALREADY_FILED', `A declaration for ${input.period} was already filed.`, 'input.period');
        }
        const regime = await getRegimeByCode(tx, { code: registration.regimeCode });
        if (!regime) throw new Error(`regime ${registration.regimeCode} of a registration is missing`);
        const row = await insertDeclaration(tx, {
          registrationId: registration.id,
          period: input.period,
          incomeMinor: input.income.amountMinor,
          currency: input.income.currency,
          regimeCode: regime.code,
          rateBasisPoints: regime.rateBasisPoints,
          taxDueMinor: taxDue(input.income.amountMinor, regime.rateBasisPoints),
          dueOn: dates.dueOn,
          filedAt: app.clock.now().toISOString(),
          filedBy: ctx.principal.sub,
        });
        if (!row) throw abort('DECLARATION_ALREADY_FILED', `A declaration for ${input.period} was filed at the same moment.`, 'input.period');
        return { declaration: { ...row, nomadId }, userErrors: [] } satisfies DeclarationPayload;
      },
    );
    ctx.logger.info({ declarationId: result.declaration?.id, period: input.period }, 'tax declaration filed');
    return result;
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { declaration: null, userErrors: err.userErrors };
    if (isPgError(err, PG_UNIQUE_VIOLATION, 'declarations_registration_period_key')) {
      return { declaration: null, userErrors: [userError('DECLARATION_ALREADY_FILED', `A declaration for ${input.period} was already filed.`, 'input.period')] };
    }
    throw err;
  }
}

/** An IE files while it is (or was, until deregistration is completed) in the register. */
function isDeclarable(r: RegistrationRow): boolean {
  return r.registeredOn !== null && r.state !== 'DEREGISTERED';
}

export interface RecordPaymentInput {
  declarationId: string;
  amount: { amountMinor: number; currency: string };
  paidOn: string;
}

export interface PaymentPayload {
  payment: PaymentRow | null;
  declaration: DeclarationView | null;
  userErrors: UserError[];
}

/** Records a payment against a declaration (tax officers, from the bank's statement). */
export async function recordPayment(ctx: Context, app: App, input: RecordPaymentInput): Promise<PaymentPayload> {
  const none = { payment: null, declaration: null };
  if (!isTaxOfficer(ctx.principal)) return { ...none, userErrors: [userError('FORBIDDEN', 'Only a tax officer may record a payment.')] };
  if (!isUuid(input.declarationId)) return { ...none, userErrors: [userError('DECLARATION_NOT_FOUND', 'No such declaration.', 'input.declarationId')] };
  const errors: UserError[] = [];
  if (!isMinorAmount(input.amount.amountMinor, { positive: true })) {
    errors.push(userError('INVALID_AMOUNT', 'A payment is a positive whole number of minor units.', 'input.amount.amountMinor'));
  }
  if (!isIsoDate(input.paidOn)) errors.push(userError('INVALID_FORMAT', 'paidOn is a date, YYYY-MM-DD.', 'input.paidOn'));
  else if (input.paidOn > app.clock.today()) errors.push(userError('PAID_ON_IN_FUTURE', 'A payment cannot be dated in the future.', 'input.paidOn'));
  if (errors.length > 0) return { ...none, userErrors: errors };
  try {
    const { result } = await runIdempotent(
      ctx.db,
      { idempotencyKeys },
      { key: ctx.idempotencyKey, principalSub: ctx.principal.sub, operation: 'recordTaxPayment', input },
      async (tx) => {
        const declaration: DeclarationRow | null = await lockDeclaration(tx, { id: input.declarationId });
        if (!declaration) throw abort('DECLARATION_NOT_FOUND', 'No such declaration.', 'input.declarationId');
        if (declaration.currency !== input.amount.currency) {
          throw abort('CURRENCY_MISMATCH', `The declaration is in ${declaration.currency}; record the payment in that currency.`, 'input.amount.currency');
        }
        const payment = await insertPayment(tx, {
          declarationId: declaration.id,
          amountMinor: input.amount.amountMinor,
          currency: input.amount.currency,
          paidOn: input.paidOn,
          recordedAt: app.clock.now().toISOString(),
          recordedBy: ctx.principal.sub,
        });
        const registration = await lockRegistration(tx, { id: declaration.registrationId });
        if (!registration) throw new Error('declaration without registration');
        return { payment, declaration: { ...declaration, nomadId: registration.nomadId }, userErrors: [] } satisfies PaymentPayload;
      },
    );
    ctx.loaders.paymentsByDeclaration.clear(input.declarationId);
    return result;
  } catch (err) {
    if (err instanceof UserErrorsAbort) return { ...none, userErrors: err.userErrors };
    throw err;
  }
}

/** A registration's declarations, newest period first (through the per-request loader). */
export async function declarationsOfRegistration(ctx: Context, registration: RegistrationRow, args: PageArgs): Promise<CountedConnection<DeclarationView>> {
  assertMayReadNomadTax(ctx.principal, registration.nomadId);
  const page = toPage(args);
  const rows = await ctx.loaders.declarationsByRegistration.load({ registrationId: registration.id, page });
  return {
    ...toConnection(rows, page, (d) => ({ key: d.period, id: d.id })),
    totalCount: () => ctx.loaders.declarationCountByRegistration.load(registration.id),
  };
}

/** A nomad's declarations (the federated `Nomad.declarations`): empty when they have no IE. */
export async function declarationsOfNomad(ctx: Context, nomadId: string, args: PageArgs): Promise<CountedConnection<DeclarationView>> {
  assertMayReadNomadTax(ctx.principal, nomadId);
  const page = toPage(args);
  const registration = await ctx.loaders.registrationByNomadId.load(nomadId);
  const rows = registration ? await ctx.loaders.declarationsByRegistration.load({ registrationId: registration.id, page }) : [];
  return {
    ...toConnection(rows, page, (d) => ({ key: d.period, id: d.id })),
    totalCount: async () => (registration ? ctx.loaders.declarationCountByRegistration.load(registration.id) : 0),
  };
}

/** Declarations in arrears: tax officers everyone's, a nomad their own. */
export async function arrearsFor(ctx: Context, app: App, args: PageArgs): Promise<CountedConnection<ArrearsRow>> {
  const own = ownNomadId(ctx.principal);
  if (!isTaxOfficer(ctx.principal) && !own) assertTaxOfficer(ctx.principal);
  const page = toPage(args);
  const scope = { today: app.clock.today(), nomadId: isTaxOfficer(ctx.principal) ? null : own };
  const rows = await listArrears(ctx.db, { ...scope, page });
  return {
    ...toConnection(rows, page, (d) => ({ key: d.dueOn, id: d.id })),
    // The same scope as the list: a nomad counts only their own arrears.
    totalCount: () => countArrears(ctx.db, scope),
  };
}
