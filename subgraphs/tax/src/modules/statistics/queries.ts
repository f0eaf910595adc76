import { bishkekDateSql, calendarDimension, disclosureRuleSql, runGroupedStatistics, type GroupedStatement, type RawStatisticsRow } from '@nomad/kit';
import { and, desc, inArray, sql, type SQL } from 'drizzle-orm';
import type { TaxDb } from '../../db/index.ts';
import { campaignItems, campaigns, declarations, registrations, ruleValues } from '../../db/schema.ts';
import { campaignCodes } from '../campaign/queries.ts';
import { registrationConditions, type RegistrationFilter } from '../registrations/queries.ts';

export type DeclarationDimension = 'QUARTER' | 'YEAR' | 'FILED_MONTH' | 'ACTIVITY' | 'REGIME' | 'REGISTRATION_STATE';
export type ReregistrationDimension = 'CAMPAIGN' | 'OUTCOME' | 'FAILURE_REASON' | 'REGIME' | 'REGISTRATION_STATE' | 'ACTIVITY';

/** The register list's filter, with the activity (codes). */
export interface RegisterStatisticsFilter extends RegistrationFilter {
  activityCodes?: readonly string[] | null;
}

/** The list's conditions plus the activity's, over `registrations`. */
function registerConditions(filter: RegisterStatisticsFilter): SQL[] {
  const c = registrationConditions(filter);
  if (filter.activityCodes?.length) c.push(inArray(registrations.activityCode, [...filter.activityCodes]));
  return c;
}

/**
 * Whether a statement must join `registrations`: only for a dimension read from it or a register
 * condition. Every declaration and campaign item has its registration (a not-null foreign key),
 * so leaving the join out never changes a count; it spares a hash of the whole register.
 */
const needsRegister = <D extends string>(groupBy: readonly D[], fromRegister: readonly D[], conditions: readonly SQL[]) =>
  conditions.length > 0 || groupBy.some((d) => fromRegister.includes(d));

const where = (conditions: SQL[]) => (conditions.length > 0 ? sql`where ${and(...conditions)}` : sql``);

/** The result column each dimension fills (also its key in a row). */
export const DECLARATION_COLUMN = {
  QUARTER: 'quarter',
  YEAR: 'year',
  FILED_MONTH: 'filedMonth',
  ACTIVITY: 'activityCode',
  REGIME: 'regimeCode',
  REGISTRATION_STATE: 'registrationState',
} as const satisfies Record<DeclarationDimension, string>;

const DECLARATION_SQL: Record<DeclarationDimension, SQL> = {
  QUARTER: sql`${declarations.period}::text`,
  YEAR: sql`left(${declarations.period}, 4)::int`,
  FILED_MONTH: calendarDimension.month(bishkekDateSql(declarations.filedAt)),
  ACTIVITY: sql`${registrations.activityCode}`,
  REGIME: sql`${declarations.regimeCode}`,
  REGISTRATION_STATE: sql`${registrations.state}::text`,
};

/** What `declarationStatistics` can compute, by value name (minor units for amounts). */
export type DeclarationValue = 'declarations' | 'taxpayers' | 'incomeSum' | 'incomeAverage' | 'incomeMedian' | 'incomeP90' | 'taxDueSum';

const DECLARATION_AGGREGATES: Record<DeclarationValue, SQL> = {
  declarations: sql`count(*)::int`,
  taxpayers: sql`count(distinct x."registrationId")::int`,
  incomeSum: sql`sum(x.income)::float8`,
  incomeAverage: sql`avg(x.income)::float8`,
  incomeMedian: sql`percentile_cont(0.5) within group (order by x.income)`,
  incomeP90: sql`percentile_cont(0.9) within group (order by x.income)`,
  taxDueSum: sql`sum(x."taxDue")::float8`,
};

export interface DeclarationStatisticsParams {
  groupBy: readonly DeclarationDimension[];
  currency: string;
  filter: RegisterStatisticsFilter & { periodFrom?: string | null; periodTo?: string | null };
  /**
   * The values to compute (the measures asked for); every one when omitted. A percentile sorts
   * each group's incomes: on a national program most of the statement's time, spent only when asked.
   */
  values?: ReadonlySet<DeclarationValue>;
}

/**
 * Counts and declared-income measures of the declarations in `currency` that `filter` matches,
 * per combination of `groupBy` and for all of them, in ONE statement. A row's people (what `k`
 * is applied to) are its taxpayers, not its declarations: one IE files one a quarter. Values:
 * `declarations`, `taxpayers`, `incomeSum`, `incomeAverage`, `incomeMedian`, `incomeP90`, `taxDueSum`
 * (minor units).
 */
