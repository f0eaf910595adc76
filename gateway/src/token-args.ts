import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ROLES, STUDY_SLUG, UNIT_SLUG, type Role } from '@nomad/contract';

export const TOKEN_USAGE = `Prints a development token signed with JWT_SECRET.

Usage: npm run token -- --role <role> [--role <role>…] [--nomad <uuid>] [--name <name>] [--study <slug>] [--unit <slug>] [--expires 12h]

  --role     one of: ${ROLES.join(', ')} (repeatable)
  --nomad    the nomad's record id (a UUID); implies --role nomad
  --name     display name in the token (default: derived from the roles)
  --study    an analyst's study, a lowercase slug like income-2026: its own pseudonyms
  --unit     an officer's organisational unit, a lowercase slug like osh-region: recorded on decisions
  --expires  lifetime: a number and s, m, h, d or w (default: 12h)`;

export interface TokenRequest {
  roles: Role[];
  nomadId?: string;
  name?: string;
  /** An analyst's study (`STUDY_SLUG`): the gateway keys its pseudonyms on it. */
  study?: string;
  /** An officer's organisational unit (`UNIT_SLUG`): recorded on the decisions they take. */
  unit?: string;
  expiresIn: string;
}

export type TokenArgs = { kind: 'token'; request: TokenRequest } | { kind: 'help' } | { kind: 'error'; message: string };

const LIFETIME = /^\d+\s?[smhdw]$/;
const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
/** The roles that take decisions in a unit: every agency's officers and labor's experts. */
const isStaff = (role: Role): boolean => role.endsWith('_officer') || role === 'labor_expert';

/** Reads the token CLI's arguments; pure, so that every refusal is unit-tested. */
export function parseTokenArgs(argv: readonly string[]): TokenArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        role: { type: 'string', multiple: true },
        nomad: { type: 'string' },
        name: { type: 'string' },
        study: { type: 'string' },
        unit: { type: 'string' },
        expires: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return { kind: 'error', message: (err as Error).message };
  }
  if (values.help) return { kind: 'help' };

  const roles: Role[] = [];
  for (const role of values.role ?? []) {
    if (!isRole(role)) return { kind: 'error', message: `Unknown role "${role}". Roles: ${ROLES.join(', ')}.` };
    if (!roles.includes(role)) roles.push(role);
  }
  const request: TokenRequest = { roles, expiresIn: values.expires ?? '12h' };

  if (values.nomad !== undefined) {
    // The same check the verifier applies to the nomadId claim.
    if (!z.uuid().safeParse(values.nomad).success) {
      return { kind: 'error', message: `--nomad must be a UUID, not "${values.nomad}".` };
    }
    request.nomadId = values.nomad.toLowerCase();
    if (!roles.includes('nomad')) roles.push('nomad');
  } else if (roles.includes('nomad')) {
    return { kind: 'error', message: 'A nomad token needs the nomad record id: --nomad <uuid>.' };
  }
  if (roles.length === 0) return { kind: 'error', message: 'Give at least one --role (or --nomad <uuid>).' };

  if (values.name !== undefined) {
    if (values.name.trim() === '') return { kind: 'error', message: '--name must not be empty.' };
    request.name = values.name.trim();
  }
  if (values.study !== undefined) {
    // The same check the verifier applies to the study claim.
    if (!STUDY_SLUG.test(values.study)) {
      return { kind: 'error', message: `--study must be a lowercase slug of letters, digits and dashes (at most 40), not "${values.study}".` };
    }
    if (!roles.includes('analyst')) return { kind: 'error', message: '--study is for analysts: give --role analyst.' };
    request.study = values.study;
  }
  if (values.unit !== undefined) {
    // The same check the verifier applies to the unit claim.
    if (!UNIT_SLUG.test(values.unit)) {
      return { kind: 'error', message: `--unit must be a lowercase slug of letters, digits and dashes (at most 40), not "${values.unit}".` };
    }
    if (!roles.some(isStaff)) return { kind: 'error', message: '--unit is for officers and experts: give their --role.' };
    request.unit = values.unit;
  }
  if (!LIFETIME.test(request.expiresIn)) {
    return { kind: 'error', message: `--expires must look like 30m, 12h or 7d, not "${request.expiresIn}".` };
  }
  return { kind: 'token', request };
}
