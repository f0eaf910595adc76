import { describe, expect, it, vi } from 'vitest';
import { ANALYST_LOOKUP_REFUSED, type Principal, type Role } from '@nomad/kit';
import type { Context } from '../../context.ts';
import type { ApplicationRow, NomadRow } from '../../db/schema.ts';
import { isLinked, linkedAgencies, type LinkFacts } from '../../policy.ts';
import { statusRemarkFor } from '../status/service.ts';
import { applicationNumberFor, assertDetailsReadable, getApplication, resolveApplicationReference } from '../applications/service.ts';
import { listNomads } from './queries.ts';
import { assertIdentityReadable, assertStatusReadable, canOpen, canReadIdentity, getMe, getNomad, isSelf, listNomadsFor, resolveNomadReference } from './service.ts';

// The list query is replaced: what matters here is who may list, and with which filter.
vi.mock('./queries.ts', () => ({ listNomads: vi.fn(() => Promise.resolve([])), countNomads: vi.fn(() => Promise.resolve(0)) }));

// Who reads a nomad's record in migration, as pure checks over a fake request (the loaders are the only data).

const NOMAD = '00000000-0000-4000-8000-00000000000a';
const OTHER_NOMAD = '00000000-0000-4000-8000-00000000000b';
const PIN = '21505199200017';
const principal = (roles: Role[], nomadId: string | null = null): Principal => ({ sub: 'user-1', name: 'Test', roles, nomadId });

/** The code, field and message a call was rejected with, or null when it resolved. */
async function rejection(call: () => Promise<unknown>): Promise<{ code: unknown; field: unknown; message: string } | null> {
  try {
    await call();
    return null;
  } catch (err) {
    const { message, extensions } = err as { message: string; extensions?: Record<string, unknown> };
    return { code: extensions?.code, field: extensions?.field, message };
  }
}
const coded = (code: string, message: string, field?: string) => ({ code, field, message });

/** No fact: a nomad no other agency holds a record of. */
const NO_FACTS: LinkFacts = { heldStatus: false, evaluationRequested: false, applied: false, exited: false };
/** Every fact: a nomad every other agency holds a record of. */
const ALL_FACTS: LinkFacts = { heldStatus: true, evaluationRequested: true, applied: true, exited: true };

/**
 * A fake request: `nomadById` finds every id, `nomadByPin` finds `byPin`, `linkFactsByNomad`
 * answers `facts` for every nomad (null: migration has no such nomad).
 */
function ctxOf(p: Principal, byPin: NomadRow | null = null, facts: LinkFacts | null = ALL_FACTS) {
  const nomadById = vi.fn((id: string) => Promise.resolve({ id } as NomadRow));
  const nomadByPin = vi.fn(() => Promise.resolve(byPin));
  const linkFacts = vi.fn(() => Promise.resolve(facts));
  const application = { id: 'app-1', number: '10000001', nomadId: NOMAD } as ApplicationRow;
  const applicationById = vi.fn(() => Promise.resolve(application));
  const ctx = {
    principal: p,
    loaders: {
      nomadById: { load: nomadById },
      nomadByPin: { load: nomadByPin },
      linkFactsByNomad: { load: linkFacts },
      applicationById: { load: applicationById },
      applicationByNumber: { load: applicationById },
    },
  } as unknown as Context;
  return { ctx, nomadById, nomadByPin, linkFacts, application };
}

const OFFICERS = ['migration_officer', 'labor_officer', 'tax_officer', 'security_officer'] as const;
/** Other agencies' officers: they reach a nomad in migration only through their agency's own records. */
const LINKED_OFFICERS = ['labor_officer', 'tax_officer', 'security_officer'] as const;

