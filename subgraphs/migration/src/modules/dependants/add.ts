import { abort, isPgError, PG_UNIQUE_VIOLATION, userError, UserErrorsAbort } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { DependantRow } from '../../db/schema.ts';
import { publish } from '../../events.ts';
import { documentRow } from '../applications/documents.ts';
import { loadRules } from '../rules/service.ts';
import { statusOf } from '../status/service.ts';
import { checkDependant, DependantCode, type AddDependantInput } from './checks.ts';
import { CHILD_AGE_LIMIT_YEARS, isUnder } from './derive.ts';
import { mutate, type DependantPayload } from './mutation.ts';
import { hasOpenApplication, insertDependant } from './queries.ts';

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
