import { describe, expect, it, vi } from 'vitest';
import type { Principal, Role } from '../auth.ts';
import {
  allows,
  allowsWithoutRelations,
  assertAllowed,
  isNomadThemself,
  needToKnowMarkdown,
  needToKnowRow,
  RELATIONS,
  rolesWithAny,
  rulesOf,
  type NeedToKnowTable,
  type RelationChecks,
} from './need-to-know.ts';

// The kit's need-to-know check over a small table written here, every branch with its expected
// outcome written by hand: each agency's own table is pinned cell by cell in its policy.test.ts.

const NOMAD = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const who = (roles: Role[], nomadId: string | null = null): Principal => ({ sub: 'u', name: 'U', roles, nomadId });

const TABLE = {
  'Case.note': needToKnowRow({ nomad: 'self', labor_officer: 'any', labor_expert: 'assigned' }),
  'Case.risk': needToKnowRow({ labor_officer: 'any', tax_officer: 'any' }),
  'Case.secret': needToKnowRow({}),
} as const satisfies NeedToKnowTable<'Case.note' | 'Case.risk' | 'Case.secret'>;

/** What a check threw (code and message), or null when it did not throw. */
async function rejection(call: () => Promise<unknown>): Promise<{ code: unknown; message: string } | null> {
  try {
    await call();
    return null;
  } catch (err) {
    const { message, extensions } = err as { message: string; extensions?: Record<string, unknown> };
    return { code: extensions?.code, message };
  }
}

describe('need-to-know tables', () => {
  it('the relations a cell may name', () => {
    expect(RELATIONS).toEqual(['self', 'assigned', 'linked']);
  });

  it('a row is never for every role not named, and the named cells as given', () => {
    expect(needToKnowRow({})).toEqual({
      nomad: 'never',
      migration_officer: 'never',
      labor_officer: 'never',
      labor_expert: 'never',
      tax_officer: 'never',
      security_officer: 'never',
      analyst: 'never',
      auditor: 'never',
    });
    expect(TABLE['Case.note']).toEqual({
      nomad: 'self',
      migration_officer: 'never',
      labor_officer: 'any',
      labor_expert: 'assigned',
      tax_officer: 'never',
      security_officer: 'never',
      analyst: 'never',
      auditor: 'never',
    });
  });

  it('the rules of a caller: one per role held, in the order of their roles', () => {
    expect(rulesOf(TABLE, 'Case.note', who(['auditor', 'nomad', 'labor_expert'], NOMAD))).toEqual(['never', 'self', 'assigned']);
    expect(rulesOf(TABLE, 'Case.note', who([]))).toEqual([]);
  });

  it('the roles that read everyone: those whose cell is any, in the row order', () => {
    expect(rolesWithAny(TABLE, 'Case.note')).toEqual(['labor_officer']);
    expect(rolesWithAny(TABLE, 'Case.risk')).toEqual(['labor_officer', 'tax_officer']);
    expect(rolesWithAny(TABLE, 'Case.secret')).toEqual([]);
  });
});

describe('the nomad themself', () => {
  it('is the nomad role with the same nomad id', () => {
    expect(isNomadThemself(who(['nomad'], NOMAD), NOMAD)).toBe(true);
    expect(isNomadThemself(who(['auditor', 'nomad'], NOMAD), NOMAD)).toBe(true);
    expect(isNomadThemself(who(['nomad'], OTHER), NOMAD)).toBe(false);
    // The id without the role is not the nomad.
    expect(isNomadThemself(who(['labor_officer'], NOMAD), NOMAD)).toBe(false);
  });

  it('no nomad in particular is nobody, not even a nomad without an id', () => {
    expect(isNomadThemself(who(['nomad'], null), null)).toBe(false);
    expect(isNomadThemself(who(['nomad'], NOMAD), null)).toBe(false);
  });
});