describe('identity and status reads', () => {
  it('self is the nomad role with the same id', () => {
    expect(isSelf(principal(['nomad'], NOMAD), NOMAD)).toBe(true);
    expect(isSelf(principal(['nomad'], OTHER_NOMAD), NOMAD)).toBe(false);
    expect(isSelf(principal(['analyst'], NOMAD), NOMAD)).toBe(false);
  });

  it('identity: migration officers, other agencies\' officers of a linked nomad, the nomad themself; not analysts, auditors, experts or another nomad', async () => {
    for (const role of OFFICERS) expect(await canReadIdentity(ctxOf(principal([role])).ctx, NOMAD)).toBe(true);
    expect(await canReadIdentity(ctxOf(principal(['nomad'], NOMAD)).ctx, NOMAD)).toBe(true);
    for (const role of ['analyst', 'auditor', 'labor_expert'] as const) expect(await canReadIdentity(ctxOf(principal([role])).ctx, NOMAD)).toBe(false);
    expect(await canReadIdentity(ctxOf(principal(['nomad'], OTHER_NOMAD)).ctx, NOMAD)).toBe(false);
    expect(await rejection(() => assertIdentityReadable(ctxOf(principal(['analyst'])).ctx, NOMAD))).toEqual(coded('FORBIDDEN', 'Personal data of this nomad is not visible to you.'));
    expect(await rejection(() => assertIdentityReadable(ctxOf(principal(['nomad'], NOMAD)).ctx, NOMAD))).toBeNull();
  });

  it('identity of an unlinked nomad: refused to other agencies\' officers, still read by migration officers and the nomad', async () => {
    for (const role of LINKED_OFFICERS) {
      expect(await canReadIdentity(ctxOf(principal([role]), null, NO_FACTS).ctx, NOMAD)).toBe(false);
      expect(await rejection(() => assertIdentityReadable(ctxOf(principal([role]), null, NO_FACTS).ctx, NOMAD, 'Nomad.pin'))).toEqual(coded('FORBIDDEN', 'Personal data of this nomad is not visible to you.'));
    }
    expect(await canReadIdentity(ctxOf(principal(['migration_officer']), null, NO_FACTS).ctx, NOMAD)).toBe(true);
    expect(await canReadIdentity(ctxOf(principal(['nomad'], NOMAD), null, NO_FACTS).ctx, NOMAD)).toBe(true);
  });

  it('status: the officers (others\' when linked), analysts and the nomad themself; not auditors, experts or another nomad', async () => {
    for (const role of [...OFFICERS, 'analyst'] as const) expect(await rejection(() => assertStatusReadable(ctxOf(principal([role])).ctx, NOMAD))).toBeNull();
    expect(await rejection(() => assertStatusReadable(ctxOf(principal(['nomad'], NOMAD)).ctx, NOMAD))).toBeNull();
    for (const p of [principal(['auditor']), principal(['labor_expert']), principal(['nomad'], OTHER_NOMAD)]) {
      expect(await rejection(() => assertStatusReadable(ctxOf(p).ctx, NOMAD))).toEqual(coded('FORBIDDEN', "This nomad's status is not visible to you."));
    }
    for (const role of LINKED_OFFICERS) {
      expect(await rejection(() => assertStatusReadable(ctxOf(principal([role]), null, NO_FACTS).ctx, NOMAD, 'Nomad.statusHistory'))).toEqual(coded('FORBIDDEN', "This nomad's status is not visible to you."));
    }
    for (const role of ['migration_officer', 'analyst'] as const) expect(await rejection(() => assertStatusReadable(ctxOf(principal([role]), null, NO_FACTS).ctx, NOMAD))).toBeNull();
  });
});

