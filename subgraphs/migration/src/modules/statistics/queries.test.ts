import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { groupedStatisticsSql } from '@nomad/kit';
import { applicationStatisticsStatement, type ApplicationStatisticsValue } from './queries.ts';

const textOf = (values?: ReadonlySet<ApplicationStatisticsValue>) =>
  new PgDialect().sqlToQuery(groupedStatisticsSql(applicationStatisticsStatement({ filter: { today: '2026-11-24' }, groupBy: ['SUBMITTED_MONTH'], duration: 'WORKING_DAYS_TO_DECISION', ...(values ? { values } : {}) }))).sql;

describe('applicationStatisticsStatement computes only the values asked for', () => {
  it('counts alone: no percentile, no distinct count of the decided (each sorts the group)', () => {
    const sql = textOf(new Set(['applications']));
    expect(sql).not.toMatch(/percentile_cont/);
    expect(sql).not.toMatch(/filter \(where x\.days is not null\)/);
    expect(sql).not.toMatch(/avg\(/);
    expect(sql).toMatch(/count\(\*\)::int as "applications"/);
  });

  it('a median brings its basis, the decided applicants; by default every value', () => {
    const median = textOf(new Set(['median', 'decidedPeople']));
    expect(median).toMatch(/percentile_cont\(0\.5\)/);
    expect(median).toMatch(/as "decidedPeople"/);
    expect(median).not.toMatch(/percentile_cont\(0\.9\)/);
    const all = textOf();
    for (const name of ['applications', 'decidedPeople', 'median', 'p90', 'average', 'overdue']) expect(all).toContain(`as "${name}"`);
  });
});
