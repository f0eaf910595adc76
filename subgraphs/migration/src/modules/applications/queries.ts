import { and, count, desc, eq, getTableColumns, inArray, lt, lte, not, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { afterCursor, anyOf, prepared, type Page } from '@nomad/kit';
import type { MigrationDb } from '../../db/index.ts';
import {
  applicationDocuments,
  applications,
  nomads,
  type ApplicationDocumentRow,
  type ApplicationRow,
} from '../../db/schema.ts';

export type ApplicationState = ApplicationRow['state'];

/** States in which an application awaits the authority's decision. */
export const AWAITING_DECISION: readonly ApplicationState[] = ['SUBMITTED', 'UNDER_REVIEW'];

export interface ApplicationFilterParams {
  states?: readonly ApplicationState[] | undefined;
  citizenships?: readonly string[] | undefined;
  activityCodes?: readonly string[] | undefined;
  submittedFrom?: string | undefined;
  submittedTo?: string | undefined;
  /** Compared with `today` (Bishkek date). */
  overdue?: boolean | undefined;
  decidingUnits?: readonly string[] | undefined;
  nomadId?: string | undefined;
  today: string;
}

/** The Bishkek calendar date of the submission (the authority's working calendar). */
export const submittedOn = sql`(${applications.submittedAt} at time zone 'Asia/Bishkek')::date`;

function overdueCondition(today: string): SQL {
  return and(
    inArray(applications.state, [...AWAITING_DECISION]),
    lt(applications.reviewDeadlineOn, today),
  ) as SQL;
}

/** The WHERE of `filter` over `applications` (the statistics reuse it). */
export function applicationConditions(f: ApplicationFilterParams): SQL | undefined {
  return and(
    f.states?.length ? inArray(applications.state, [...f.states]) : undefined,
    f.activityCodes?.length ? inArray(applications.activityCode, [...f.activityCodes]) : undefined,
    f.citizenships?.length
      ? inArray(
          applications.nomadId,
          sql`(select ${nomads.id} from ${nomads} where ${inArray(nomads.citizenship, [...f.citizenships])})`,
        )
      : undefined,
    f.submittedFrom ? sql`${submittedOn} >= ${f.submittedFrom}::date` : undefined,
    f.submittedTo ? sql`${submittedOn} <= ${f.submittedTo}::date` : undefined,
    f.overdue === true ? overdueCondition(f.today) : f.overdue === false ? not(overdueCondition(f.today)) : undefined,
    f.decidingUnits?.length ? inArray(applications.decidedUnit, [...f.decidingUnits]) : undefined,
    f.nomadId ? eq(applications.nomadId, f.nomadId) : undefined,
  );
}

export async function getApplicationsByIds(db: MigrationDb, params: { ids: readonly string[] }): Promise<ApplicationRow[]> {
  if (params.ids.length === 0) return [];
  return db.select().from(applications).where(inArray(applications.id, [...params.ids]));
}

export async function getApplicationsByNumbers(
  db: MigrationDb,
  params: { numbers: readonly string[] },
): Promise<ApplicationRow[]> {
  if (params.numbers.length === 0) return [];
  return db.select().from(applications).where(inArray(applications.number, [...params.numbers]));
}

export async function listApplications(
  db: MigrationDb,
  params: { filter: ApplicationFilterParams; page: Page },
): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(applications)
    .where(
      and(
        applicationConditions(params.filter),
        afterCursor(applications.submittedAt, applications.id, params.page.after, 'desc'),
      ),
    )
    .orderBy(desc(applications.submittedAt), desc(applications.id))
    .limit(params.page.limit + 1);
}

export async function countApplications(db: MigrationDb, params: { filter: ApplicationFilterParams }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(applications).where(applicationConditions(params.filter));
  return row?.n ?? 0;
}

