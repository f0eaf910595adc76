import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisclosureRules, Principal } from '@nomad/kit';
import { fixedClock } from '../../clock.ts';
import { laborAggregates } from '../aggregates/service.ts';
import { openStatisticsFixture, statisticsContext, type StatisticsFixture } from './__fixtures__/program.ts';
import { getActivityReportStatistics, getEvaluationStatistics, getMonitoringCaseStatistics } from './service.ts';

// Analysts' reads on their own pool: with a replica (here a second database holding 5 more
// cases, so the answer shows where it was read), labor's statistics and aggregates come from
// it, not from the agency's database, and take no statement there.

const analyst: Principal = { sub: 'analyst-1', name: 'analyst', roles: ['analyst'], nomadId: null };
const EXACT: DisclosureRules = { minCellSize: 1, countRoundingBase: 1, significantFigures: 0 };
let primary: StatisticsFixture | undefined;
let replica: StatisticsFixture | undefined;

beforeAll(async () => {
  primary = await openStatisticsFixture('labor_analytics_primary');
  replica = await openStatisticsFixture('labor_analytics_replica', { extraCases: 5 });
});
afterAll(async () => {
  await primary?.close();
  await replica?.close();
});

describe('labor statistics read the analysts’ pool', () => {
  it('monitoringCaseStatistics, activityReportStatistics, evaluationStatistics and laborAggregates answer from the replica', async () => {
    if (!primary || !replica) throw new Error('not opened');
    const onReplica = statisticsContext(primary.database, analyst, replica.database);
    const primaryBefore = primary.database.statementCount();
    const replicaBefore = replica.database.statementCount();
    expect((await getMonitoringCaseStatistics(onReplica, { measures: ['COUNT'] }, EXACT)).total.count).toBe(16);
    expect((await getActivityReportStatistics(onReplica, { measures: ['COUNT'] }, EXACT)).total.count).toBe(9);
    expect((await getEvaluationStatistics(onReplica, { measures: ['COUNT'] }, EXACT)).total.count).toBe(16);
    expect((await laborAggregates(onReplica, { clock: fixedClock('2026-11-24T06:00:00Z') }, EXACT)).openCases).toBe(13);
    expect(primary.database.statementCount() - primaryBefore).toBe(0);
    expect(replica.database.statementCount() - replicaBefore).toBe(7);
    // Without an analysts' pool: the agency's own database (11 cases).
    const onPrimary = statisticsContext(primary.database, analyst);
    expect((await getMonitoringCaseStatistics(onPrimary, { measures: ['COUNT'] }, EXACT)).total.count).toBe(11);
  });
});