describe('one nomad by id or PIN', () => {
  it('takes exactly one of id and PIN, naming the argument', async () => {
    const { ctx } = ctxOf(principal(['migration_officer']));
    expect(await rejection(() => getNomad(ctx, {}))).toEqual(coded('BAD_USER_INPUT', 'Give exactly one of `id` or `pin`.', 'id'));
    expect(await rejection(() => getNomad(ctx, { id: NOMAD, pin: PIN }))).toEqual(coded('BAD_USER_INPUT', 'Give exactly one of `id` or `pin`.', 'pin'));
    expect(await rejection(() => getNomad(ctx, { id: 'not-a-uuid' }))).toEqual(coded('BAD_USER_INPUT', '`id` must be a UUID.', 'id'));
    expect(await rejection(() => getNomad(ctx, { pin: '3150519920001' }))).toEqual(coded('BAD_USER_INPUT', '`pin` must be 14 digits: a sex digit, the birth date DDMMYYYY and a serial.', 'pin'));
  });

  it('by id: migration officers open anyone, other agencies\' officers a linked nomad, a nomad only themself', async () => {
    for (const role of OFFICERS) {
      const { ctx, nomadById } = ctxOf(principal([role]));
      expect(await getNomad(ctx, { id: NOMAD })).toEqual({ id: NOMAD });
      expect(nomadById).toHaveBeenCalledWith(NOMAD);
    }
    expect(await getNomad(ctxOf(principal(['nomad'], NOMAD)).ctx, { id: NOMAD })).toEqual({ id: NOMAD });
    const other = ctxOf(principal(['nomad'], OTHER_NOMAD));
    expect(await rejection(() => getNomad(other.ctx, { id: NOMAD }))).toEqual(coded('FORBIDDEN', 'A nomad may read only their own record.'));
    expect(other.nomadById).not.toHaveBeenCalled();
    expect(await rejection(() => getNomad(ctxOf(principal(['auditor'])).ctx, { id: NOMAD }))).toEqual(coded('FORBIDDEN', 'A nomad may read only their own record.'));
  });

  it('by id: another agency\'s officer gets null for a nomad not linked to their agency, as for an unknown id', async () => {
    for (const role of LINKED_OFFICERS) {
      const { ctx, linkFacts } = ctxOf(principal([role]), null, NO_FACTS);
      expect(await getNomad(ctx, { id: NOMAD })).toBeNull();
      expect(linkFacts).toHaveBeenCalledWith(NOMAD);
    }
    // Migration officers need no relation: the facts are never read for them.
    const { ctx, linkFacts } = ctxOf(principal(['migration_officer']), null, NO_FACTS);
    expect(await getNomad(ctx, { id: NOMAD })).toEqual({ id: NOMAD });
    expect(linkFacts).not.toHaveBeenCalled();
  });

  it('analysts look no one up, by id or by PIN, whatever other role they hold: refused before any read, quoting no value', async () => {
    const refused = (field: string) => coded('FORBIDDEN', ANALYST_LOOKUP_REFUSED, field);
    for (const roles of [['analyst'], ['migration_officer', 'analyst']] as Role[][]) {
      const { ctx, nomadById, nomadByPin } = ctxOf(principal(roles), { id: NOMAD } as NomadRow);
      expect(await rejection(() => getNomad(ctx, { id: NOMAD }))).toEqual(refused('id'));
      expect(await rejection(() => getNomad(ctx, { pin: PIN }))).toEqual(refused('pin'));
      expect(nomadById).not.toHaveBeenCalled();
      expect(nomadByPin).not.toHaveBeenCalled();
    }
  });

  it('by PIN: another agency\'s officer finds a linked nomad; an unlinked one answers as an unknown PIN', async () => {
    const row = { id: NOMAD } as NomadRow;
    for (const role of LINKED_OFFICERS) {
      expect(await getNomad(ctxOf(principal([role]), row, ALL_FACTS).ctx, { pin: PIN })).toBe(row);
      expect(await getNomad(ctxOf(principal([role]), row, NO_FACTS).ctx, { pin: PIN })).toBeNull();
      expect(await getNomad(ctxOf(principal([role]), null, NO_FACTS).ctx, { pin: PIN })).toBeNull();
    }
    expect(await getNomad(ctxOf(principal(['migration_officer']), row, NO_FACTS).ctx, { pin: PIN })).toBe(row);
  });

  it('by PIN: officers look up anyone; auditors are refused before the lookup', async () => {
    const row = { id: NOMAD } as NomadRow;
    for (const role of OFFICERS) {
      const { ctx, nomadByPin } = ctxOf(principal([role]), row);
      expect(await getNomad(ctx, { pin: PIN })).toBe(row);
      expect(nomadByPin).toHaveBeenCalledWith(PIN);
    }
    const { ctx, nomadByPin } = ctxOf(principal(['auditor']), row);
    expect(await rejection(() => getNomad(ctx, { pin: PIN }))).toEqual(coded('FORBIDDEN', 'Looking up a nomad by PIN is for officers.'));
    expect(nomadByPin).not.toHaveBeenCalled();
  });

  it("by PIN: a nomad finds themself; another's PIN answers exactly as an unknown one (null, no oracle)", async () => {
    const own = { id: NOMAD } as NomadRow;
    expect(await getNomad(ctxOf(principal(['nomad'], NOMAD), own).ctx, { pin: PIN })).toBe(own);
    const someoneElses = await getNomad(ctxOf(principal(['nomad'], OTHER_NOMAD), own).ctx, { pin: PIN });
    const unknown = await getNomad(ctxOf(principal(['nomad'], OTHER_NOMAD), null).ctx, { pin: PIN });
    expect(someoneElses).toBeNull();
    expect(unknown).toBeNull();
  });
});

