import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../auth.ts';
import { allows, allowsWithoutRelations, needToKnowMarkdown, needToKnowRow, rolesWithAny, type NeedToKnowTable } from './need-to-know.ts';

const NOMAD = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const who = (roles: Role[], nomadId: string | null = null): Principal => ({ sub: 'u', name: 'U', roles, nomadId });

const TABLE = {
  'Case.note': needToKnowRow({ nomad: 'self', labor_officer: 'any', labor_expert: 'assigned' }),
} as const satisfies NeedToKnowTable<'Case.note'>;

describe('need-to-know tables', () => {
  it('a row is never for every role not named', () => {
    expect(TABLE['Case.note'].auditor).toBe('never');
    expect(rolesWithAny(TABLE, 'Case.note')).toEqual(['labor_officer']);
  });

  it('any: every nomad; self: only the nomad themself; never: nobody', () => {
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['labor_officer']), NOMAD)).toBe(true);
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['nomad'], NOMAD), NOMAD)).toBe(true);
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['nomad'], OTHER), NOMAD)).toBe(false);
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['nomad'], NOMAD), null)).toBe(false);
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['auditor']), NOMAD)).toBe(false);
    // A caller with several roles reads what any of them allows.
    expect(allowsWithoutRelations(TABLE, 'Case.note', who(['auditor', 'labor_officer']), NOMAD)).toBe(true);
  });

  it('a relation holds only where the agency says so; one it does not implement never holds', async () => {
    const expert = who(['labor_expert']);
    expect(await allows(TABLE, 'Case.note', expert, NOMAD)).toBe(false);
    expect(await allows(TABLE, 'Case.note', expert, NOMAD, { assigned: (id) => id === NOMAD })).toBe(true);
    expect(await allows(TABLE, 'Case.note', expert, OTHER, { assigned: (id) => id === NOMAD })).toBe(false);
    // The relation is asked only of a role whose cell names it.
    expect(await allows(TABLE, 'Case.note', who(['auditor']), NOMAD, { assigned: () => true })).toBe(false);
  });

  it('renders as the Markdown docs/security.md shows', () => {
    expect(needToKnowMarkdown(TABLE, ['nomad', 'labor_expert', 'auditor'])).toBe(
      ['| field | `nomad` | `labor_expert` | `auditor` |', '|---|---|---|---|', '| `Case.note` | self | assigned | — |'].join('\n'),
    );
  });
});
