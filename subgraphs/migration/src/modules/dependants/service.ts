import { badUserInput, forbidden, hasRole, isUuid, toConnection, toPage, type CountedConnection, type PageArgs } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import type { DependantRow, NomadRow } from '../../db/schema.ts';
import type { PersonalField } from '../../personal-fields.ts';
import { NEED_TO_KNOW } from '../../policy.ts';
import { canRead, RELATION_OPENERS, resolveNomadReference } from '../nomads/service.ts';
import { ceilingOf } from '../status/service.ts';
import type { DerivedStatus } from '../status/derive.ts';
import { CHILD_AGE_LIMIT_YEARS, deriveDependantStatus } from './derive.ts';
import { countDependantQueue, listDependantQueue, type DependantQueue } from './queries.ts';

// The dependants' reads live here; each mutation has its own file (add, approve, refuse, end),
// over the frame of mutation.ts and the rules of checks.ts, re-exported so that callers keep one door.
export { addDependant } from './add.ts';
export { approveDependant } from './approve.ts';
export { CERTIFICATE, checkDependant, DependantCode, type AddDependantInput, type DependantDocumentKind, type DependantRelation } from './checks.ts';
export { endDependantStatus } from './end.ts';
export type { DependantDecisionInput, DependantPayload } from './mutation.ts';
export { refuseDependant } from './refuse.ts';

/** Need-to-know of a dependant's field: the principal's row of the table (the principal is `self`). */
export async function assertDependantReadable(ctx: Context, dependant: DependantRow, field: PersonalField): Promise<void> {
  if (!(await canRead(ctx, dependant.principalId, field))) {
    throw forbidden("This dependant's personal data is not visible to you.");
  }
}

/**
 * Reads one personal field of a dependant: refused unless the table lets the caller read it for
 * the principal, and recorded (subject: the principal, whose record the dependant belongs to)
 * before it is returned.
 */
export async function readDependantField<T>(ctx: Context, dependant: DependantRow, field: PersonalField, read: () => T | Promise<T>): Promise<T> {
  await assertDependantReadable(ctx, dependant, field);
  await ctx.loaders.access.record(dependant.principalId, field);
  return read();
}

/** The dependant's status on `day` (the principal's, as derive.ts reads it), with the principal's ceiling. */
export async function dependantStatusOn(ctx: Context, dependant: DependantRow, day: string, field: PersonalField): Promise<(DerivedStatus & { ceilingOn: string }) | null> {
  return readDependantField(ctx, dependant, field, async () => {
    const [periods, events, rules] = await Promise.all([
      ctx.loaders.statusPeriodsByNomad.load(dependant.principalId),
      ctx.loaders.statusEventsByNomad.load(dependant.principalId),
      ctx.loaders.rules.load('rules'),
    ]);
    const status = deriveDependantStatus(dependant, periods, events, day);
    return status ? { ...status, ceilingOn: ceilingOf(rules, periods) } : null;
  });
}

/**
 * Who may see that a nomad has dependants (their relation and review state): whoever may read
 * the nomad's status. It tells of the principal's family, so the read is recorded as one of the
 * principal's status before the list returns.
 */
export async function dependantsOf(ctx: Context, nomad: NomadRow): Promise<DependantRow[]> {
  if (!(await canRead(ctx, nomad.id, 'Nomad.status'))) throw forbidden("This nomad's dependants are not visible to you.");
  await ctx.loaders.access.record(nomad.id, 'Nomad.status');
  return ctx.loaders.dependantsByPrincipal.load(nomad.id);
}

/** One dependant by id: officers who may read identities, or the principal (null for anyone else's). */
export async function getDependant(ctx: Context, id: string): Promise<DependantRow | null> {
  if (!isUuid(id)) throw badUserInput('`id` must be a UUID.', 'id');
  const row = await ctx.loaders.dependantById.load(id);
  if (!row) return null;
  if (!(await canRead(ctx, row.principalId, 'Dependant.surname'))) return null;
  return row;
}

/** A dependant's personal fields (the need-to-know table's `Dependant.` rows). */
const DEPENDANT_FIELDS = (Object.keys(NEED_TO_KNOW) as PersonalField[]).filter((f) => f.startsWith('Dependant.'));

/**
 * Federation reference resolution of a dependant (`_entities`: GKNB's screenings and exit
 * watches name one), as `resolveNomadReference` does for a nomad: an officer who reaches
 * nomads only through a relation (labor, tax, GKNB) gets null for a dependant of whose fields
 * they may read none for the principal (labor and tax never; GKNB through the principal's link);
 * other callers get the record and each field refuses them on its own.
 */
export async function resolveDependantReference(ctx: Context, ref: { id: string }): Promise<DependantRow | null> {
  if (!isUuid(ref.id)) return null;
  const row = await ctx.loaders.dependantById.load(ref.id);
  if (!row) return null;
  if (!hasRole(ctx.principal, ...RELATION_OPENERS)) return row;
  for (const field of DEPENDANT_FIELDS) if (await canRead(ctx, row.principalId, field)) return row;
  return null;
}

/**
 * The principal of a dependant (`Dependant.nomad`), under the check of a reference to them
 * (`resolveNomadReference`): another agency's officer who does not reach the principal through
 * their agency's own records is refused.
 */
export async function principalOf(ctx: Context, dependant: DependantRow): Promise<NomadRow> {
  const row = await resolveNomadReference(ctx, { id: dependant.principalId });
  if (!row) throw forbidden("This dependant's principal is not visible to you.");
  return row;
}

/** Migration officers' queues: dependants awaiting review, and approved children who came of age. */
export async function dependantQueue(
  ctx: Context,
  app: App,
  queue: DependantQueue,
  args: PageArgs,
): Promise<CountedConnection<DependantRow>> {
  if (!hasRole(ctx.principal, 'migration_officer')) throw forbidden('Work queues are for migration officers.');
  const page = toPage(args);
  const params = { queue, today: app.clock.today(), ageLimit: CHILD_AGE_LIMIT_YEARS };
  const rows = await listDependantQueue(ctx.db, { ...params, page });
  for (const row of rows) ctx.loaders.dependantById.prime(row.id, row);
  return {
    ...toConnection(rows, page, (r) => ({ key: queue === 'PENDING' ? r.addedAt : r.dateOfBirth, id: r.id })),
    totalCount: () => countDependantQueue(ctx.db, params),
  };
}