describe('the `linked` relation: migration\'s facts behind each agency\'s own records', () => {
  const only = (fact: keyof LinkFacts): LinkFacts => ({ ...NO_FACTS, [fact]: true });
  const agencies = (facts: LinkFacts) => [...linkedAgencies(facts)].sort();

  it('labor: a status period ever held (monitoring case), or an evaluation requested', () => {
    expect(agencies(only('heldStatus'))).toContain('labor');
    expect(agencies(only('evaluationRequested'))).toEqual(['labor']);
    expect(agencies(only('applied'))).not.toContain('labor');
    expect(agencies(only('exited'))).not.toContain('labor');
  });

  it('tax: a status period ever held (IE registration), pilot periods included; nothing else', () => {
    expect(agencies(only('heldStatus'))).toEqual(['labor', 'tax']);
    expect(agencies(only('evaluationRequested'))).not.toContain('tax');
    expect(agencies(only('applied'))).not.toContain('tax');
    expect(agencies(only('exited'))).not.toContain('tax');
  });

  it('GKNB: an application submitted (screening), or a revoked or expired status (exit watch)', () => {
    expect(agencies(only('applied'))).toEqual(['security']);
    expect(agencies(only('exited'))).toEqual(['security']);
    expect(agencies(only('heldStatus'))).not.toContain('security');
    expect(agencies(only('evaluationRequested'))).not.toContain('security');
  });

  it('no fact, no agency; every fact, every agency', () => {
    expect(agencies(NO_FACTS)).toEqual([]);
    expect(agencies(ALL_FACTS)).toEqual(['labor', 'security', 'tax']);
  });

  it('holds for the role of the agency linked, never for a role without an agency or an unknown nomad', () => {
    expect(isLinked(only('evaluationRequested'), 'labor_officer')).toBe(true);
    expect(isLinked(only('evaluationRequested'), 'tax_officer')).toBe(false);
    expect(isLinked(only('heldStatus'), 'tax_officer')).toBe(true);
    expect(isLinked(only('heldStatus'), 'security_officer')).toBe(false);
    expect(isLinked(only('applied'), 'security_officer')).toBe(true);
    expect(isLinked(only('applied'), 'labor_officer')).toBe(false);
    for (const role of ['migration_officer', 'nomad', 'analyst', 'auditor', 'labor_expert'] as const) expect(isLinked(ALL_FACTS, role)).toBe(false);
    for (const role of LINKED_OFFICERS) expect(isLinked(null, role)).toBe(false);
  });

  it('a link opens only the cells that name it: application details stay `never` for a tax officer of a linked nomad', async () => {
    const tax = ctxOf(principal(['tax_officer']), null, only('heldStatus')).ctx;
    expect(await rejection(() => assertDetailsReadable(tax, { nomadId: NOMAD } as ApplicationRow, 'Application.documents'))).toEqual(coded('FORBIDDEN', 'Application details are not visible to you.'));
    const labor = ctxOf(principal(['labor_officer']), null, only('evaluationRequested')).ctx;
    expect(await rejection(() => assertDetailsReadable(labor, { nomadId: NOMAD } as ApplicationRow, 'Application.documents'))).toBeNull();
  });
});