describe('allowed without asking a relation', () => {
  it('any: every nomad, and no nomad in particular', () => {
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['labor_officer']), NOMAD)).toBe(true);
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['labor_officer']), OTHER)).toBe(true);
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['labor_officer']), null)).toBe(true);
  });

  it('self: only the nomad themself; never for another nomad, or for no nomad in particular', () => {
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['nomad'], NOMAD), NOMAD)).toBe(true);
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['nomad'], OTHER), NOMAD)).toBe(false);
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['nomad'], NOMAD), null)).toBe(false);
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['nomad'], null), null)).toBe(false);
  });

  it('never: nobody, not even the nomad themself', () => {
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['auditor']), NOMAD)).toBe(false);
    expect(allowsWithoutRelations(TABLE, 'Case.risk', who(['nomad'], NOMAD), NOMAD)).toBe(false);
    expect(allowsWithoutRelations(TABLE, 'Case.secret', who(['nomad', 'labor_officer', 'auditor'], NOMAD), NOMAD)).toBe(false);
  });

  it('a relation is not enough here: it needs asking', () => {
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['labor_expert']), NOMAD)).toBe(false);
  });

  it('several roles: what any one of them allows, whatever their order', () => {
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['auditor', 'labor_officer']), NOMAD)).toBe(true);
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['labor_officer', 'auditor']), NOMAD)).toBe(true);
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['auditor', 'nomad'], NOMAD), NOMAD)).toBe(true);
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['auditor', 'nomad'], OTHER), NOMAD)).toBe(false);
    // Without any role, nothing.
    expect(allowsWithoutRelations(TABLE, 'Case.note', who([]), NOMAD)).toBe(false);
  });
});

describe('allowed, asking the relations', () => {
  it('any and self allow without asking the relation', async () => {
    const assigned = vi.fn(() => false);
    expect(await allows(TABLE, 'Case.note', who(['labor_officer']), NOMAD, { assigned })).toBe(true);
    expect(await allows(TABLE, 'Case.note', who(['nomad'], NOMAD), NOMAD, { assigned })).toBe(true);
    expect(assigned).not.toHaveBeenCalled();
  });

  it('a relation holds only where the agency says so, asked about the nomad concerned', async () => {
    const assigned = vi.fn((id: string) => id === NOMAD);
    expect(await allows(TABLE, 'Case.note', who(['labor_expert']), NOMAD, { assigned })).toBe(true);
    expect(assigned).toHaveBeenLastCalledWith(NOMAD, 'labor_expert');
    expect(await allows(TABLE, 'Case.note', who(['labor_expert']), OTHER, { assigned })).toBe(false);
    expect(assigned).toHaveBeenLastCalledWith(OTHER, 'labor_expert');
    // An asynchronous answer counts as the synchronous one.
    expect(await allows(TABLE, 'Case.note', who(['labor_expert']), NOMAD, { assigned: () => Promise.resolve(true) })).toBe(true);
    expect(await allows(TABLE, 'Case.note', who(['labor_expert']), NOMAD, { assigned: () => Promise.resolve(false) })).toBe(false);
  });

  it('a relation the agency does not implement never holds', async () => {
    expect(await allows(TABLE, 'Case.note', who(['labor_expert']), NOMAD)).toBe(false);
    expect(await allows(TABLE, 'Case.note', who(['labor_expert']), NOMAD, {})).toBe(false);
  });

  it('never, and self for another nomad, are refused without asking any relation', async () => {
    const assigned = vi.fn(() => true);
    expect(await allows(TABLE, 'Case.note', who(['auditor']), NOMAD, { assigned })).toBe(false);
    expect(await allows(TABLE, 'Case.note', who(['nomad'], OTHER), NOMAD, { assigned })).toBe(false);
    expect(assigned).not.toHaveBeenCalled();
  });

  it('a check an agency registers under never, any or self is not asked: those the kit decides itself', async () => {
    const yes = vi.fn(() => true);
    const named = { never: yes, any: yes, self: yes } as unknown as RelationChecks;
    expect(await allows(TABLE, 'Case.note', who(['auditor']), NOMAD, named)).toBe(false);
    expect(await allows(TABLE, 'Case.note', who(['nomad'], OTHER), NOMAD, named)).toBe(false);
    expect(await allows(TABLE, 'Case.secret', who(['nomad', 'labor_officer'], NOMAD), NOMAD, named)).toBe(false);
    expect(yes).not.toHaveBeenCalled();
  });

  it('several roles: one whose relation holds is enough; a relation is asked once per role naming it, with that role, until one holds', async () => {
    const assigned = vi.fn(() => true);
    const twice = { 'Case.x': needToKnowRow({ labor_expert: 'assigned', analyst: 'assigned' }) } as const satisfies NeedToKnowTable<'Case.x'>;
    expect(await allows(twice, 'Case.x', who(['labor_expert', 'analyst']), NOMAD, { assigned })).toBe(true);
    expect(assigned.mock.calls).toEqual([[NOMAD, 'labor_expert']]);
    const not = vi.fn(() => false);
    expect(await allows(twice, 'Case.x', who(['labor_expert', 'analyst']), NOMAD, { assigned: not })).toBe(false);
    expect(not.mock.calls).toEqual([
      [NOMAD, 'labor_expert'],
      [NOMAD, 'analyst'],
    ]);
    // A role that is never beside one whose relation holds.
    expect(await allows(TABLE, 'Case.note', who(['auditor', 'labor_expert']), NOMAD, { assigned: () => true })).toBe(true);
    // Another nomad, also an expert assigned to this one: the relation allows what self does not.
    expect(await allows(TABLE, 'Case.note', who(['nomad', 'labor_expert'], OTHER), NOMAD, { assigned: () => true })).toBe(true);
  });
});