/** How many applications each nomad has, in one statement (`Nomad.applications.totalCount` of a list). */
export async function countApplicationsByNomadIds(db: MigrationDb, params: { nomadIds: readonly string[] }): Promise<{ nomadId: string; n: number }[]> {
  if (params.nomadIds.length === 0) return [];
  return db
    .select({ nomadId: applications.nomadId, n: count() })
    .from(applications)
    .where(inArray(applications.nomadId, [...params.nomadIds]))
    .groupBy(applications.nomadId);
}

/** Each nomad's applications newest first, `limit` + 1 of each (the extra one tells there is a next page), beyond `after`. */
function applicationPages(db: MigrationDb, where: { nomadIds: SQL; after: SQL | undefined }, limit: number | Placeholder) {
  const ranked = db
    .select({
      ...getTableColumns(applications),
      rank: sql<number>`row_number() over (partition by ${applications.nomadId} order by ${applications.submittedAt} desc, ${applications.id} desc)`.as(
        'rank',
      ),
    })
    .from(applications)
    .where(and(where.nomadIds, where.after))
    .as('ranked');
  return db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, typeof limit === 'number' ? limit + 1 : sql`${limit} + 1`))
    .orderBy(desc(ranked.submittedAt), desc(ranked.id));
}

/** The first pages (no cursor: every officer's screen and the portal's), prepared once. */
const firstApplicationPages = prepared((db: MigrationDb) =>
  applicationPages(db, { nomadIds: anyOf(applications.nomadId, 'nomadIds'), after: undefined }, sql.placeholder('limit')).prepare('first_application_pages'),
);

/**
 * One page of applications for each of many nomads in ONE statement (a window per nomad),
 * so that listing N nomads with their applications costs the same whatever N is.
 */
export async function getApplicationPagesByNomadIds(
  db: MigrationDb,
  params: { nomadIds: readonly string[]; page: Page },
): Promise<ApplicationRow[]> {
  if (params.nomadIds.length === 0) return [];
  const rows = params.page.after
    ? await applicationPages(
        db,
        { nomadIds: inArray(applications.nomadId, [...params.nomadIds]), after: afterCursor(applications.submittedAt, applications.id, params.page.after, 'desc') },
        params.page.limit,
      )
    : await firstApplicationPages(db, { nomadIds: [...params.nomadIds], limit: params.page.limit });
  return rows.map(({ rank: _rank, ...row }) => row);
}

export async function getDocumentsByApplicationIds(
  db: MigrationDb,
  params: { applicationIds: readonly string[] },
): Promise<ApplicationDocumentRow[]> {
  if (params.applicationIds.length === 0) return [];
  return db
    .select()
    .from(applicationDocuments)
    .where(inArray(applicationDocuments.applicationId, [...params.applicationIds]))
    .orderBy(applicationDocuments.addedAt, applicationDocuments.id);
}

export async function nextApplicationNumber(db: MigrationDb): Promise<string> {
  const [row] = await db.execute<{ n: string }>(sql`select nextval('migration.application_number_seq') as n`);
  if (!row) throw new Error('application number sequence returned nothing');
  return String(row.n).padStart(8, '0');
}

export type NewApplication = typeof applications.$inferInsert;
export type NewDocument = Omit<typeof applicationDocuments.$inferInsert, 'applicationId'>;

export async function insertApplication(
  db: MigrationDb,
  params: { application: NewApplication; documents: readonly NewDocument[] },
): Promise<ApplicationRow> {
  const [row] = await db.insert(applications).values(params.application).returning();
  if (!row) throw new Error('insert of application returned no row');
  if (params.documents.length > 0) {
    await db.insert(applicationDocuments).values(params.documents.map((d) => ({ ...d, applicationId: row.id })));
  }
  return row;
}

export async function findOpenApplication(
  db: MigrationDb,
  params: { nomadId: string },
): Promise<Pick<ApplicationRow, 'id' | 'number'> | undefined> {
  const [row] = await db
    .select({ id: applications.id, number: applications.number })
    .from(applications)
    .where(
      and(
        eq(applications.nomadId, params.nomadId),
        inArray(applications.state, ['SUBMITTED', 'UNDER_REVIEW', 'RETURNED_FOR_CORRECTION']),
      ),
    );
  return row;
}
