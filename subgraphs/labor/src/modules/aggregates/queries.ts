import { and, count, eq, sql } from 'drizzle-orm';
import type { LaborDb } from '../../db/index.ts';
import { activityReports, evaluations, experts, monitoringCases } from '../../db/schema.ts';

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

export async function countEngagedExperts(db: LaborDb, params: { today: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(experts)
    .where(
      and(
        eq(experts.state, 'ENGAGED'),
        sql`${experts.engagedFrom} <= ${params.today}`,
        sql`(${experts.engagedUntil} is null or ${experts.engagedUntil} >= ${params.today})`,
      ),
    );
  return row?.n ?? 0;
}