describe('references and applications follow the relation', () => {
  it('`_entities` by id: null for an other agency\'s officer and an unlinked nomad; the record when linked', async () => {
    for (const role of LINKED_OFFICERS) {
      expect(await resolveNomadReference(ctxOf(principal([role]), null, NO_FACTS).ctx, { id: NOMAD })).toBeNull();
      expect(await resolveNomadReference(ctxOf(principal([role]), null, ALL_FACTS).ctx, { id: NOMAD })).toEqual({ id: NOMAD });
      expect(await canOpen(ctxOf(principal([role]), null, NO_FACTS).ctx, NOMAD)).toBe(false);
    }
    // Callers who reach no nomad through a relation get the record; its fields refuse them one by one.
    for (const p of [principal(['auditor']), principal(['migration_officer']), principal(['nomad'], NOMAD)]) {
      expect(await resolveNomadReference(ctxOf(p, null, NO_FACTS).ctx, { id: NOMAD })).toEqual({ id: NOMAD });
    }
    // An unknown id is null for everyone, another agency's officer included.
    for (const role of ['labor_officer', 'migration_officer'] as const) {
      const unknown = ctxOf(principal([role]), null, ALL_FACTS);
      unknown.nomadById.mockResolvedValueOnce(null as unknown as NomadRow);
      expect(await resolveNomadReference(unknown.ctx, { id: OTHER_NOMAD })).toBeNull();
    }
  });

  it('`_entities` by PIN: as `nomad(pin:)`, null unless the caller may read that PIN', async () => {
    const row = { id: NOMAD } as NomadRow;
    for (const role of LINKED_OFFICERS) {
      expect(await resolveNomadReference(ctxOf(principal([role]), row, NO_FACTS).ctx, { pin: PIN })).toBeNull();
      expect(await resolveNomadReference(ctxOf(principal([role]), row, ALL_FACTS).ctx, { pin: PIN })).toBe(row);
    }
    expect(await resolveNomadReference(ctxOf(principal(['analyst']), row).ctx, { pin: PIN })).toBeNull();
    expect(await resolveNomadReference(ctxOf(principal(['nomad'], OTHER_NOMAD), row).ctx, { pin: PIN })).toBeNull();
    expect(await resolveNomadReference(ctxOf(principal(['nomad'], NOMAD), row).ctx, { pin: PIN })).toBe(row);
    expect(await resolveNomadReference(ctxOf(principal(['migration_officer']), null).ctx, { pin: PIN })).toBeNull();
    expect(await resolveNomadReference(ctxOf(principal(['migration_officer']), row).ctx, {})).toBeNull();
  });

  it('an application: labor and GKNB officers see one of a linked nomad; unlinked, or a tax officer, it is not found', async () => {
    for (const role of ['labor_officer', 'security_officer'] as const) {
      const linked = ctxOf(principal([role]), null, ALL_FACTS);
      expect(await getApplication(linked.ctx, { number: '10000001' })).toBe(linked.application);
      expect(await resolveApplicationReference(linked.ctx, { id: 'app-1' })).toBe(linked.application);
      const unlinked = ctxOf(principal([role]), null, NO_FACTS);
      expect(await getApplication(unlinked.ctx, { number: '10000001' })).toBeNull();
      expect(await resolveApplicationReference(unlinked.ctx, { id: 'app-1' })).toBeNull();
    }
    expect(await getApplication(ctxOf(principal(['tax_officer']), null, ALL_FACTS).ctx, { number: '10000001' })).toBeNull();
    for (const p of [principal(['migration_officer']), principal(['nomad'], NOMAD)]) {
      const { ctx, application } = ctxOf(p, null, NO_FACTS);
      expect(await getApplication(ctx, { number: '10000001' })).toBe(application);
    }
    expect(await getApplication(ctxOf(principal(['nomad'], OTHER_NOMAD)).ctx, { number: '10000001' })).toBeNull();
  });

  it("an application: analysts look none up, by number or id (its number reaches them only as the gateway's pseudonym)", async () => {
    const { ctx, application } = ctxOf(principal(['analyst']), null, NO_FACTS);
    expect(await rejection(() => getApplication(ctx, { number: '10000001' }))).toEqual(coded('FORBIDDEN', ANALYST_LOOKUP_REFUSED, 'number'));
    expect(await rejection(() => getApplication(ctx, { id: '00000000-0000-4000-8000-0000000000a1' }))).toEqual(coded('FORBIDDEN', ANALYST_LOOKUP_REFUSED, 'id'));
    // The gateway's usePseudonyms replaces it (IDENTIFIER_FIELDS): refused here, it would empty an analyst's whole list.
    expect(applicationNumberFor(ctx, application)).toBe('10000001');
    expect(applicationNumberFor(ctxOf(principal(['migration_officer'])).ctx, application)).toBe('10000001');
  });

  it("a status change's remark: null for an analyst (free text may name a person), as written for an officer", () => {
    expect(statusRemarkFor(ctxOf(principal(['analyst'])).ctx, 'Employer Acme GmbH confirmed by phone')).toBeNull();
    expect(statusRemarkFor(ctxOf(principal(['analyst', 'migration_officer'])).ctx, 'remark')).toBeNull();
    expect(statusRemarkFor(ctxOf(principal(['migration_officer'])).ctx, 'remark')).toBe('remark');
    expect(statusRemarkFor(ctxOf(principal(['migration_officer'])).ctx, null)).toBeNull();
  });

  it('application details: refused to an unlinked labor or GKNB officer, field by field', async () => {
    const fields = ['Application.foreignParties', 'Application.declaredIncome', 'Application.declaredIncomeUsd', 'Application.documents'] as const;
    for (const role of ['labor_officer', 'security_officer'] as const) {
      for (const field of fields) {
        expect(await rejection(() => assertDetailsReadable(ctxOf(principal([role]), null, NO_FACTS).ctx, { nomadId: NOMAD } as ApplicationRow, field))).toEqual(coded('FORBIDDEN', 'Application details are not visible to you.'));
        expect(await rejection(() => assertDetailsReadable(ctxOf(principal([role]), null, ALL_FACTS).ctx, { nomadId: NOMAD } as ApplicationRow, field))).toBeNull();
      }
    }
  });
});

