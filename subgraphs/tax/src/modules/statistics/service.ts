import {
  analyticsRead,
  badUserInput,
  checkGroupBy,
  checkMeasures,
  discloseStatistics,
  statementDisclosureRules,
  isCurrency,
  isUuid,
  type DisclosedRow,
  type DisclosureRules,
  type MeasureDisclosure,
  type Money,
  type RawStatisticsRow,
} from '@nomad/kit';
import type { TaxDb } from '../../db/index.ts';
import { assertAggregateReader } from '../../access.ts';
import type { Context } from '../../context.ts';
import { CAMPAIGN_CODE } from '../campaign/queries.ts';
import {
  declarationStatistics,
  reregistrationStatistics,
  type DeclarationDimension,
  type DeclarationStatisticsParams,
  type RegisterStatisticsFilter,
  type ReregistrationDimension,
} from './queries.ts';

export type DeclarationMeasure = 'COUNT' | 'TAXPAYERS' | 'INCOME_SUM' | 'INCOME_AVERAGE' | 'INCOME_MEDIAN' | 'INCOME_P90' | 'TAX_DUE_SUM';
export type ReregistrationMeasure = 'COUNT';

/** Each measure's field in a row and how it is protected; amounts are minor units of the answer's currency. */
const DECLARATION_MEASURES = {
  declarations: { kind: 'count' },
  taxpayers: { kind: 'count' },
  incomeSum: { kind: 'amount' },
  incomeAverage: { kind: 'amount' },
  incomeMedian: { kind: 'amount' },
  incomeP90: { kind: 'amount' },
  taxDueSum: { kind: 'amount' },
} as const satisfies Record<string, MeasureDisclosure>;
const DECLARATION_FIELD: Record<DeclarationMeasure, keyof typeof DECLARATION_MEASURES> = {
  COUNT: 'declarations',
  TAXPAYERS: 'taxpayers',
  INCOME_SUM: 'incomeSum',
  INCOME_AVERAGE: 'incomeAverage',
  INCOME_MEDIAN: 'incomeMedian',
  INCOME_P90: 'incomeP90',
  TAX_DUE_SUM: 'taxDueSum',
};
const AMOUNTS = ['incomeSum', 'incomeAverage', 'incomeMedian', 'incomeP90', 'taxDueSum'] as const;
const REREGISTRATION_MEASURES = { ies: { kind: 'count' } } as const satisfies Record<string, MeasureDisclosure>;

const PERIOD = /^[0-9]{4}-Q[1-4]$/;

export interface DeclarationStatisticsArgs {
  measures: DeclarationMeasure[];
  groupBy?: DeclarationDimension[] | null;
  currency?: string | null;
  filter?: (RegisterStatisticsFilter & { periodFrom?: string | null; periodTo?: string | null }) | null;
}

export interface ReregistrationStatisticsArgs {
  measures: ReregistrationMeasure[];
  groupBy?: ReregistrationDimension[] | null;
  filter?: (RegisterStatisticsFilter & { campaignId?: string | null; campaign?: string | null }) | null;
}

export interface StatisticsOut {
  disclosure: DisclosureRules;
  rows: DisclosedRow[];
  total: DisclosedRow;
}

/** The statement's rows, disclosed under `rules`: read on the analysts' pool (ANALYTICS_TIMEOUT past its timeout). */
async function disclosed(
  ctx: Context,
  read: (db: TaxDb) => Promise<RawStatisticsRow[]>,
  options: Omit<Parameters<typeof discloseStatistics>[1], 'rules'>,
  rulesOverride: DisclosureRules | undefined,
): Promise<StatisticsOut> {
  return disclosedRows(await analyticsRead(ctx, read), options, rulesOverride);
}

function disclosedRows(raw: readonly RawStatisticsRow[], options: Omit<Parameters<typeof discloseStatistics>[1], 'rules'>, rulesOverride: DisclosureRules | undefined): StatisticsOut {
  // Tax's statistics_disclosure rule value, read in the same statement (tests may pass others).
  const rules = rulesOverride ?? statementDisclosureRules(raw);
  return { disclosure: rules, ...discloseStatistics(raw, { ...options, rules }) };
}

const CAMPAIGN_CODE_HINT = 'A campaign is named by its code, the Bishkek day it started (`2026-10-15`, `2026-10-15-2` for a second that day): `reregistrationStatistics(groupBy: [CAMPAIGN])` lists them.';

function checkPeriod(value: string | null | undefined, field: string): string | null {
  if (value == null) return null;
  if (!PERIOD.test(value)) throw badUserInput('A period is a calendar quarter, `YYYY-Qn` (e.g. `2026-Q3`).', field);
  return value;
}

