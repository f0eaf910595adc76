import { and, count, eq, sql } from 'drizzle-orm';
import { disclosureRuleSql } from '@nomad/kit';
import type { LaborDb } from '../../db/index.ts';
import { activityReports, evaluations, experts, monitoringCases, ruleValues } from '../../db/schema.ts';

export interface CountRow {
  key: string;
  count: number;
}

/** Cases by state and risk level. */
export async function countCasesByStateAndRisk(db: LaborDb): Promise<{ state: string; riskLevel: string; count: number }[]> {
  return db
    .select({ state: monitoringCases.state, riskLevel: monitoringCases.riskLevel, count: count() })
    .from(monitoringCases)
    .groupBy(monitoringCases.state, monitoringCases.riskLevel);
}

export async function countEvaluationsByStateAndVerdict(db: LaborDb): Promise<{ state: string; verdict: string | null; count: number }[]> {
  return db
    .select({ state: evaluations.state, verdict: evaluations.verdict, count: count() })
    .from(evaluations)
    .groupBy(evaluations.state, evaluations.verdict);
}

export async function countReportsByLateness(db: LaborDb): Promise<{ late: boolean; count: number }[]> {
  return db.select({ late: activityReports.late, count: count() }).from(activityReports).groupBy(activityReports.late);
}

/** Experts engaged today, and labor's `statistics_disclosure` rule value read in the same statement. */
export async function countEngagedExperts(db: LaborDb, params: { today: string }): Promise<{ n: number; rules: unknown }> {
  const [row] = await db
    .select({ n: count(), rules: disclosureRuleSql(ruleValues) })
    .from(experts)
    .where(
      and(
        eq(experts.state, 'ENGAGED'),
        sql`${experts.engagedFrom} <= ${params.today}`,
        sql`(${experts.engagedUntil} is null or ${experts.engagedUntil} >= ${params.today})`,
      ),
    );
  return { n: row?.n ?? 0, rules: row?.rules };
}
