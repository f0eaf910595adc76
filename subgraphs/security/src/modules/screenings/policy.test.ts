import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '@nomad/kit';
import { assertDetailsReadable, assertOutcomeReadable, canReadDetails, canReadOutcome, decreeGround } from './policy.ts';

// Need to know in security, as pure checks; and the decree ground a flagged screening maps to.

const NOMAD = '00000000-0000-4000-8000-00000000000a';
const OTHER_NOMAD = '00000000-0000-4000-8000-00000000000b';
const principal = (roles: Role[], nomadId: string | null = null): Principal => ({ sub: 'user-1', name: 'Test', roles, nomadId });

/** The code, field and message a check threw, or null when it did not throw. */
function refusal(check: () => unknown): { code: unknown; field: unknown; message: string } | null {
  try {
    check();
    return null;
  } catch (err) {
    const { message, extensions } = err as { message: string; extensions?: Record<string, unknown> };
    return { code: extensions?.code, field: extensions?.field, message };
  }
}

describe('screening need to know', () => {
  it('details: security officers alone', () => {
    expect(canReadDetails(principal(['security_officer']))).toBe(true);
    for (const role of ['migration_officer', 'analyst', 'labor_officer', 'tax_officer', 'auditor'] as const) expect(canReadDetails(principal([role]))).toBe(false);
    expect(canReadDetails(principal(['nomad'], NOMAD))).toBe(false);
    expect(refusal(() => assertDetailsReadable(principal(['migration_officer'])))).toEqual({ code: 'FORBIDDEN', field: undefined, message: 'Screening details are visible to security officers only.' });
    expect(refusal(() => assertDetailsReadable(principal(['security_officer'])))).toBeNull();
  });

  it('outcome: security, migration, analysts and the nomad it is about', () => {
    for (const role of ['security_officer', 'migration_officer', 'analyst'] as const) expect(canReadOutcome(principal([role]), NOMAD)).toBe(true);
    expect(canReadOutcome(principal(['nomad'], NOMAD), NOMAD)).toBe(true);
    expect(canReadOutcome(principal(['nomad'], OTHER_NOMAD), NOMAD)).toBe(false);
    // The id alone, without the nomad role, is not the nomad.
    expect(canReadOutcome(principal(['labor_officer'], NOMAD), NOMAD)).toBe(false);
    for (const role of ['labor_officer', 'tax_officer', 'auditor', 'labor_expert'] as const) expect(canReadOutcome(principal([role]), NOMAD)).toBe(false);
    expect(refusal(() => assertOutcomeReadable(principal(['tax_officer']), NOMAD))).toEqual({ code: 'FORBIDDEN', field: undefined, message: 'Only the officers concerned and the nomad may read a screening outcome.' });
    expect(refusal(() => assertOutcomeReadable(principal(['nomad'], NOMAD), NOMAD))).toBeNull();
  });
});

describe('the decree ground of a flagged screening', () => {
  it('maps each reason to its ground', () => {
    expect(decreeGround(['WATCHLIST_MATCH'])).toBe('NATIONAL_SECURITY_THREAT');
    expect(decreeGround(['EXTREMIST_AFFILIATION'])).toBe('NATIONAL_SECURITY_THREAT');
    expect(decreeGround(['INTELLIGENCE_REPORT'])).toBe('NATIONAL_SECURITY_THREAT');
    expect(decreeGround(['ENTRY_BAN'])).toBe('NATIONAL_SECURITY_THREAT');
    expect(decreeGround(['OTHER'])).toBe('NATIONAL_SECURITY_THREAT');
    expect(decreeGround(['TERRORISM_CONVICTION'])).toBe('CRIMINAL_CONVICTION');
    expect(decreeGround(['NATIONAL_SECURITY_OFFENCE_CONVICTION'])).toBe('CRIMINAL_CONVICTION');
    expect(decreeGround(['CRIMES_AGAINST_HUMANITY_CONVICTION'])).toBe('CRIMINAL_CONVICTION');
    expect(decreeGround(['FORGED_DOCUMENTS'])).toBe('FALSE_DOCUMENTS');
    expect(decreeGround(['IDENTITY_MISMATCH'])).toBe('FALSE_DOCUMENTS');
  });

  it('ranks every threat reason above false documents', () => {
    for (const reason of ['WATCHLIST_MATCH', 'EXTREMIST_AFFILIATION', 'INTELLIGENCE_REPORT', 'ENTRY_BAN', 'OTHER'] as const) {
      expect(decreeGround(['IDENTITY_MISMATCH', reason])).toBe('NATIONAL_SECURITY_THREAT');
    }
  });

  it('takes the gravest: a conviction over a threat over false documents', () => {
    expect(decreeGround(['FORGED_DOCUMENTS', 'WATCHLIST_MATCH', 'TERRORISM_CONVICTION'])).toBe('CRIMINAL_CONVICTION');
    expect(decreeGround(['FORGED_DOCUMENTS', 'ENTRY_BAN'])).toBe('NATIONAL_SECURITY_THREAT');
    expect(decreeGround(['IDENTITY_MISMATCH', 'FORGED_DOCUMENTS'])).toBe('FALSE_DOCUMENTS');
  });

  it('falls back to a threat when no reason is given', () => {
    expect(decreeGround([])).toBe('NATIONAL_SECURITY_THREAT');
  });
});
