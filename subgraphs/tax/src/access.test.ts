import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '@nomad/kit';
import { assertAggregateReader, assertMayReadNomadTax, assertTaxOfficer, isTaxOfficer, mayReadNomadTax, ownNomadId } from './access.ts';

// Who reads what in tax, as pure checks: each role against each check, refusals with their code and message.

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

describe('tax need to know', () => {
  it('a tax officer is one by role', () => {
    expect(isTaxOfficer(principal(['tax_officer']))).toBe(true);
    expect(isTaxOfficer(principal(['migration_officer', 'analyst']))).toBe(false);
  });

  it("a nomad's own id only for the nomad role", () => {
    expect(ownNomadId(principal(['nomad'], NOMAD))).toBe(NOMAD);
    expect(ownNomadId(principal(['tax_officer'], NOMAD))).toBeNull();
  });

  it("a nomad's tax records: the tax officer and the nomad themself, nobody else", () => {
    expect(mayReadNomadTax(principal(['tax_officer']), NOMAD)).toBe(true);
    expect(mayReadNomadTax(principal(['nomad'], NOMAD), NOMAD)).toBe(true);
    expect(mayReadNomadTax(principal(['nomad'], OTHER_NOMAD), NOMAD)).toBe(false);
    // Not a nomad, though carrying the id: refused.
    expect(mayReadNomadTax(principal(['analyst'], NOMAD), NOMAD)).toBe(false);
    for (const role of ['migration_officer', 'labor_officer', 'security_officer', 'auditor'] as const) {
      expect(mayReadNomadTax(principal([role]), NOMAD)).toBe(false);
    }
    expect(refusal(() => assertMayReadNomadTax(principal(['nomad'], OTHER_NOMAD), NOMAD))).toEqual({ code: 'FORBIDDEN', field: undefined, message: "Only a tax officer or the nomad themself may read a nomad's tax records." });
    expect(refusal(() => assertMayReadNomadTax(principal(['nomad'], NOMAD), NOMAD))).toBeNull();
  });

  it('tax officer only', () => {
    expect(refusal(() => assertTaxOfficer(principal(['analyst'])))).toEqual({ code: 'FORBIDDEN', field: undefined, message: 'Only a tax officer may do this.' });
    expect(refusal(() => assertTaxOfficer(principal(['tax_officer'])))).toBeNull();
  });

  it('aggregates: analysts and tax officers', () => {
    expect(refusal(() => assertAggregateReader(principal(['analyst'])))).toBeNull();
    expect(refusal(() => assertAggregateReader(principal(['tax_officer'])))).toBeNull();
    expect(refusal(() => assertAggregateReader(principal(['nomad'], NOMAD)))).toEqual({ code: 'FORBIDDEN', field: undefined, message: 'Only analysts and tax officers may read tax aggregates.' });
    expect(refusal(() => assertAggregateReader(principal(['migration_officer'])))).toEqual({ code: 'FORBIDDEN', field: undefined, message: 'Only analysts and tax officers may read tax aggregates.' });
  });
});
