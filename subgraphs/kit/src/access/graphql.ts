import { and, count, desc, eq, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { hasRole } from '../auth.ts';
import type { Executor } from '../db/database.ts';
import { badUserInput, forbidden } from '../errors.ts';
import { underAgencyNames, type GraphQLResolverMap, type KitResolverContext } from '../graphql/resolvers.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { afterCursor, toConnection, toPage, type CountedConnection, type Page, type PageArgs } from '../pagination.ts';
import type { AccessLogTables, AccessRecordRow } from './table.ts';
import { isUuid } from '../domain/index.ts';

/** Root field and type names of one agency's access-log query: each subgraph serves its own log. */
export function accessLogNames(agency: string) {
  if (!/^[a-z][a-z0-9]*$/.test(agency)) throw new Error(`agency name "${agency}" must be lower-case letters and digits`);
  const prefix = agency.charAt(0).toUpperCase() + agency.slice(1);
  return { field: `${agency}AccessRecords`, type: `${prefix}AccessRecord` };
}

/** SDL of an agency's access-log query, to append to its SDL after `sharedTypeDefs`. */
export function accessLogTypeDefs(agency: string): string {
  const { field, type } = accessLogNames(agency);
  return /* GraphQL */ `
  "A recorded read of personal data held by this agency: who, when, why, which fields, in which operation."
  type ${type} {
    "The record's id in the agency's log (a sealer signs records in batches, see \`audit:verify\`)."
    seq: ID!
    at: DateTime!
    "The reader: \`sub\` of their token, or \`service:<agency>\` for processing by a service."
    reader: String!
    "The reader's roles at the time."
    readerRoles: [String!]!
    "The organisation the reader acted for: an agency, \`audit\`, \`analytics\`, or \`subject\` (the nomad)."
    readerOrganisation: String!
    "The purpose the reader gave (\`X-Purpose\` header), e.g. the case under review."
    purpose: String
    "The legal basis of the fields read."
    legalBasis: String!
    "The case: the application number where there is one."
    caseReference: String
    "\`INTERNAL_PROCESSING\`, \`DATA_RESPONSE\` or \`DATA_PROCESSING\` (Data Tracker v3)."
    processingType: String!
    "GraphQL operation name, \`anonymous\`, or what a service did."
    operation: String!
    "The nomad whose data was read."
    subjectId: ID!
    "Personal fields read, as \`Type.field\`."
    fields: [String!]!
    "Withheld from the nomad until then (auditors only see such records early)."
    hiddenUntil: DateTime
  }

  type ${type}Edge {
    cursor: String!
    node: ${type}!
  }

  type ${type}Connection {
    edges: [${type}Edge!]!
    pageInfo: PageInfo!
    "Number of records matching the arguments, across all pages."
    totalCount: Int!
  }

  extend type Query {
    """
    Reads of personal data held by this agency, newest first. Auditors see every record
    (optionally of one \`subjectId\`); a nomad sees who read their own data, except reads
    still withheld from them. \`Nomad.accessLog\` shows every agency's reads at once.
    """
    ${field}(first: Int = 20, after: String, subjectId: ID): ${type}Connection!
  }
`;
}

interface AccessRecordFilter {
  subjectId?: string | undefined;
  visibleOnly: boolean;
}

/** The records a list shows, on every page: the page and its count share them. */
function accessRecordConditions(tables: Pick<AccessLogTables, 'accessRecords'>, filter: AccessRecordFilter): SQL | undefined {
  const t = tables.accessRecords;
  return and(
    filter.subjectId ? eq(t.subjectId, filter.subjectId) : undefined,
    filter.visibleOnly ? or(isNull(t.hiddenUntil), lte(t.hiddenUntil, sql`now()`)) : undefined,
  );
}

async function listAccessRecords(
  db: Executor<Record<string, unknown>>,
  tables: Pick<AccessLogTables, 'accessRecords'>,
  params: { filter: AccessRecordFilter; page: Page },
): Promise<AccessRecordRow[]> {
  const t = tables.accessRecords;
  return db
    .select()
    .from(t)
    .where(and(accessRecordConditions(tables, params.filter), afterCursor(t.id, t.id, params.page.after, 'desc')))
    .orderBy(desc(t.id))
    .limit(params.page.limit + 1);
}

async function countAccessRecords(
  db: Executor<Record<string, unknown>>,
  tables: Pick<AccessLogTables, 'accessRecords'>,
  params: { filter: AccessRecordFilter },
): Promise<number> {
  const [row] = await db.select({ n: count() }).from(tables.accessRecords).where(accessRecordConditions(tables, params.filter));
  return row?.n ?? 0;
}

/** Auditors read the whole log; a nomad reads who accessed their own data; nobody else. */
export async function accessRecordsFor(
  ctx: KitResolverContext,
  tables: Pick<AccessLogTables, 'accessRecords'>,
  args: PageArgs & { subjectId?: string | null },
): Promise<CountedConnection<AccessRecordRow>> {
  const page = toPage(args);
  if (args.subjectId != null && !isUuid(args.subjectId)) throw badUserInput('`subjectId` must be a UUID.', 'subjectId');
  let subjectId = args.subjectId ?? undefined;
  const { principal } = ctx;
  if (!hasRole(principal, 'auditor')) {
    if (!principal.roles.includes('nomad') || !principal.nomadId) throw forbidden('The access log is for auditors and the nomads it concerns.');
    if (subjectId && subjectId !== principal.nomadId) throw forbidden('A nomad may read only who accessed their own data.');
    subjectId = principal.nomadId;
  }
  const filter: AccessRecordFilter = { subjectId, visibleOnly: !hasRole(principal, 'auditor') };
  const rows = await listAccessRecords(ctx.db, tables, { filter, page });
  return {
    ...toConnection(rows, page, (r) => ({ key: String(r.id), id: String(r.id) })),
    totalCount: () => countAccessRecords(ctx.db, tables, { filter }),
  };
}

/**
 * Resolvers for `accessLogTypeDefs(agency)`: merge them into the agency's resolvers. Written
 * under the representative agency's names and typed by the kit's generated `Resolvers`
 * (`REPRESENTATIVE_AGENCY`), served under `agency`'s.
 */
export function accessLogResolvers<TContext extends KitResolverContext>(options: { agency: string; tables: Pick<AccessLogTables, 'accessRecords'> }): GraphQLResolverMap<TContext> {
  const resolvers: Resolvers<TContext> = {
    Query: {
      agencyAccessRecords: (_, args, ctx) => accessRecordsFor(ctx, options.tables, args),
    },
    AgencyAccessRecord: {
      seq: (r) => String(r.id),
      reader: (r) => r.readerSub,
      readerOrganisation: (r) => r.readerOrg,
      caseReference: (r) => r.caseRef,
    },
  };
  return underAgencyNames(resolvers, accessLogNames, options.agency);
}
