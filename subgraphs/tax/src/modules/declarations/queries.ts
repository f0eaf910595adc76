import { and, asc, count, desc, eq, getTableColumns, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { assertCursor, type Page } from '@nomad/kit';
import type { TaxDb } from '../../db/index.ts';
import { declarations, payments, registrations, type DeclarationRow, type PaymentRow } from '../../db/schema.ts';

/** A declaration with the nomad it belongs to (the subject of its access records). */
export type DeclarationView = DeclarationRow & { nomadId: string };

const viewColumns = { ...getTableColumns(declarations), nomadId: registrations.nomadId };

export async function getDeclarationsByIds(db: TaxDb, params: { ids: readonly string[] }): Promise<DeclarationView[]> {
  if (params.ids.length === 0) return [];
  return db
    .select(viewColumns)
    .from(declarations)
    .innerJoin(registrations, eq(registrations.id, declarations.registrationId))
    .where(inArray(declarations.id, [...params.ids]));
}

/** The declaration, locked for the rest of the transaction (payments against it serialise). */
export async function lockDeclaration(tx: TaxDb, params: { id: string }): Promise<DeclarationRow | null> {
  const [row] = await tx.select().from(declarations).where(eq(declarations.id, params.id)).for('update');
  return row ?? null;
}

export async function getDeclarationForPeriod(tx: TaxDb, params: { registrationId: string; period: string }): Promise<DeclarationRow | null> {
  const [row] = await tx
    .select()
    .from(declarations)
    .where(and(eq(declarations.registrationId, params.registrationId), eq(declarations.period, params.period)));
  return row ?? null;
}

export async function insertDeclaration(tx: TaxDb, values: typeof declarations.$inferInsert): Promise<DeclarationRow | null> {
  const [row] = await tx.insert(declarations).values(values).onConflictDoNothing({ target: [declarations.registrationId, declarations.period] }).returning();
  return row ?? null;
}

export async function insertPayment(tx: TaxDb, values: typeof payments.$inferInsert): Promise<PaymentRow> {
  const [row] = await tx.insert(payments).values(values).returning();
  if (!row) throw new Error('payment insert returned nothing');
  return row;
}

export async function getPaymentsByDeclarationIds(db: TaxDb, params: { declarationIds: readonly string[] }): Promise<PaymentRow[]> {
  if (params.declarationIds.length === 0) return [];
  return db
    .select()
    .from(payments)
    .where(inArray(payments.declarationId, [...params.declarationIds]))
    .orderBy(asc(payments.paidOn), asc(payments.recordedAt), asc(payments.id));
}

/**
 * One page of declarations (newest period first) for each of many registrations, in one
 * statement: a window numbers each registration's rows, so the page size holds per registration.
 */
export async function getDeclarationPagesByRegistrationIds(
  db: TaxDb,
  params: { registrationIds: readonly string[]; page: Page },
): Promise<DeclarationView[]> {
  if (params.registrationIds.length === 0) return [];
  const after = params.page.after;
  if (after) assertCursor(after, { key: 'text', id: 'uuid' });
  const ranked = db
    .select({
      id: declarations.id,
      rn: sql<number>`row_number() over (partition by ${declarations.registrationId} order by ${declarations.period} desc, ${declarations.id} desc)`.as('rn'),
    })
    .from(declarations)
    .where(
      and(
        inArray(declarations.registrationId, [...params.registrationIds]),
        after ? sql`(${declarations.period} < ${after.key} or (${declarations.period} = ${after.key} and ${declarations.id} < ${after.id}))` : undefined,
      ),
    )
    .as('ranked');
  return db
    .select(viewColumns)
    .from(declarations)
    .innerJoin(registrations, eq(registrations.id, declarations.registrationId))
    .where(inArray(declarations.id, db.select({ id: ranked.id }).from(ranked).where(lte(ranked.rn, params.page.limit + 1))))
    .orderBy(desc(declarations.period), desc(declarations.id));
}

/** How many declarations each registration has, in one statement (`declarations.totalCount` of a list). */
export async function countDeclarationsByRegistrationIds(db: TaxDb, params: { registrationIds: readonly string[] }): Promise<{ registrationId: string; n: number }[]> {
  if (params.registrationIds.length === 0) return [];
  return db
    .select({ registrationId: declarations.registrationId, n: count() })
    .from(declarations)
    .where(inArray(declarations.registrationId, [...params.registrationIds]))
    .groupBy(declarations.registrationId);
}

export interface ArrearsRow extends DeclarationView {
  paidMinor: number;
}

const paidSum = sql<number>`coalesce((select sum(${payments.amountMinor}) from ${payments} where ${payments.declarationId} = ${declarations.id}), 0)::bigint`.mapWith(Number);

/** What makes a declaration in arrears (and, with `nomadId`, the nomad's own): the list and its count share it. */
function arrearsConditions(params: { today: string; nomadId?: string | null }): SQL[] {
  const conditions: SQL[] = [lt(declarations.dueOn, params.today), sql`${declarations.taxDueMinor} > ${paidSum}`];
  if (params.nomadId) conditions.push(eq(registrations.nomadId, params.nomadId));
  return conditions;
}

/** Declarations past their due date with tax still unpaid (due − paid > 0), oldest due first. */
export async function listArrears(db: TaxDb, params: { today: string; page: Page; nomadId?: string | null }): Promise<ArrearsRow[]> {
  const conditions = arrearsConditions(params);
  const after = params.page.after;
  if (after) assertCursor(after, { key: 'date', id: 'uuid' });
  if (after) conditions.push(sql`(${declarations.dueOn}, ${declarations.id}) > (${after.key}::date, ${after.id}::uuid)`);
  return db
    .select({ ...viewColumns, paidMinor: paidSum })
    .from(declarations)
    .innerJoin(registrations, eq(registrations.id, declarations.registrationId))
    .where(and(...conditions))
    .orderBy(asc(declarations.dueOn), asc(declarations.id))
    .limit(params.page.limit + 1);
}

/** How many declarations `listArrears` would return on all pages, with the same conditions. */
export async function countArrears(db: TaxDb, params: { today: string; nomadId?: string | null }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(declarations)
    .innerJoin(registrations, eq(registrations.id, declarations.registrationId))
    .where(and(...arrearsConditions(params)));
  return row?.n ?? 0;
}
