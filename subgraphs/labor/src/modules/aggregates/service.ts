import { analyticsRead, discloseCounts, disclosureRulesFrom, forbidden, hasRole, type DisclosedCount, type DisclosureRules } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { countCasesByStateAndRisk, countEngagedExperts, countEvaluationsByStateAndVerdict, countReportsByLateness, type CountRow } from './queries.ts';

export interface LaborAggregates {
  disclosure: DisclosureRules;
  openCases: number | null;
  closedCases: number | null;
  openCasesByRiskLevel: DisclosedCount[];
  evaluationsByState: DisclosedCount[];
  verdicts: DisclosedCount[];
  reportsFiled: number | null;
  lateReports: number | null;
  engagedExperts: number | null;
}

function tally(rows: readonly { key: string; count: number }[]): CountRow[] {
  const map = new Map<string, number>();
  for (const r of rows) map.set(r.key, (map.get(r.key) ?? 0) + r.count);
  return [...map].map(([key, n]) => ({ key, count: n })).sort((a, b) => a.key.localeCompare(b.key));
}

/** The protected count of `key` in a breakdown: null when suppressed or absent (none counted). */
const countOf = (rows: readonly DisclosedCount[], key: string) => rows.find((r) => r.key === key)?.count ?? null;

/**
 * Counts only, never a person: for analysts (DOMAIN.md: aggregates and pseudonymous records)
 * and labor officers. Four statements whatever the size of the data (the last also reads labor's
 * `statistics_disclosure` rule value; `rulesOverride`: tests only). Every breakdown is
 * protected as statistics are (the kit's `discloseCounts`): values under k suppressed, with the
 * others the total would give them back by, counts rounded, so that two answers one case,
 * report or evaluation apart never show that one record exactly.
 */
export async function laborAggregates(ctx: Context, app: App, rulesOverride?: DisclosureRules): Promise<LaborAggregates> {
  if (!hasRole(ctx.principal, 'analyst', 'labor_officer')) throw forbidden('Labor aggregates are for analysts and labor officers.');
  // On the analysts' pool (a replica, or under the analysts' statement timeout): ANALYTICS_TIMEOUT past it.
  const [cases, evaluations, reports, engagedExperts] = await analyticsRead(ctx, (db) =>
    Promise.all([
      countCasesByStateAndRisk(db),
      countEvaluationsByStateAndVerdict(db),
      countReportsByLateness(db),
      countEngagedExperts(db, { today: app.clock.today() }),
    ]),
  );
  const rules = rulesOverride ?? disclosureRulesFrom(engagedExperts.rules);
  const byState = discloseCounts(tally(cases.map((c) => ({ key: c.state, count: c.count }))), rules);
  const byLateness = discloseCounts(tally(reports.map((r) => ({ key: r.late ? 'LATE' : 'ON_TIME', count: r.count }))), rules);
  return {
    disclosure: rules,
    openCases: countOf(byState.rows, 'OPEN'),
    closedCases: countOf(byState.rows, 'CLOSED'),
    openCasesByRiskLevel: discloseCounts(tally(cases.filter((c) => c.state === 'OPEN').map((c) => ({ key: c.riskLevel, count: c.count }))), rules).rows,
    evaluationsByState: discloseCounts(tally(evaluations.map((e) => ({ key: e.state, count: e.count }))), rules).rows,
    verdicts: discloseCounts(tally(evaluations.flatMap((e) => (e.verdict ? [{ key: e.verdict, count: e.count }] : []))), rules).rows,
    reportsFiled: byLateness.total,
    lateReports: countOf(byLateness.rows, 'LATE'),
    engagedExperts: discloseCounts([{ key: 'ENGAGED', count: engagedExperts.n }], rules).total,
  };
}