describe('my own record', () => {
  it('is for a nomad with a record', async () => {
    const { ctx, nomadById } = ctxOf(principal(['nomad'], NOMAD));
    expect(await getMe(ctx)).toEqual({ id: NOMAD });
    expect(nomadById).toHaveBeenCalledWith(NOMAD);
    expect(await rejection(() => getMe(ctxOf(principal(['migration_officer'], NOMAD)).ctx))).toEqual(coded('FORBIDDEN', 'Only a nomad has an own record.'));
    expect(await rejection(() => getMe(ctxOf(principal(['nomad'], null)).ctx))).toEqual(coded('FORBIDDEN', 'Only a nomad has an own record.'));
  });
});

describe('listing nomads', () => {
  it('migration officers and analysts list everyone; a nomad lists only themself; anyone else is refused', async () => {
    const list = vi.mocked(listNomads);
    for (const role of ['migration_officer', 'analyst'] as const) {
      list.mockClear();
      expect((await listNomadsFor(ctxOf(principal([role])).ctx, { first: 10 })).edges).toEqual([]);
      expect(list.mock.calls[0]?.[1].filter.onlyId).toBeUndefined();
    }
    list.mockClear();
    await listNomadsFor(ctxOf(principal(['nomad'], NOMAD)).ctx, { first: 10 });
    expect(list.mock.calls[0]?.[1].filter.onlyId).toBe(NOMAD);
    list.mockClear();
    for (const p of [principal(['auditor']), principal(['labor_officer']), principal(['nomad'], null)]) {
      expect(await rejection(() => listNomadsFor(ctxOf(p).ctx, { first: 10 }))).toEqual(coded('FORBIDDEN', 'Listing nomads is for migration officers and analysts.'));
    }
    expect(list).not.toHaveBeenCalled();
  });
});
