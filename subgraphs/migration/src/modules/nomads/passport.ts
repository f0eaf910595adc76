import {
  COUNTRY_CODE,
  hasRole,
  isPgError,
  isUuid,
  isValidDate,
  PASSPORT_NUMBER,
  runMutation,
  userError,
  UserErrorsAbort,
  type UserError,
} from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { isSelf } from './service.ts';
import { findNomadByPassport, lockNomadRow, replacePassport } from './queries.ts';

export interface RecordPassportInput {
  nomadId: string;
  passport: { country: string; number: string; expiresOn: string };
}

export interface RecordPassportPayload {
  nomadId: string | null;
  userErrors: UserError[];
}

const PG_UNIQUE_VIOLATION = '23505';

/** The input's format problems, each naming its field. */
function passportInputErrors(input: RecordPassportInput, today: string): UserError[] {
  const errors: UserError[] = [];
  const { passport } = input;
  if (!COUNTRY_CODE.test(passport.country)) errors.push(userError('INVALID_FORMAT', 'Passport country must be an ISO 3166-1 alpha-3 code, e.g. KAZ.', 'input.passport.country'));
  if (!PASSPORT_NUMBER.test(passport.number)) errors.push(userError('INVALID_FORMAT', 'Passport number must be 5–20 capital letters and digits.', 'input.passport.number'));
  if (isValidDate(passport.expiresOn) && passport.expiresOn <= today) {
    errors.push(userError('PASSPORT_EXPIRED', `The passport must be valid after today (${today}).`, 'input.passport.expiresOn'));
  }
  return errors;
}

/**
 * Records a nomad's renewed passport: the nomad themself or a migration officer. The passport
 * on record is kept in the history (`passport_history`) and the new one takes its place, so an
 * extension or renewal that the old one's expiry refused (PASSPORT_EXPIRES_TOO_SOON) can go
 * ahead. The new passport must expire after the one on record (PASSPORT_NOT_NEWER) and be no
 * other nomad's (PASSPORT_ALREADY_REGISTERED). The same passport again changes nothing.
 */
export async function recordPassport(ctx: Context, app: App, input: RecordPassportInput): Promise<RecordPassportPayload> {
  const refused = (userErrors: UserError[]): RecordPassportPayload => ({ nomadId: null, userErrors });
  if (!isUuid(input.nomadId)) return refused([userError('NOMAD_NOT_FOUND', 'No nomad has this id.', 'input.nomadId')]);
  if (!hasRole(ctx.principal, 'migration_officer') && !isSelf(ctx.principal, input.nomadId)) {
    return refused([userError('FORBIDDEN', 'Only the nomad themself or a migration officer may record a passport.', 'input.nomadId')]);
  }
  const problems = passportInputErrors(input, app.clock.today());
  if (problems.length > 0) return refused(problems);
  try {
    const outcome = await runMutation(ctx, 'recordPassport', input, async (tx) => {
      const nomad = await lockNomadRow(tx, { nomadId: input.nomadId });
      if (!nomad) throw new UserErrorsAbort([userError('NOMAD_NOT_FOUND', 'No nomad has this id.', 'input.nomadId')]);
      const { passport } = input;
      if (nomad.passportCountry === passport.country && nomad.passportNumber === passport.number && nomad.passportExpiresOn === passport.expiresOn) {
        return { changed: false };
      }
      if (passport.expiresOn <= nomad.passportExpiresOn) {
        throw new UserErrorsAbort([
          userError('PASSPORT_NOT_NEWER', `The passport on record is valid until ${nomad.passportExpiresOn}; a renewed one expires later.`, 'input.passport.expiresOn'),
        ]);
      }
      const owner = await findNomadByPassport(tx, { country: passport.country, number: passport.number });
      if (owner && owner.id !== nomad.id) {
        throw new UserErrorsAbort([userError('PASSPORT_ALREADY_REGISTERED', 'This passport is registered to another person.', 'input.passport.number')]);
      }
      await replacePassport(tx, { nomad, passport, replacedBy: ctx.principal.sub });
      return { changed: true };
    });
    if (!outcome.ok) return refused(outcome.userErrors);
    ctx.loaders.nomadById.clear(input.nomadId);
    ctx.logger.info({ nomadId: input.nomadId, changed: outcome.result.changed }, 'passport recorded');
    return { nomadId: input.nomadId, userErrors: [] };
  } catch (err) {
    // Two nomads recording the same passport at once: the unique key decides.
    if (isPgError(err, PG_UNIQUE_VIOLATION, 'nomads_passport_key')) {
      return refused([userError('PASSPORT_ALREADY_REGISTERED', 'This passport is registered to another person.', 'input.passport.number')]);
    }
    throw err;
  }
}
