import { describe, expect, it } from 'vitest';
import { quarterDates, quarterOf, type Rules } from '../rules/service.ts';
import { checkReport, type FileReportInput } from './service.ts';

const RULES: Rules = {
  eligible_activities: [{ code: 'SOFTWARE_DEVELOPMENT', title: 'Software development' }],
  report_due_days: 30,
  currencies: ['USD', 'EUR'],
};

const valid: FileReportInput = {
  period: { year: 2026, quarter: 3 },
  activityCode: 'SOFTWARE_DEVELOPMENT',
  clients: [{ name: 'Northwind Labs GmbH', country: 'DEU' }],
  income: { amountMinor: 600_000, currency: 'USD' },
};

describe('quarters', () => {
  it('gives first and last days and the due day', () => {
    expect(quarterDates({ year: 2026, quarter: 1 }, RULES)).toEqual({ startsOn: '2026-01-01', endsOn: '2026-03-31', dueOn: '2026-04-30' });
    expect(quarterDates({ year: 2028, quarter: 1 }, RULES).endsOn).toBe('2028-03-31');
    expect(quarterDates({ year: 2026, quarter: 4 }, RULES)).toEqual({ startsOn: '2026-10-01', endsOn: '2026-12-31', dueOn: '2027-01-30' });
    expect(quarterOf('2026-11-24')).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf('2026-01-01')).toEqual({ year: 2026, quarter: 1 });
  });
});

describe('checkReport', () => {
  it('accepts a valid report', () => {
    expect(checkReport(valid, RULES, '2026-11-24')).toEqual([]);
  });

  it('reports every broken rule at once, each naming its field', () => {
    const errors = checkReport(
      { period: { year: 2027, quarter: 1 }, activityCode: 'KNITTING', clients: [{ country: 'KGZ' }, { country: 'de' }], income: { amountMinor: -1, currency: 'KZT' } },
      RULES,
      '2026-11-24',
    );
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ['PERIOD_NOT_STARTED', 'input.period'],
      ['ACTIVITY_NOT_ELIGIBLE', 'input.activityCode'],
      ['CLIENT_NOT_FOREIGN', 'input.clients.0.country'],
      ['INVALID_FORMAT', 'input.clients.1.country'],
      ['INVALID_FORMAT', 'input.income.amountMinor'],
      ['CURRENCY_NOT_SUPPORTED', 'input.income.currency'],
    ]);
  });

  it('needs a client and a real quarter', () => {
    expect(checkReport({ ...valid, clients: [] }, RULES, '2026-11-24').map((e) => e.code)).toEqual(['CLIENT_REQUIRED']);
    expect(checkReport({ ...valid, period: { year: 2026, quarter: 5 } }, RULES, '2026-11-24').map((e) => e.code)).toEqual(['INVALID_PERIOD']);
  });
});
