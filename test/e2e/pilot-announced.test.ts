import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedZhaak, importPilotHolders, runMaintenance, schema } from '@nomad/migration';
import type { CampaignRunner } from '@nomad/tax';
import { startGraph, token, type TestGraph } from '../src/harness.ts';
import * as flows from '../src/flows.ts';

/**
 * A holder imported from the pilot's records is announced as a grant is: tax queues their IE
 * for re-registration (the decree: every holder) and the campaign re-registers it, labor opens
 * monitoring; importing the file again announces nothing twice; the period's end is announced
 * as any expiry. The graph runs on a day inside the pilot period, when the imported status is
 * still running. A holder imported before the import announced grants, whose expiry the agencies
 * refused meanwhile, is announced by a re-run, and the refused expiry is delivered after it.
 */

const TODAY = '2025-06-02';
let graph: TestGraph;

beforeAll(async () => {
  graph = await startGraph({ today: TODAY });
});
afterAll(async () => {
  await graph?.stop();
});

const row = {
  surname: 'Sokolova',
  given_names: 'Elena',
  date_of_birth: '1990-05-17',
  sex: 'F',
  citizenship: 'RUS',
  passport_country: 'RUS',
  passport_number: '759900777',
  passport_expires_on: '2032-01-01',
  email: 'elena.sokolova@example.org',
  pin: '11705199000777',
  status_valid_from: '2024-01-15',
  status_valid_until: '2025-12-31',
};

/** What tax (the IE registration's state) and labor (the monitoring case) hold of a holder. */
async function afterTheEnd(pin: string, nomadId: string): Promise<{ registration: string | undefined; monitoring: { state: string } | null }> {
  const reg = await flows.gql<{ taxRegistration: { state: string } | null }>(graph, await token(['tax_officer']), 'query($pin: String) { taxRegistration(pin: $pin) { state } }', { pin });
  const monitored = await flows.gql<{ nomad: { monitoring: { state: string } | null } }>(graph, await token(['labor_officer']), `{ nomad(id: "${nomadId}") { monitoring { state } } }`);
  return { registration: reg.taxRegistration?.state, monitoring: monitored.nomad.monitoring };
}

