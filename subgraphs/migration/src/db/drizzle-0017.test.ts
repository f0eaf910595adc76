import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connect, parseEventPayload, runMigrations } from '@nomad/kit';
import { createTestDatabase } from '@nomad/kit/testing';
import { schema } from './index.ts';

const DRIZZLE = fileURLToPath(new URL('../../drizzle', import.meta.url));

describe('drizzle 0017: spouses under 18 when added', () => {
  it('await GKNB\'s outcome and are announced to GKNB again as screened (adult: true); a refused spouse, a child and an adult spouse stay as they were', async () => {
    const before = mkdtempSync(join(tmpdir(), 'migration-drizzle-'));
    const older = await createTestDatabase('migration_0017');
    const database = connect(older.url, { agency: 'migration', schema });
    const { db } = database;
    try {
      // The migrations up to 0016, as a database opened before this change had them.
      cpSync(DRIZZLE, before, { recursive: true });
      const journalPath = join(before, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
      journal.entries = journal.entries.filter((e) => e.idx < 17);
      expect(journal.entries).toHaveLength(17);
      writeFileSync(journalPath, JSON.stringify(journal));
      rmSync(join(before, '0017_spouse_screening.sql'));
      await runMigrations(database, { agency: 'migration', migrationsFolder: before });

      const [principal] = await db
        .insert(schema.nomads)
        .values({ surname: 'TEST', givenNames: 'HOLDER', dateOfBirth: '1990-04-12', sex: 'MALE', citizenship: 'KAZ', passportCountry: 'KAZ', passportNumber: 'D17000X', passportExpiresOn: '2035-01-01', email: 'h@example.org' })
        .returning();
      if (!principal) throw new Error('no principal');
      // In SQL, with the columns 0016 had: today's table definition names columns added since.
      const dependant = async (n: number, relation: 'SPOUSE' | 'CHILD', dateOfBirth: string, extra: Record<string, string> = {}) => {
        const row = {
          principal_id: principal.id,
          relation,
          surname: 'TEST',
          given_names: 'DANA',
          date_of_birth: dateOfBirth,
          sex: 'FEMALE',
          citizenship: 'KAZ',
          passport_country: 'KAZ',
          passport_number: `S1700${n}K`,
          passport_expires_on: '2031-05-01',
          added_at: '2026-10-01T04:00:00.000Z',
          added_by: 'nomad',
          ...extra,
        };
        const [inserted] = await database.client<{ id: string }[]>`insert into migration.dependants ${database.client(row)} returning id`;
        return inserted;
      };
      const rows = [
        // 17 when added, as 0016 left them: no outcome awaited.
        await dependant(1, 'SPOUSE', '2009-05-05'),
        await dependant(2, 'SPOUSE', '2009-06-06', { state: 'REFUSED', decided_at: '2026-10-02T04:00:00.000Z', decided_by: 'officer' }),
        await dependant(3, 'CHILD', '2015-08-08'),
        await dependant(4, 'SPOUSE', '1992-03-03', { screening_outcome: 'PENDING' }),
      ].map((r) => r ?? { id: '' });
      const [minor, refused, child, adult] = rows.map((r) => r.id);
      if (!minor || !refused || !child || !adult) throw new Error('dependants not inserted');

      await runMigrations(database, { agency: 'migration', migrationsFolder: DRIZZLE });
      const outcomes = await db.select({ id: schema.dependants.id, outcome: schema.dependants.screeningOutcome }).from(schema.dependants);
      expect(Object.fromEntries(outcomes.map((o) => [o.id, o.outcome]))).toEqual({ [minor]: 'PENDING', [refused]: null, [child]: null, [adult]: 'PENDING' });
      const events = await db.select().from(schema.outbox).orderBy(asc(schema.outbox.seq));
      expect(events.map((e) => [e.type, e.aggregateId, e.producer])).toEqual([['DependantAdded', minor, 'migration']]);
      const [event] = events;
      if (!event) throw new Error('no event');
      // As publish writes it: a payload the catalogue accepts, one delivery to GKNB.
      expect(parseEventPayload('DependantAdded', event.payload)).toEqual({
        dependantId: minor,
        principalId: principal.id,
        relation: 'SPOUSE',
        citizenship: 'KAZ',
        adult: true,
        addedAt: '2026-10-01T04:00:00.000Z',
      });
      const deliveries = await db.select().from(schema.outboxDeliveries).where(eq(schema.outboxDeliveries.eventId, event.id));
      expect(deliveries).toMatchObject([{ subscriber: 'security', aggregateId: minor, seq: event.seq, state: 'PENDING' }]);
    } finally {
      await database.close();
      await older.drop();
      rmSync(before, { recursive: true, force: true });
    }
  });
});
