import { analyticsRead, forbidden, hasRole } from '@nomad/kit';
import type { App } from '../../app.ts';
import type { Context } from '../../context.ts';
import { countCasesByStateAndRisk, countEngagedExperts, countEvaluationsByStateAndVerdict, countReportsByLateness, type CountRow } from './queries.ts';

export interface LaborAggregates {
  openCases: number;
  closedCases: number;
  openCasesByRiskLevel: CountRow[];
  evaluationsByState: CountRow[];
  verdicts: CountRow[];
  reportsFiled: number;
  lateReports: number;
  engagedExperts: number;
}

function tally(rows: readonly { key: string; count: number }[]): CountRow[] {
  const map = new Map<string, number>();
  for (const r of rows) map.set(r.key, (map.get(r.key) ?? 0) + r.count);
  return [...map].map(([key, n]) => ({ key, count: n })).sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Counts only, never a person: for analysts (DOMAIN.md: aggregates and pseudonymous records)
 * and labor officers. Four statements whatever the size of the data.
 */
export async function laborAggregates(ctx: Context, app: App): Promise<LaborAggregates> {
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
  const sum = (rows: readonly { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
  return {
    openCases: sum(cases.filter((c) => c.state === 'OPEN')),
    closedCases: sum(cases.filter((c) => c.state === 'CLOSED')),
    openCasesByRiskLevel: tally(cases.filter((c) => c.state === 'OPEN').map((c) => ({ key: c.riskLevel, count: c.count }))),
    evaluationsByState: tally(evaluations.map((e) => ({ key: e.state, count: e.count }))),
    verdicts: tally(evaluations.flatMap((e) => (e.verdict ? [{ key: e.verdict, count: e.count }] : []))),
    reportsFiled: sum(reports),
    lateReports: sum(reports.filter((r) => r.late)),
    engagedExperts,
  };
}
