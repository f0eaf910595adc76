import { describe, expect, it, vi } from 'vitest';
import type { Principal, Role } from '@nomad/kit';
import type { Context } from '../../context.ts';
import type { NomadRow } from '../../db/schema.ts';
import { listNomads } from './queries.ts';
import { assertIdentityReadable, assertStatusReadable, canReadIdentity, getMe, getNomad, isSelf, listNomadsFor } from './service.ts';

// The list query is replaced: what matters here is who may list, and with which filter.
vi.mock('./queries.ts', () => ({ listNomads: vi.fn(() => Promise.resolve([])), countNomads: vi.fn(() => Promise.resolve(0)) }));

// Who reads a nomad's record in migration, as pure checks over a fake request (the loaders are the only data).

const NOMAD = '00000000-0000-4000-8000-00000000000a';
const OTHER_NOMAD = '00000000-0000-4000-8000-00000000000b';
const PIN = '21505199200017';
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

function ctxOf(p: Principal, byPin: NomadRow | null = null) {
  const nomadById = vi.fn((id: string) => Promise.resolve({ id } as NomadRow));
  const nomadByPin = vi.fn(() => Promise.resolve(byPin));
  const ctx = { principal: p, loaders: { nomadById: { load: nomadById }, nomadByPin: { load: nomadByPin } } } as unknown as Context;
  return { ctx, nomadById, nomadByPin };
}

const OFFICERS = ['migration_officer', 'labor_officer', 'tax_officer', 'security_officer'] as const;

describe('identity and status reads', () => {
  it('self is the nomad role with the same id', () => {
    expect(isSelf(principal(['nomad'], NOMAD), NOMAD)).toBe(true);
    expect(isSelf(principal(['nomad'], OTHER_NOMAD), NOMAD)).toBe(false);
    expect(isSelf(principal(['analyst'], NOMAD), NOMAD)).toBe(false);
  });

  it('identity: the officers of every agency and the nomad themself; not analysts, auditors, experts or another nomad', () => {
    for (const role of OFFICERS) expect(canReadIdentity(principal([role]), NOMAD)).toBe(true);
    expect(canReadIdentity(principal(['nomad'], NOMAD), NOMAD)).toBe(true);
    for (const role of ['analyst', 'auditor', 'labor_expert'] as const) expect(canReadIdentity(principal([role]), NOMAD)).toBe(false);
    expect(canReadIdentity(principal(['nomad'], OTHER_NOMAD), NOMAD)).toBe(false);
    expect(refusal(() => assertIdentityReadable(ctxOf(principal(['analyst'])).ctx, NOMAD))).toEqual(coded('FORBIDDEN', 'Personal data of this nomad is not visible to you.'));
    expect(refusal(() => assertIdentityReadable(ctxOf(principal(['nomad'], NOMAD)).ctx, NOMAD))).toBeNull();
  });

  it('status: the officers, analysts and the nomad themself; not auditors, experts or another nomad', () => {
    for (const role of [...OFFICERS, 'analyst'] as const) expect(refusal(() => assertStatusReadable(ctxOf(principal([role])).ctx, NOMAD))).toBeNull();
    expect(refusal(() => assertStatusReadable(ctxOf(principal(['nomad'], NOMAD)).ctx, NOMAD))).toBeNull();
    for (const p of [principal(['auditor']), principal(['labor_expert']), principal(['nomad'], OTHER_NOMAD)]) {
      expect(refusal(() => assertStatusReadable(ctxOf(p).ctx, NOMAD))).toEqual(coded('FORBIDDEN', "This nomad's status is not visible to you."));
    }
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

  it('by id: officers and analysts (pseudonymous) open anyone, a nomad only themself', async () => {
    for (const role of [...OFFICERS, 'analyst'] as const) {
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

  it('by PIN: officers look up anyone; analysts and auditors are refused before the lookup', async () => {
    const row = { id: NOMAD } as NomadRow;
    for (const role of OFFICERS) {
      const { ctx, nomadByPin } = ctxOf(principal([role]), row);
      expect(await getNomad(ctx, { pin: PIN })).toBe(row);
      expect(nomadByPin).toHaveBeenCalledWith(PIN);
    }
    for (const role of ['analyst', 'auditor'] as const) {
      const { ctx, nomadByPin } = ctxOf(principal([role]), row);
      expect(await rejection(() => getNomad(ctx, { pin: PIN }))).toEqual(coded('FORBIDDEN', 'Looking up a nomad by PIN is for officers.'));
      expect(nomadByPin).not.toHaveBeenCalled();
    }
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
