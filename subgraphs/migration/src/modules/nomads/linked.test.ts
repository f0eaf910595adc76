import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements, type Database, type Principal, type Role } from '@nomad/kit';
import type { App } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import { schema, type MigrationSchema } from '../../db/index.ts';
import type { LinkFacts } from '../../policy.ts';
import { nomadPrincipal, openServiceTestDatabase, sampleApplication, serviceContext, type ServiceTestDatabase } from '../../testing.ts';
import { embeddedZhaak } from '../../zhaak.ts';
import { submitApplication } from '../applications/service.ts';
import { getLinkFactsByNomadIds } from './queries.ts';
import { canReadIdentity, getNomad } from './service.ts';

// The `linked` relation against a real database: migration's own facts (applications, status
// periods, status events) decide which agencies' officers reach a nomad, read in one statement
// for every nomad a request asks about.

const TODAY = '2026-11-24';
const logger = pino({ level: 'silent' });
let opened: ServiceTestDatabase | undefined;
let database: Database<MigrationSchema>;
let serial = 0;
/** One nomad per fact kind (and one with none). */
const nomad: Record<'bare' | 'applicant' | 'evaluated' | 'pilot' | 'revoked' | 'expired', string> = { bare: '', applicant: '', evaluated: '', pilot: '', revoked: '', expired: '' };

async function bareNomad(): Promise<string> {
  serial += 1;
  const [row] = await database.db
    .insert(schema.nomads)
    .values({ surname: 'ASANOVA', givenNames: 'AIDA', dateOfBirth: '1991-03-02', sex: 'FEMALE', citizenship: 'KAZ', passportCountry: 'KAZ', passportNumber: `L${serial}${randomUUID().slice(0, 6).toUpperCase()}`, passportExpiresOn: '2035-01-31', email: 'aida@example.org', pin: `2020319910${String(serial).padStart(4, '0')}` })
    .returning();
  if (!row) throw new Error('no nomad');
  return row.id;
}

async function holder(exit?: 'REVOKED' | 'EXPIRED'): Promise<string> {
  const id = await bareNomad();
  const [period] = await database.db.insert(schema.statusPeriods).values({ nomadId: id, kind: 'PILOT_2022_2024', validFrom: '2024-01-01', validUntil: '2026-12-31', grantedBy: 'pilot import', source: 'PILOT_2022_2024' }).returning();
  if (exit === 'REVOKED') await database.db.insert(schema.statusEvents).values({ nomadId: id, kind: 'REVOKED', effectiveOn: '2026-11-01', actor: 'setup', periodId: period?.id, revocationGround: 'RULES_BREACH', exitDeadlineOn: '2026-11-16' });
  if (exit === 'EXPIRED') await database.db.insert(schema.statusEvents).values({ nomadId: id, kind: 'EXPIRED', effectiveOn: '2027-01-01', actor: 'system', periodId: period?.id });
  return id;
}

async function applicant(): Promise<{ nomadId: string; applicationId: string }> {
  serial += 1;
  const nomadId = randomUUID();
  const app: App = { clock: fixedClock(`${TODAY}T06:00:00Z`), zhaak: embeddedZhaak(database.db) };
  const res = await submitApplication(serviceContext(database, nomadPrincipal(nomadId), { logger }), app, sampleApplication({ number: `A${serial}${randomUUID().slice(0, 6).toUpperCase()}` }));
  expect(res.userErrors).toEqual([]);
  if (!res.application) throw new Error('no application');
  return { nomadId: res.application.nomadId, applicationId: res.application.id };
}

beforeAll(async () => {
  opened = await openServiceTestDatabase('nomads_linked');
  database = opened.database;
  nomad.bare = await bareNomad();
  nomad.applicant = (await applicant()).nomadId;
  const evaluated = await applicant();
  await database.db.update(schema.applications).set({ evaluationRequestedAt: `${TODAY}T07:00:00Z` }).where(eq(schema.applications.id, evaluated.applicationId));
  nomad.evaluated = evaluated.nomadId;
  nomad.pilot = await holder();
  nomad.revoked = await holder('REVOKED');
  nomad.expired = await holder('EXPIRED');
}, 120_000);
afterAll(async () => {
  await opened?.close();
});

const officer = (role: Role): Principal => ({ sub: `officer-${role}`, name: 'test', roles: [role], nomadId: null });
const ctxOf = (role: Role) => serviceContext(database, officer(role), { logger });

describe('migration\'s facts behind other agencies\' records', () => {
  it('reads each fact kind from its own rows; an unknown nomad has none', async () => {
    const facts = await getLinkFactsByNomadIds(database.db, { ids: [...Object.values(nomad), randomUUID()] });
    const byId = new Map(facts.map(({ id, ...f }) => [id, f]));
    const f = (heldStatus: boolean, evaluationRequested: boolean, applied: boolean, exited: boolean): LinkFacts => ({ heldStatus, evaluationRequested, applied, exited });
    expect(byId.size).toBe(6);
    expect(byId.get(nomad.bare)).toEqual(f(false, false, false, false));
    expect(byId.get(nomad.applicant)).toEqual(f(false, false, true, false));
    expect(byId.get(nomad.evaluated)).toEqual(f(false, true, true, false));
    expect(byId.get(nomad.pilot)).toEqual(f(true, false, false, false));
    expect(byId.get(nomad.revoked)).toEqual(f(true, false, false, true));
    expect(byId.get(nomad.expired)).toEqual(f(true, false, false, true));
  });

  it('per agency: its officer opens the nomads linked to it and gets null for the others', async () => {
    const expected: Record<'labor_officer' | 'tax_officer' | 'security_officer', (keyof typeof nomad)[]> = {
      labor_officer: ['evaluated', 'pilot', 'revoked', 'expired'],
      tax_officer: ['pilot', 'revoked', 'expired'],
      security_officer: ['applicant', 'evaluated', 'revoked', 'expired'],
    };
    for (const [role, linked] of Object.entries(expected) as [Role, (keyof typeof nomad)[]][]) {
      const opened: string[] = [];
      for (const [kind, id] of Object.entries(nomad)) if ((await getNomad(ctxOf(role), { id })) !== null) opened.push(kind);
      expect(opened.sort(), role).toEqual([...linked].sort());
    }
    // Migration officers open every nomad, linked or not.
    for (const id of Object.values(nomad)) expect(await getNomad(ctxOf('migration_officer'), { id })).not.toBeNull();
  });
});

describe('SQL: the relation costs one statement per request, whatever the number of nomads', () => {
  const statementsFor = async (ids: string[]) => {
    const { counter, result } = countStatements(database.db, (db) => {
      const ctx = serviceContext({ ...database, db }, officer('labor_officer'), { logger });
      return Promise.all(ids.map((id) => canReadIdentity(ctx, id, 'Nomad.surname')));
    });
    const allowed = await result;
    return { statements: counter.count, allowed };
  };

  it('one statement for two nomads and for six', async () => {
    const ids = Object.values(nomad);
    expect(ids.length).toBe(6);
    const two = await statementsFor(ids.slice(0, 2));
    const six = await statementsFor(ids);
    expect(two.statements).toBe(1);
    expect(six.statements).toBe(1);
    expect(six.allowed.filter(Boolean).length).toBe(4);
  });
});