export function declarationStatisticsStatement(params: DeclarationStatisticsParams): GroupedStatement {
  const { filter } = params;
  const register = registerConditions(filter);
  // The currency and the periods lead the statistics index (declarations_statistics_idx), which
  // holds every column the statement reads: an index-only scan of one currency's declarations.
  const conditions = [sql`${declarations.currency} = ${params.currency}`, ...register];
  // Periods are `YYYY-Qn`: their text order is their calendar order.
  if (filter.periodFrom) conditions.push(sql`${declarations.period} >= ${filter.periodFrom}`);
  if (filter.periodTo) conditions.push(sql`${declarations.period} <= ${filter.periodTo}`);
  const join = needsRegister(params.groupBy, ['ACTIVITY', 'REGISTRATION_STATE'], register) ? sql`join ${registrations} on ${registrations.id} = ${declarations.registrationId}` : sql``;
  const values = (Object.keys(DECLARATION_AGGREGATES) as DeclarationValue[]).filter((v) => !params.values || params.values.has(v));
  return {
    dimensions: params.groupBy.map((d) => ({ column: DECLARATION_COLUMN[d], value: DECLARATION_SQL[d] })),
    inputs: [sql`${declarations.registrationId} as "registrationId"`, sql`${declarations.incomeMinor} as income`, sql`${declarations.taxDueMinor} as "taxDue"`],
    from: sql`from ${declarations} ${join} ${where(conditions)}`,
    people: sql`count(distinct x."registrationId")`,
    aggregates: Object.fromEntries(values.map((v) => [v, DECLARATION_AGGREGATES[v]])),
    rules: disclosureRuleSql(ruleValues),
  };
}

export function declarationStatistics(db: TaxDb, params: DeclarationStatisticsParams): Promise<RawStatisticsRow[]> {
  return runGroupedStatistics(db, declarationStatisticsStatement(params));
}

export const REREGISTRATION_COLUMN = {
  CAMPAIGN: 'campaign',
  OUTCOME: 'outcome',
  FAILURE_REASON: 'failureReason',
  REGIME: 'regimeCode',
  REGISTRATION_STATE: 'registrationState',
  ACTIVITY: 'activityCode',
} as const satisfies Record<ReregistrationDimension, string>;

const REREGISTRATION_SQL: Record<ReregistrationDimension, SQL> = {
  CAMPAIGN: sql`campaign_code.code`,
  OUTCOME: sql`${campaignItems.state}::text`,
  FAILURE_REASON: sql`${campaignItems.failureCode}`,
  REGIME: sql`${registrations.regimeCode}`,
  REGISTRATION_STATE: sql`${registrations.state}::text`,
  ACTIVITY: sql`${registrations.activityCode}`,
};

export interface ReregistrationStatisticsParams {
  groupBy: readonly ReregistrationDimension[];
  /** The campaign by id (tax officers); null: by `campaignCode`. */
  campaignId: string | null;
  /**
   * The campaign by its public code ({@link CAMPAIGN_CODE}); with neither, every campaign when
   * grouped by CAMPAIGN, else the latest started (chosen inside the statement).
   */
  campaignCode?: string | null;
  filter: RegisterStatisticsFilter;
}

/**
 * The IEs of the chosen campaigns (their items: one per IE and campaign) that `filter` matches,
 * counted per combination of `groupBy` and in all, in ONE statement. Values: `ies` (the row's
 * IEs, also its `count`: an IE in two campaigns counts once in the total) and, when a code was
 * given, `campaignKnown` (0 when no campaign has it: the service refuses the code).
 */
export function reregistrationStatisticsStatement(params: ReregistrationStatisticsParams): GroupedStatement {
  const latest = sql`(select ${campaigns.id} from ${campaigns} order by ${desc(campaigns.startedAt)}, ${desc(campaigns.id)} limit 1)`;
  const byCode = params.campaignCode ? sql`(select campaign_code.id from ${campaignCodes} as campaign_code where campaign_code.code = ${params.campaignCode})` : null;
  const everyCampaign = params.campaignId === null && !byCode && params.groupBy.includes('CAMPAIGN');
  const campaign = params.campaignId !== null ? sql`${params.campaignId}::uuid` : (byCode ?? latest);
  const register = registerConditions(params.filter);
  const conditions = [...(everyCampaign ? [] : [sql`${campaignItems.campaignId} = ${campaign}`]), ...register];
  const join = needsRegister(params.groupBy, ['REGIME', 'REGISTRATION_STATE', 'ACTIVITY'], register) ? sql`join ${registrations} on ${registrations.id} = ${campaignItems.registrationId}` : sql``;
  const codes = params.groupBy.includes('CAMPAIGN') ? sql`join ${campaignCodes} as campaign_code on campaign_code.id = ${campaignItems.campaignId}` : sql``;
  // One campaign has one item per IE: its items are its IEs. Over several, an IE counts once.
  const ies = everyCampaign ? sql`count(distinct x."registrationId")` : sql`count(*)`;
  return {
    dimensions: params.groupBy.map((d) => ({ column: REREGISTRATION_COLUMN[d], value: REREGISTRATION_SQL[d] })),
    inputs: [sql`${campaignItems.registrationId} as "registrationId"`],
    from: sql`from ${campaignItems} ${codes} ${join} ${where(conditions)}`,
    people: ies,
    aggregates: {
      ies: sql`${ies}::int`,
      ...(byCode ? { campaignKnown: sql`(select count(*) from ${campaignCodes} as campaign_code where campaign_code.code = ${params.campaignCode})::int` } : {}),
    },
    rules: disclosureRuleSql(ruleValues),
  };
}

export function reregistrationStatistics(db: TaxDb, params: ReregistrationStatisticsParams): Promise<RawStatisticsRow[]> {
  return runGroupedStatistics(db, reregistrationStatisticsStatement(params));
}
