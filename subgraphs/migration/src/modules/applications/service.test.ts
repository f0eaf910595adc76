import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database } from '@nomad/kit';
import type { App } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import type { Context } from '../../context.ts';
import { schema, type MigrationSchema } from '../../db/index.ts';
import { nomadPrincipal, openServiceTestDatabase, sampleApplication, serviceContext, type ServiceTestDatabase } from '../../testing.ts';
import { embeddedZhaak } from '../../zhaak.ts';
import type { SubmitApplicationInput } from './intake.ts';
import { submitApplication } from './service.ts';

// Intake of a person who held the status before, against a real database: a revoked holder
// waits for their exit deadline to pass, and the ten years are counted per person, so one who
// used them up cannot start again. Dates are written out by hand.

const TODAY = '2026-11-24';
const logger = pino({ level: 'silent' });
let opened: ServiceTestDatabase | undefined;
let database: Database<MigrationSchema>;
let serial = 0;

beforeAll(async () => {
  opened = await openServiceTestDatabase('applications_service');
  database = opened.database;
});
afterAll(async () => {
  await opened?.close();
});

const appOn = (day: string): App => ({ clock: fixedClock(`${day}T06:00:00Z`), zhaak: embeddedZhaak(database.db) });

const ctxOf = (nomadId: string): Context => serviceContext(database, nomadPrincipal(nomadId), { logger });

const application = (passportNumber: string): SubmitApplicationInput => sampleApplication({ number: passportNumber, expiresOn: '2035-01-31' });

type PeriodSpec = [kind: 'INITIAL_60_DAYS' | 'EXTENSION_1_YEAR', from: string, until: string];

/** A former holder (PIN, passport on record) with the given periods and, optionally, a revocation. */
async function formerHolder(periods: PeriodSpec[], revoked?: { on: string; exitDeadlineOn: string }): Promise<{ id: string; passportNumber: string }> {
  serial += 1;
  const passportNumber = `F${serial}${randomUUID().slice(0, 6).toUpperCase()}`;
  const [nomad] = await database.db
    .insert(schema.nomads)
    .values({ surname: 'NURLANOV', givenNames: 'ARMAN', dateOfBirth: '1990-04-12', sex: 'MALE', citizenship: 'KAZ', passportCountry: 'KAZ', passportNumber, passportExpiresOn: '2035-01-31', email: 'arman@example.org', pin: `2120419907${String(serial).padStart(4, '0')}` })
    .returning();
  if (!nomad) throw new Error('no nomad');
  for (const [kind, validFrom, validUntil] of periods) {
    await database.db.insert(schema.statusPeriods).values({ nomadId: nomad.id, kind, validFrom, validUntil, grantedBy: 'setup' });
  }
  if (revoked) {
    await database.db.insert(schema.statusEvents).values({ nomadId: nomad.id, kind: 'REVOKED', effectiveOn: revoked.on, actor: 'setup', revocationGround: 'RULES_BREACH', exitDeadlineOn: revoked.exitDeadlineOn });
  }
  return { id: nomad.id, passportNumber };
}

const submit = (nomad: { id: string; passportNumber: string }, day = TODAY) => submitApplication(ctxOf(nomad.id), appOn(day), application(nomad.passportNumber));
const applicationsOf = async (nomadId: string) => (await database.db.select({ n: count() }).from(schema.applications).where(eq(schema.applications.nomadId, nomadId)))[0]?.n;
const codes = (r: Awaited<ReturnType<typeof submit>>) => r.userErrors.map((e) => [e.code, e.field]);

describe('a revoked holder applies again only after the exit deadline', () => {
  // Revoked on 2026-11-20 with 15 days to leave: the exit deadline is 2026-12-05.
  const revokedChain: PeriodSpec[] = [['INITIAL_60_DAYS', '2026-10-01', '2026-11-29']];
  const revocation = { on: '2026-11-20', exitDeadlineOn: '2026-12-05' };

  it('refuses the application inside the window and on the deadline itself, naming the deadline; writes nothing', async () => {
    const nomad = await formerHolder(revokedChain, revocation);
    expect(await submit(nomad)).toEqual({
      application: null,
      userErrors: [{ code: 'EXIT_DEADLINE_NOT_PASSED', field: 'input.applicant', message: 'Your status was revoked on 2026-11-20; you may apply again after your exit deadline, 2026-12-05.' }],
    });
    expect(codes(await submit(nomad, '2026-12-05'))).toEqual([['EXIT_DEADLINE_NOT_PASSED', 'input.applicant']]);
    expect(await applicationsOf(nomad.id)).toBe(0);
  });

  it('accepts it the day after the deadline', async () => {
    const nomad = await formerHolder(revokedChain, revocation);
    const accepted = await submit(nomad, '2026-12-06');
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.application).toMatchObject({ nomadId: nomad.id, state: 'SUBMITTED' });
  });

  it('lets a holder whose status expired (not revoked) apply again at once', async () => {
    const nomad = await formerHolder([['INITIAL_60_DAYS', '2026-08-01', '2026-09-29']]);
    expect((await submit(nomad)).userErrors).toEqual([]);
  });
});

describe('the ten years count from the first grant at intake', () => {
  // A new initial period from today would end 2027-01-22: it fits when the person's first grant
  // was on 2017-01-23 or later (ten years to 2027-01-22). The days actually held do not matter:
  // each former holder here held only one 60-day period, then let it expire.
  it('accepts one whose first grant leaves exactly room for the initial period; refuses one a day earlier', async () => {
    const exact = await formerHolder([['INITIAL_60_DAYS', '2017-01-23', '2017-03-23']]);
    expect((await submit(exact)).userErrors).toEqual([]);
    const over = await formerHolder([['INITIAL_60_DAYS', '2017-01-22', '2017-03-22']]);
    expect(await submit(over)).toEqual({
      application: null,
      userErrors: [{ code: 'STATUS_CEILING_REACHED', field: 'input.applicant', message: 'The status may be held 10 years from your first grant, until 2027-01-21: no room for a 60-day initial period.' }],
    });
    expect(await applicationsOf(over.id)).toBe(0);
  });
});
