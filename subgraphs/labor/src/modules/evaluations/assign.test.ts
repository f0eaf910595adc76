import { describe, expect, it } from 'vitest';
import type { ExpertConflictRow } from '../../db/schema.ts';
import { chooseExpert, conflictFor, isEngagedOn } from './assign.ts';

const NOMAD = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function conflict(partial: Partial<ExpertConflictRow> & Pick<ExpertConflictRow, 'kind'>): ExpertConflictRow {
  return { id: 'c', expertId: 'e', nomadId: null, employerName: null, country: null, note: null, declaredAt: '2026-01-01T00:00:00Z', declaredBy: 'x', ...partial };
}

describe('conflictFor', () => {
  const subject = { nomadId: NOMAD, clients: [{ name: 'Northwind  Labs GmbH', country: 'DEU' }, { name: null, country: 'USA' }] };

  it('matches a declared nomad, and only that nomad', () => {
    expect(conflictFor([conflict({ kind: 'NOMAD', nomadId: NOMAD })], subject)?.kind).toBe('NOMAD');
    expect(conflictFor([conflict({ kind: 'NOMAD', nomadId: OTHER })], subject)).toBeNull();
  });

  it('matches an employer by name, ignoring case and spacing, in its country when one is named', () => {
    expect(conflictFor([conflict({ kind: 'EMPLOYER', employerName: 'northwind labs gmbh' })], subject)).not.toBeNull();
    expect(conflictFor([conflict({ kind: 'EMPLOYER', employerName: 'Northwind Labs GmbH', country: 'DEU' })], subject)).not.toBeNull();
    expect(conflictFor([conflict({ kind: 'EMPLOYER', employerName: 'Northwind Labs GmbH', country: 'GBR' })], subject)).toBeNull();
    expect(conflictFor([conflict({ kind: 'EMPLOYER', employerName: 'Pixel Forge Inc' })], subject)).toBeNull();
  });

  it('matches a country of any reported client', () => {
    expect(conflictFor([conflict({ kind: 'COUNTRY', country: 'USA' })], subject)).not.toBeNull();
    expect(conflictFor([conflict({ kind: 'COUNTRY', country: 'JPN' })], subject)).toBeNull();
  });

  it('knows nothing of employers of a nomad who reported no clients', () => {
    expect(conflictFor([conflict({ kind: 'EMPLOYER', employerName: 'Northwind Labs GmbH' })], { nomadId: NOMAD, clients: [] })).toBeNull();
  });
});

describe('chooseExpert', () => {
  const experts = [
    { id: 'a', createdAt: '2026-01-01', openEvaluations: 3 },
    { id: 'b', createdAt: '2026-02-01', openEvaluations: 1 },
    { id: 'c', createdAt: '2026-01-15', openEvaluations: 1 },
  ];
  const subject = { nomadId: NOMAD, clients: [] };

  it('picks the least loaded, then the longest engaged', () => {
    expect(chooseExpert(experts, new Map(), subject)?.id).toBe('c');
  });

  it('never picks an expert with a conflict; null when nobody is left', () => {
    const conflicts = new Map([['c', [conflict({ kind: 'NOMAD', nomadId: NOMAD })]]]);
    expect(chooseExpert(experts, conflicts, subject)?.id).toBe('b');
    const all = new Map(experts.map((e) => [e.id, [conflict({ kind: 'NOMAD', nomadId: NOMAD })]]));
    expect(chooseExpert(experts, all, subject)).toBeNull();
    expect(chooseExpert([], new Map(), subject)).toBeNull();
  });
});

describe('isEngagedOn', () => {
  const expert = { state: 'ENGAGED' as const, engagedFrom: '2026-01-01', engagedUntil: '2026-12-31' };
  it('covers the days of the engagement period only, and never an ended engagement', () => {
    expect(isEngagedOn(expert, '2026-01-01')).toBe(true);
    expect(isEngagedOn(expert, '2026-12-31')).toBe(true);
    expect(isEngagedOn(expert, '2025-12-31')).toBe(false);
    expect(isEngagedOn(expert, '2027-01-01')).toBe(false);
    expect(isEngagedOn({ ...expert, engagedUntil: null }, '2030-01-01')).toBe(true);
    expect(isEngagedOn({ ...expert, state: 'ENDED' }, '2026-06-01')).toBe(false);
  });
});
