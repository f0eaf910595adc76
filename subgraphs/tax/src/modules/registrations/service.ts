import { badUserInput, isUuid, toConnection, toPage, type CountedConnection, type PageArgs } from '@nomad/kit';
import { assertMayReadNomadTax, assertTaxOfficer, isTaxOfficer, ownNomadId } from '../../access.ts';
import type { Context } from '../../context.ts';
import type { RegistrationRow } from '../../db/schema.ts';
import { countRegistrations, listRegistrations, type RegistrationFilter } from './queries.ts';

// The register's reads live here; the status facts from migration (facts.ts), the transitions
// and the re-registration the campaign shares (transitions.ts) and the officer mutations
// (officer.ts) are re-exported so that callers keep one door.
export { queueDeregistration, queueReregistration, type StatusFact, type StatusFactResult } from './facts.ts';
export { registerIndividualEntrepreneur, transition, type RegisterInput, type RegistrationPayload, type TransitionInput } from './officer.ts';
export { reregister, TRANSITIONS, type RegistrationAction } from './transitions.ts';

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
