import { describe, expect, it } from 'vitest';
import type { Principal } from '@nomad/kit';
import type { ScreeningRow } from '../../db/schema.ts';
import { canReadDetails, canReadOutcome, decreeGround } from './policy.ts';
import { canTransition, checkConclusion, clearanceOf, MAX_REASON_TEXT } from './service.ts';

const NOMAD = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const who = (roles: Principal['roles'], nomadId: string | null = null): Principal => ({ sub: 'x', name: 'x', roles, nomadId });

describe('conclusion rules', () => {
  const codes = (input: Parameters<typeof checkConclusion>[0]) => checkConclusion(input).map((e) => e.code);

  it('FLAGGED needs a reason; CLEARED takes none', () => {
    expect(codes({ outcome: 'FLAGGED' })).toEqual(['REASONS_REQUIRED']);
    expect(codes({ outcome: 'FLAGGED', reasons: [] })).toEqual(['REASONS_REQUIRED']);
    expect(codes({ outcome: 'FLAGGED', reasons: ['WATCHLIST_MATCH'] })).toEqual([]);
    expect(codes({ outcome: 'CLEARED' })).toEqual([]);
    expect(codes({ outcome: 'CLEARED', reasons: ['ENTRY_BAN'] })).toEqual(['REASONS_NOT_ALLOWED']);
  });

  it('OTHER needs free text; text is bounded; a reason is given once; all broken rules at once', () => {
    expect(codes({ outcome: 'FLAGGED', reasons: ['OTHER'], reasonText: '  ' })).toEqual(['REASON_TEXT_REQUIRED']);
    expect(codes({ outcome: 'FLAGGED', reasons: ['OTHER'], reasonText: 'Travel history.' })).toEqual([]);
    expect(codes({ outcome: 'CLEARED', reasonText: 'x'.repeat(MAX_REASON_TEXT + 1) })).toEqual(['REASON_TEXT_TOO_LONG']);
    expect(codes({ outcome: 'FLAGGED', reasons: ['OTHER', 'OTHER'] })).toEqual(['DUPLICATE_REASON', 'REASON_TEXT_REQUIRED']);
  });

  it('only PENDING may be concluded, and never back to PENDING', () => {
    expect(canTransition('PENDING', 'CLEARED')).toBe(true);
    expect(canTransition('PENDING', 'FLAGGED')).toBe(true);
    expect(canTransition('PENDING', 'PENDING')).toBe(false);
    expect(canTransition('CLEARED', 'FLAGGED')).toBe(false);
    expect(canTransition('FLAGGED', 'CLEARED')).toBe(false);
  });
});

describe('need to know', () => {
  it('details for security officers only', () => {
    expect(canReadDetails(who(['security_officer']))).toBe(true);
    for (const role of ['migration_officer', 'analyst', 'nomad', 'labor_officer', 'tax_officer', 'auditor'] as const) {
      expect(canReadDetails(who([role], role === 'nomad' ? NOMAD : null))).toBe(false);
    }
  });

  it('the outcome for the officers concerned, analysts and the nomad themself', () => {
    expect(canReadOutcome(who(['migration_officer']), NOMAD)).toBe(true);
    expect(canReadOutcome(who(['analyst']), NOMAD)).toBe(true);
    expect(canReadOutcome(who(['nomad'], NOMAD), NOMAD)).toBe(true);
    expect(canReadOutcome(who(['nomad'], '5eed0000-0000-4000-8000-000000000001'), NOMAD)).toBe(false);
    expect(canReadOutcome(who(['labor_officer']), NOMAD)).toBe(false);
    expect(canReadOutcome(who(['auditor']), NOMAD)).toBe(false);
  });

  it('migration learns one decree ground, the gravest', () => {
    expect(decreeGround(['WATCHLIST_MATCH'])).toBe('NATIONAL_SECURITY_THREAT');
    expect(decreeGround(['FORGED_DOCUMENTS'])).toBe('FALSE_DOCUMENTS');
    expect(decreeGround(['FORGED_DOCUMENTS', 'INTELLIGENCE_REPORT', 'TERRORISM_CONVICTION'])).toBe('CRIMINAL_CONVICTION');
    expect(decreeGround([])).toBe('NATIONAL_SECURITY_THREAT');
  });
});

describe('clearance', () => {
  const row = (kind: ScreeningRow['kind'], outcome: ScreeningRow['outcome']): ScreeningRow => ({
    id: `${kind}-${outcome}`,
    seq: 1,
    kind,
    applicationId: null,
    applicationNumber: null,
    dependantId: null,
    nomadId: NOMAD,
    citizenship: null,
    outcome,
    reasons: [],
    reasonText: null,
    classification: null,
    officerSub: null,
    requestNote: null,
    openedAt: '2026-01-01T00:00:00Z',
    concludedAt: null,
    version: 1,
  });

  it('follows the latest screening; a flagged re-screening recommends suspension until a cleared one', () => {
    expect(clearanceOf([])).toBeNull();
    expect(clearanceOf([row('APPLICATION', 'CLEARED')])).toMatchObject({ latest: { outcome: 'CLEARED' }, suspensionRecommended: false });
    expect(clearanceOf([row('RESCREEN', 'FLAGGED'), row('APPLICATION', 'CLEARED')])).toMatchObject({ latest: { outcome: 'FLAGGED' }, suspensionRecommended: true });
    // A pending re-screening does not withdraw the recommendation of the previous one.
    expect(clearanceOf([row('RESCREEN', 'PENDING'), row('RESCREEN', 'FLAGGED')])?.suspensionRecommended).toBe(true);
    expect(clearanceOf([row('RESCREEN', 'CLEARED'), row('RESCREEN', 'FLAGGED')])?.suspensionRecommended).toBe(false);
    // An application flagged is a refusal matter, not a suspension.
    expect(clearanceOf([row('APPLICATION', 'FLAGGED')])?.suspensionRecommended).toBe(false);
  });
});