describe('a relation that depends on the role (`linked`)', () => {
  it('a relation is asked with the role whose cell names it, once per such role', async () => {
    const table = {
      'Nomad.name': needToKnowRow({ labor_officer: 'linked', tax_officer: 'linked', security_officer: 'never' }),
    } as const satisfies NeedToKnowTable<'Nomad.name'>;
    const asked: [string, Role][] = [];
    const linkedTo = (agencyRole: Role) => (id: string, role: Role) => {
      asked.push([id, role]);
      return role === agencyRole;
    };
    expect(await allows(table, 'Nomad.name', who(['security_officer', 'tax_officer']), NOMAD, { linked: linkedTo('tax_officer') })).toBe(true);
    expect(asked).toEqual([[NOMAD, 'tax_officer']]);
    // Linked to GKNB, whose cell is `never`: the link of one role never opens another's cell.
    asked.length = 0;
    expect(await allows(table, 'Nomad.name', who(['security_officer', 'labor_officer']), NOMAD, { linked: linkedTo('security_officer') })).toBe(false);
    expect(asked).toEqual([[NOMAD, 'labor_officer']]);
  });
});

describe('assertAllowed', () => {
  it('passes what the table allows, with or without a relation', async () => {
    expect(await rejection(() => assertAllowed(TABLE, 'Case.note', who(['labor_officer']), NOMAD, 'No.'))).toBeNull();
    expect(await rejection(() => assertAllowed(TABLE, 'Case.note', who(['nomad'], NOMAD), NOMAD, 'No.'))).toBeNull();
    expect(await rejection(() => assertAllowed(TABLE, 'Case.note', who(['labor_expert']), NOMAD, 'No.', { assigned: () => true }))).toBeNull();
  });

  it('refuses anything else with FORBIDDEN and the message given', async () => {
    expect(await rejection(() => assertAllowed(TABLE, 'Case.note', who(['auditor']), NOMAD, 'The note is not visible to you.'))).toEqual({
      code: 'FORBIDDEN',
      message: 'The note is not visible to you.',
    });
    expect(await rejection(() => assertAllowed(TABLE, 'Case.note', who(['labor_expert']), NOMAD, 'No.'))).toEqual({ code: 'FORBIDDEN', message: 'No.' });
    expect(await rejection(() => assertAllowed(TABLE, 'Case.note', who(['labor_expert']), NOMAD, 'No.', { assigned: () => false }))).toEqual({
      code: 'FORBIDDEN',
      message: 'No.',
    });
  });
});

describe('the table as Markdown', () => {
  it('one row per field in table order, one column per role in the order given: — never, any, or the relation', () => {
    expect(needToKnowMarkdown(TABLE, ['nomad', 'labor_expert', 'auditor', 'labor_officer'])).toBe(
      [
        '| field | `nomad` | `labor_expert` | `auditor` | `labor_officer` |',
        '|---|---|---|---|---|',
        '| `Case.note` | self | assigned | — | any |',
        '| `Case.risk` | — | — | — | any |',
        '| `Case.secret` | — | — | — | — |',
      ].join('\n'),
    );
  });

  it('with one role, and with none', () => {
    expect(needToKnowMarkdown(TABLE, ['tax_officer'])).toBe(
      ['| field | `tax_officer` |', '|---|---|', '| `Case.note` | — |', '| `Case.risk` | any |', '| `Case.secret` | — |'].join('\n'),
    );
    expect(needToKnowMarkdown({ 'Case.x': needToKnowRow({}) }, [])).toBe(['| field |  |', '|---||', '| `Case.x` |  |'].join('\n'));
  });
});
