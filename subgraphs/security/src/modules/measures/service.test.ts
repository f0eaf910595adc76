import { describe, expect, it } from 'vitest';
import type { TechnicalMeasureRow } from '../../db/schema.ts';
import { measuresDueOn, type Rules } from '../rules/service.ts';
import { daysOverdue } from '../departures/service.ts';
import { MEASURE_TRANSITIONS, viewOf } from './service.ts';

const RULES: Rules = { decree_effective_on: '2025-05-15', measures_due_months: 2, expiry_exit_days: 15, exit_days_after_revocation: 15 };

const measure = (over: Partial<TechnicalMeasureRow> = {}): TechnicalMeasureRow => ({
  id: 'm',
  title: 't',
  responsibleUnit: 'u',
  dueOn: null,
  state: 'PLANNED',
  createdBy: 's',
  createdAt: '2025-05-16T00:00:00Z',
  updatedAt: '2025-05-16T00:00:00Z',
  version: 1,
  ...over,
});

describe('technical measures', () => {
  it('are due two months after the decree took effect (15 May 2025 → 15 July 2025)', () => {
    expect(measuresDueOn(RULES)).toBe('2025-07-15');
    expect(measuresDueOn({ ...RULES, decree_effective_on: '2025-12-31' })).toBe('2026-02-28');
  });

  it('are overdue when not DONE and due before today', () => {
    expect(viewOf(measure(), RULES, '2025-07-15')).toMatchObject({ effectiveDueOn: '2025-07-15', overdue: false });
    expect(viewOf(measure(), RULES, '2025-07-16').overdue).toBe(true);
    expect(viewOf(measure({ state: 'DONE' }), RULES, '2026-01-01').overdue).toBe(false);
    expect(viewOf(measure({ dueOn: '2025-06-01' }), RULES, '2025-06-02')).toMatchObject({ effectiveDueOn: '2025-06-01', overdue: true });
  });

  it('move PLANNED → IN_PROGRESS → DONE, and DONE only back to IN_PROGRESS', () => {
    expect(MEASURE_TRANSITIONS.PLANNED).toContain('IN_PROGRESS');
    expect(MEASURE_TRANSITIONS.IN_PROGRESS).toContain('DONE');
    expect(MEASURE_TRANSITIONS.DONE).toEqual(['IN_PROGRESS']);
  });
});

describe('exit deadlines', () => {
  it('count days past the deadline, never negative', () => {
    expect(daysOverdue({ exitDeadlineOn: '2026-12-09' }, '2026-12-12')).toBe(3);
    expect(daysOverdue({ exitDeadlineOn: '2026-12-09' }, '2026-12-01')).toBe(0);
  });
});