describe('pilot holders announced', () => {
  it('tax re-registers an imported holder and labor monitors them; a second import announces nothing', async () => {
    const { db } = graph.migration.database;
    const report = await importPilotHolders(db, { rows: [row], clock: graph.clock, actor: 'officer:pilot-e2e' });
    expect(report).toMatchObject({ imported: 1, skipped: [] });
    const [nomadId] = report.importedNomadIds;
    if (!nomadId) throw new Error('no nomad imported');
    await graph.flushEvents();

    const taxOfficer = await token(['tax_officer']);
    const REGISTRATION = 'query($pin: String) { taxRegistration(pin: $pin) { pin state firstRegistration } }';
    const queued = await flows.gql<{ taxRegistration: { pin: string; state: string; firstRegistration: boolean } | null }>(graph, taxOfficer, REGISTRATION, { pin: row.pin });
    expect(queued.taxRegistration).toEqual({ pin: row.pin, state: 'PENDING_REREGISTRATION', firstRegistration: true });

    const started = await flows.gql<{ startReregistrationCampaign: { campaign: { id: string } | null; userErrors: { code: string }[] } }>(
      graph,
      taxOfficer,
      'mutation { startReregistrationCampaign(input: { batchSize: 10 }) { campaign { id } userErrors { code } } }',
    );
    expect(started.startReregistrationCampaign.userErrors).toEqual([]);
    await (graph.agencies.tax?.extras.campaigns as CampaignRunner).idle();
    const done = await flows.gql<{ taxRegistration: { state: string } | null }>(graph, taxOfficer, REGISTRATION, { pin: row.pin });
    expect(done.taxRegistration?.state).toBe('REREGISTERED');

    const laborOfficer = await token(['labor_officer']);
    const monitored = await flows.gql<{ nomad: { monitoring: { state: string } | null } }>(graph, laborOfficer, `{ nomad(id: "${nomadId}") { monitoring { state } } }`);
    expect(monitored.nomad.monitoring).toEqual({ state: 'OPEN' });

    const again = await importPilotHolders(db, { rows: [row], clock: graph.clock, actor: 'officer:pilot-e2e' });
    expect(again.skipped.map((s) => s.code)).toEqual(['ALREADY_IMPORTED']);
    const published = await db.select({ type: schema.outbox.type }).from(schema.outbox).where(eq(schema.outbox.aggregateId, nomadId));
    expect(published.map((e) => e.type)).toEqual(['StatusGranted']);
  });

  it('announces the end of an imported pilot period as any expiry: tax deregisters, labor closes the case, GKNB watches the exit', async () => {
    const { db } = graph.migration.database;
    const [nomad] = await db.select({ id: schema.nomads.id }).from(schema.nomads).where(eq(schema.nomads.passportNumber, row.passport_number));
    if (!nomad) throw new Error('the first test imports the holder');
    graph.clock.set('2026-01-01T06:00:00Z');
    expect((await runMaintenance(db, { clock: graph.clock, zhaak: embeddedZhaak(db) })).expired).toBe(1);
    await graph.flushEvents();
    const published = await db.select({ type: schema.outbox.type, payload: schema.outbox.payload }).from(schema.outbox).where(eq(schema.outbox.aggregateId, nomad.id)).orderBy(asc(schema.outbox.seq));
    expect(published.map((e) => e.type)).toEqual(['StatusGranted', 'StatusExpired']);
    expect(published[1]?.payload).toMatchObject({ nomadId: nomad.id, pin: row.pin, expiredOn: '2026-01-01' });

    expect(await afterTheEnd(row.pin, nomad.id)).toEqual({ registration: 'DEREGISTRATION_PENDING', monitoring: { state: 'CLOSED' } });

    // GKNB never screened a pilot holder: the import's grant announced them, so the expiry opens a watch.
    const security = graph.agencies.security?.database.client;
    if (!security) throw new Error('no security');
    expect(await security`select kind, source from security.known_subjects where subject_id = ${nomad.id}`).toEqual([{ kind: 'HOLDER', source: 'StatusGranted' }]);
    expect(await security`select id from security.screenings where nomad_id = ${nomad.id}`).toHaveLength(0);
    const watches = await security<{ cause: string; ended_on: string }[]>`select cause, ended_on::text from security.exit_watches where nomad_id = ${nomad.id}`;
    expect(watches).toEqual([{ cause: 'EXPIRED', ended_on: '2026-01-01' }]);
  });

  it('a re-run announces a legacy holder whose expiry the agencies refused, then delivers that expiry again after the grant: nothing refused again', async () => {
    const { db } = graph.migration.database;
    // As an import before announcements left the holder: nomad, pilot period, GRANTED event, and no event published.
    const legacy = { ...row, given_names: 'Anna', passport_number: '759900888', pin: '11705199000888', email: 'anna.sokolova@example.org' };
    const grantedAt = '2025-03-01T06:00:00Z';
    const [nomad] = await db
      .insert(schema.nomads)
      .values({ surname: 'SOKOLOVA', givenNames: 'ANNA', dateOfBirth: legacy.date_of_birth, sex: 'FEMALE', citizenship: 'RUS', passportCountry: 'RUS', passportNumber: legacy.passport_number, passportExpiresOn: legacy.passport_expires_on, email: legacy.email, pin: legacy.pin, source: 'PILOT_2022_2024', createdAt: grantedAt, updatedAt: grantedAt })
      .returning({ id: schema.nomads.id });
    if (!nomad) throw new Error('no nomad');
    const [period] = await db
      .insert(schema.statusPeriods)
      .values({ nomadId: nomad.id, kind: 'PILOT_2022_2024', validFrom: legacy.status_valid_from, validUntil: legacy.status_valid_until, grantedAt, grantedBy: 'officer:pilot-e2e', source: 'PILOT_2022_2024' })
      .returning({ id: schema.statusPeriods.id });
    if (!period) throw new Error('no period');
    await db.insert(schema.statusEvents).values({ nomadId: nomad.id, kind: 'GRANTED', effectiveOn: legacy.status_valid_from, actor: 'officer:pilot-e2e', periodId: period.id, at: grantedAt });

    // The period ended: its expiry is published, and tax, labor and GKNB, never told of the holder, refuse it for good.
    graph.clock.set('2026-01-02T06:00:00Z');
    expect((await runMaintenance(db, { clock: graph.clock, zhaak: embeddedZhaak(db) })).expired).toBe(1);
    await graph.flushEvents();
    const deliveries = () =>
      graph.migration.database.client<{ type: string; subscriber: string; state: string }[]>`
        select o.type, d.subscriber, d.state from migration.outbox_deliveries d join migration.outbox o on o.id = d.event_id
        where d.aggregate_id = ${nomad.id} order by d.seq, d.subscriber`;
    expect(await deliveries()).toEqual(['labor', 'security', 'tax'].map((subscriber) => ({ type: 'StatusExpired', subscriber, state: 'DEAD' })));

    const rerun = await importPilotHolders(db, { rows: [legacy], clock: graph.clock, actor: 'officer:pilot-e2e' });
    expect(rerun).toMatchObject({ imported: 0, announced: 1, announcedNomadIds: [nomad.id] });
    await graph.flushEvents();
    // The grant, then the expiry again (a new event, the same fact), each delivered to all three; the dead letters are gone.
    expect(await deliveries()).toEqual(
      ['StatusGranted', 'StatusExpired'].flatMap((type) => ['labor', 'security', 'tax'].map((subscriber) => ({ type, subscriber, state: 'DELIVERED' }))),
    );

    // Queued for re-registration by the grant, never entered in the register: the expiry closes it at once.
    expect(await afterTheEnd(legacy.pin, nomad.id)).toEqual({ registration: 'DEREGISTERED', monitoring: { state: 'CLOSED' } });
    const security = graph.agencies.security?.database.client;
    if (!security) throw new Error('no security');
    expect(await security`select cause, ended_on::text from security.exit_watches where nomad_id = ${nomad.id}`).toEqual([{ cause: 'EXPIRED', ended_on: '2026-01-01' }]);

    // Each agency refused only the first expiry, once; the grant and the expiry sent again were processed.
    for (const agency of ['tax', 'labor', 'security'] as const) {
      const client = graph.agencies[agency]?.database.client;
      if (!client) throw new Error(`no ${agency}`);
      const received = await client.unsafe<{ event_type: string; state: string }[]>(
        `select event_type, state from "${agency}".inbox where aggregate_id = $1 order by first_received_at, event_type`,
        [nomad.id],
      );
      expect(received).toEqual([
        { event_type: 'StatusExpired', state: 'POISON' },
        { event_type: 'StatusGranted', state: 'PROCESSED' },
        { event_type: 'StatusExpired', state: 'PROCESSED' },
      ]);
    }
  });
});
