import { describe, expect, it } from 'vitest';
import { parseTokenArgs } from './token-args.ts';

const NOMAD = '6f1c2b8e-4d3a-4b6c-9a1e-2f3d4c5b6a7e';

describe('parseTokenArgs', () => {
  it('reads one role with the default lifetime', () => {
    expect(parseTokenArgs(['--role', 'migration_officer'])).toEqual({
      kind: 'token',
      request: { roles: ['migration_officer'], expiresIn: '12h' },
    });
  });

  it('repeats --role, accepts --role=x, and drops duplicates', () => {
    expect(parseTokenArgs(['--role', 'analyst', '--role=auditor', '--role', 'analyst'])).toMatchObject({
      kind: 'token',
      request: { roles: ['analyst', 'auditor'] },
    });
  });

  it('makes --nomad imply the nomad role', () => {
    expect(parseTokenArgs(['--nomad', NOMAD.toUpperCase(), '--name', ' Aida ', '--expires', '30m'])).toEqual({
      kind: 'token',
      request: { roles: ['nomad'], nomadId: NOMAD, name: 'Aida', expiresIn: '30m' },
    });
  });

  it("puts an analyst's study in the request", () => {
    expect(parseTokenArgs(['--role', 'analyst', '--study', 'income-2026'])).toEqual({
      kind: 'token',
      request: { roles: ['analyst'], study: 'income-2026', expiresIn: '12h' },
    });
  });

  it("puts an officer's unit in the request", () => {
    expect(parseTokenArgs(['--role', 'migration_officer', '--unit', 'osh-region'])).toEqual({
      kind: 'token',
      request: { roles: ['migration_officer'], unit: 'osh-region', expiresIn: '12h' },
    });
    expect(parseTokenArgs(['--role', 'labor_expert', '--unit', 'bishkek'])).toMatchObject({ kind: 'token', request: { unit: 'bishkek' } });
  });

  it('answers --help', () => {
    expect(parseTokenArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    ['an unknown role', ['--role', 'wizard'], /Unknown role "wizard"/],
    ['a bad uuid', ['--nomad', 'not-a-uuid'], /--nomad must be a UUID/],
    ['the nomad role without --nomad', ['--role', 'nomad'], /--nomad <uuid>/],
    ['no role at all', [], /at least one --role/],
    ['a bad lifetime', ['--role', 'analyst', '--expires', 'forever'], /--expires/],
    ['an empty name', ['--role', 'analyst', '--name', ' '], /--name/],
    ['a study that is not a slug', ['--role', 'analyst', '--study', 'Income 2026'], /--study must be a lowercase slug/],
    ['a study too long', ['--role', 'analyst', '--study', 'a'.repeat(41)], /--study must be a lowercase slug/],
    ['a study without the analyst role', ['--role', 'migration_officer', '--study', 'income-2026'], /--study is for analysts/],
    ['a unit that is not a slug', ['--role', 'migration_officer', '--unit', 'Osh Region'], /--unit must be a lowercase slug/],
    ['a unit too long', ['--role', 'migration_officer', '--unit', 'a'.repeat(41)], /--unit must be a lowercase slug/],
    ['a unit without a staff role', ['--role', 'analyst', '--unit', 'bishkek'], /--unit is for officers/],
    ['an unknown option', ['--rol', 'analyst'], /Unknown option/],
    ['a stray positional', ['analyst'], /positional/],
    ['a missing value', ['--role'], /argument missing/],
  ])('refuses %s', (_case, argv, message) => {
    const result = parseTokenArgs(argv);
    expect(result.kind).toBe('error');
    if (result.kind === 'error') expect(result.message).toMatch(message);
  });
});