/**
 * Declared income by quarter, activity, regime and state for analysts and tax officers, in one
 * SQL statement, protected by the disclosure rules: a row of fewer than k taxpayers suppressed,
 * counts rounded to a base and amounts to significant figures, so that the answers before and
 * after one declaration never differ by its income. Amounts in `currency`, never converted.
 */
export async function getDeclarationStatistics(
  ctx: Context,
  args: DeclarationStatisticsArgs,
  /** Tests only: other rules than tax's `statistics_disclosure` rule value. */
  rules?: DisclosureRules,
): Promise<StatisticsOut & { currency: string }> {
  assertAggregateReader(ctx.principal);
  const measures = checkMeasures(args.measures);
  const groupBy = checkGroupBy(args.groupBy ?? [], [['QUARTER', 'YEAR']]);
  const currency = args.currency ?? 'USD';
  if (!isCurrency(currency)) throw badUserInput('The currency is an ISO 4217 code, e.g. `USD`.', 'currency');
  const filter = args.filter ?? {};
  const periodFrom = checkPeriod(filter.periodFrom, 'filter.periodFrom');
  const periodTo = checkPeriod(filter.periodTo, 'filter.periodTo');
  if (periodFrom && periodTo && periodFrom > periodTo) throw badUserInput('`periodFrom` is after `periodTo`.', 'filter.periodFrom');
  const asked = new Set([...measures].map((m) => DECLARATION_FIELD[m]));
  const params: DeclarationStatisticsParams = { groupBy, currency, filter: { ...filter, periodFrom, periodTo }, values: asked };
  const out = await disclosed(ctx, (db) => declarationStatistics(db, params), { measures: DECLARATION_MEASURES, asked }, rules);
  const money = (row: DisclosedRow): DisclosedRow => {
    const amounts: Record<string, Money | null> = {};
    for (const name of AMOUNTS) {
      const value = row[name];
      amounts[name] = typeof value === 'number' ? { amountMinor: Math.round(value), currency } : null;
    }
    // The statement's `declarations` is the row's `count` (its own `count` is the taxpayers, what k is applied to).
    const { declarations, ...rest } = row;
    return { ...rest, count: declarations ?? null, ...amounts };
  };
  return { ...out, currency, rows: out.rows.map(money), total: money(out.total) };
}

/**
 * Re-registration progress for analysts and tax officers: a campaign's IEs done, pending and
 * failed, with the failure's code, in one SQL statement; small cells suppressed, counts rounded.
 */
export async function getReregistrationStatistics(
  ctx: Context,
  args: ReregistrationStatisticsArgs,
  /** Tests only: other rules than tax's `statistics_disclosure` rule value. */
  rules?: DisclosureRules,
): Promise<StatisticsOut> {
  assertAggregateReader(ctx.principal);
  const measures = checkMeasures(args.measures);
  const groupBy = checkGroupBy(args.groupBy ?? []);
  const { campaignId = null, campaign: campaignCode = null, ...filter } = args.filter ?? {};
  if (campaignId !== null && !isUuid(campaignId)) throw badUserInput('`campaignId` is a campaign id (a UUID) from `reregistrationCampaigns`.', 'filter.campaignId');
  if (campaignCode !== null && !CAMPAIGN_CODE.test(campaignCode)) throw badUserInput(CAMPAIGN_CODE_HINT, 'filter.campaign');
  if (campaignCode !== null && campaignId !== null) throw badUserInput('Choose the campaign by `campaign` (its code) or by `campaignId`, not both.', 'filter.campaign');
  const asked = new Set<keyof typeof REREGISTRATION_MEASURES>(measures.has('COUNT') ? ['ies'] : []);
  const raw = await analyticsRead(ctx, (db) => reregistrationStatistics(db, { groupBy, campaignId, campaignCode, filter }));
  // The statement said whether the code names a campaign (0: none does).
  if (campaignCode !== null && raw.find((r) => r.isTotal)?.values.campaignKnown === 0) {
    throw badUserInput(`No re-registration campaign has the code \`${campaignCode}\`. ${CAMPAIGN_CODE_HINT}`, 'filter.campaign');
  }
  const out = disclosedRows(raw, { measures: REREGISTRATION_MEASURES, asked }, rules);
  const count = ({ ies, ...row }: DisclosedRow): DisclosedRow => ({ ...row, count: ies ?? null });
  return { ...out, rows: out.rows.map(count), total: count(out.total) };
}
