import { count } from 'drizzle-orm';
import type { Logger } from '@nomad/kit';
import { sampleWorld, type SampleWorld } from '@nomad/sample';
import { addDays } from '../clock.ts';
import type { TaxDb } from '../db/index.ts';
import { campaignItems, campaigns, declarations, payments, registerEntries, registrations, type CampaignFailureCode, type RegistrationState } from '../db/schema.ts';
import { periodDates, taxDue } from '../modules/declarations/service.ts';

export interface TaxSeedOptions {
  /** Bishkek "today" of the sample world (`@nomad/sample`). */
  today: string;
  /** Must match migration's seed. @default 400 */
  nomads?: number;
  /** Must match migration's seed. @default migration's default */
  seed?: number;
}

/**
 * The rates of the default regimes (drizzle/0001), repeated here only so that the seed needs
 * no query before its one transaction; a test checks they match the table.
 */
export const SEED_REGIME_RATES: Record<string, number> = { SIMPLIFIED_SINGLE_TAX: 400, HTP_RESIDENT: 100, GENERAL: 1000 };

/** A grant-type fact younger than this leaves the IE pending re-registration in the sample. */
const PENDING_WINDOW_DAYS = 30;
/** Days between a status fact and the tax service's act on it in the sample. */
const ACT_AFTER_DAYS = 3;
/** The sample's re-registration campaign under decree No. 241 ran this many days before today. */
const CAMPAIGN_DAYS_AGO = 40;

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface TaxWorld {
  registrationRows: (Row<typeof registrations> & { id: string })[];
  entryRows: Row<typeof registerEntries>[];
  declarationRows: (Row<typeof declarations> & { id: string })[];
  paymentRows: Row<typeof payments>[];
  /** One completed re-registration campaign, so that its progress (done, failed and why) has numbers. */
  campaignRows: (Row<typeof campaigns> & { id: string })[];
  campaignItemRows: Row<typeof campaignItems>[];
}

/** Deterministic UUID-shaped ids, so re-seeding a fresh database gives the same ids. */
function seededUuid(n: number): string {
  return `7a100000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** The ended quarters `YYYY-Qn` from `from` up to (not including) the quarter of `until`. */
function quartersBetween(from: string, until: string): string[] {
  const out: string[] = [];
  let year = Number(from.slice(0, 4));
  let quarter = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  for (;;) {
    const period = `${year}-Q${quarter}`;
    const dates = periodDates(period);
    if (!dates || dates.endsOn >= until) break;
    // A quarter counts only if the IE was registered from its first day.
    if (dates.startsOn >= from) out.push(period);
    quarter += 1;
    if (quarter > 4) {
      quarter = 1;
      year += 1;
    }
  }
  return out;
}

/** Registrations and declarations drawn so far: a world drawn in chunks numbers them on from there. */
export interface TaxSeedCounters {
  registrations: number;
  declarations: number;
}

/** Rows per nomad id, in their order. */
function byNomad<T extends { nomadId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.nomadId);
    if (list) list.push(row);
    else out.set(row.nomadId, [row]);
  }
  return out;
}

/**
 * The tax part of the deterministic sample world (`@nomad/sample`): every status holder (a nomad with a
 * PIN) has an IE registration whose state follows their status — recent grants and extensions
 * pending re-registration (the first ones as first registrations), revoked or expired
 * statuses deregistered (the most recent still pending) — with quarterly declarations and
 * payments, some in arrears. Pure, so a test can compare it with the world it draws from. A
 * chunk of a larger world (`sampleWorldChunks`) passes the counters of the chunks before
 * (advanced here), so that the chunks' rows together are the whole world's.
 */
export function taxWorld(world: SampleWorld, today: string, counters: TaxSeedCounters = { registrations: 0, declarations: 0 }): TaxWorld {
  const out: TaxWorld = { registrationRows: [], entryRows: [], declarationRows: [], paymentRows: [], campaignRows: [], campaignItemRows: [] };
  const campaignId = seededUuid(2_000_000);
  const campaignDay = addDays(today, -CAMPAIGN_DAYS_AGO);
  const campaignAt = `${campaignDay}T05:00:00Z`;
  const activityOf = new Map(world.applicationRows.map((a) => [a.nomadId, a]));
  const eventsOf = byNomad(world.eventRows);
  const periodsOf = byNomad(world.periodRows);
  let n = counters.registrations;
  for (const nomad of world.nomadRows) {
    if (!nomad.pin) continue;
    const events = eventsOf.get(nomad.id) ?? [];
    const grants = events.filter((e) => e.kind === 'GRANTED' || e.kind === 'EXTENDED' || e.kind === 'RENEWED');
    const first = grants[0];
    const last = grants[grants.length - 1];
    if (!first || !last) continue;
    const end = events.find((e) => e.kind === 'REVOKED' || e.kind === 'EXPIRED');
    const periods = periodsOf.get(nomad.id) ?? [];
    const validUntil = periods.reduce((max, p) => (p.validUntil > max ? p.validUntil : max), '0000-00-00');
    const application = activityOf.get(nomad.id);
    const i = n++;
    const regimeCode = i % 20 === 7 ? 'GENERAL' : i % 7 === 3 ? 'HTP_RESIDENT' : 'SIMPLIFIED_SINGLE_TAX';
    const id = seededUuid(i + 1);
    const lastFact = [...events].sort((a, b) => String(a.at).localeCompare(String(b.at))).pop();
    const recent = (day: string) => day > addDays(today, -PENDING_WINDOW_DAYS);
    const firstPending = recent(first.effectiveOn) && grants.length === 1 && !end;
    const registeredOn = firstPending ? null : addDays(first.effectiveOn, ACT_AFTER_DAYS);
    let state: RegistrationState = 'REREGISTERED';
    let lastReregisteredOn: string | null = registeredOn;
    let deregisteredOn: string | null = null;
    let pendingSince: string | null = null;
    if (registeredOn) out.entryRows.push({ registrationId: id, kind: 'REGISTERED', effectiveOn: registeredOn, actor: 'seed:tax_officer', at: `${registeredOn}T05:00:00Z` });
    for (const g of grants.slice(1)) {
      if (recent(g.effectiveOn) && !end) continue;
      const on = addDays(g.effectiveOn, ACT_AFTER_DAYS);
      if (on > today) continue;
      lastReregisteredOn = on;
      out.entryRows.push({ registrationId: id, kind: 'REREGISTERED', effectiveOn: on, actor: 'seed:tax_officer', at: `${on}T05:00:00Z` });
    }
    // The campaign took every IE in the register on its day: most re-registered (an entry of its
    // own), those whose status had ended by then no longer pending, one in nine under a regime
    // closed on that day (reopened since).
    if (registeredOn && registeredOn < campaignDay) {
      const ended = end !== undefined && end.effectiveOn <= campaignDay;
      const failure: { code: CampaignFailureCode; reason: string } | null = ended
        ? { code: 'NOT_PENDING', reason: 'NOT_PENDING: The registration was no longer pending re-registration.' }
        : i % 9 === 4
          ? { code: 'REGIME_CLOSED', reason: `REGIME_CLOSED: The ${regimeCode} regime took no new registrations on the campaign's day.` }
          : null;
      out.campaignItemRows.push({ campaignId, registrationId: id, state: failure ? 'FAILED' : 'DONE', failureCode: failure?.code ?? null, failureReason: failure?.reason ?? null, processedAt: campaignAt });
      if (!failure) {
        out.entryRows.push({ registrationId: id, kind: 'REREGISTERED', effectiveOn: campaignDay, actor: 'campaign', campaignId, at: campaignAt });
        if (!lastReregisteredOn || lastReregisteredOn < campaignDay) lastReregisteredOn = campaignDay;
      }
    }
    if (end) {
      const on = addDays(end.effectiveOn, ACT_AFTER_DAYS);
      if (on <= today) {
        state = 'DEREGISTERED';
        deregisteredOn = on;
        out.entryRows.push({ registrationId: id, kind: 'DEREGISTERED', effectiveOn: on, actor: 'seed:tax_officer', at: `${on}T05:00:00Z` });
      } else {
        state = 'DEREGISTRATION_PENDING';
        pendingSince = `${end.effectiveOn}T06:00:00Z`;
      }
    } else if (firstPending || recent(last.effectiveOn)) {
      state = 'PENDING_REREGISTRATION';
      pendingSince = String(last.at ?? `${last.effectiveOn}T06:00:00Z`);
    }
    out.registrationRows.push({
      id,
      pin: nomad.pin,
      nomadId: nomad.id,
      state,
      firstRegistration: registeredOn === null,
      registeredOn,
      lastReregisteredOn,
      deregisteredOn,
      regimeCode,
      activity: application?.activityCode ?? null,
      activityCode: application?.activityCode ?? null,
      statusValidUntil: validUntil,
      pendingSince,
      lastFactAt: lastFact?.at ? String(lastFact.at) : null,
      createdAt: String(first.at ?? `${first.effectiveOn}T06:00:00Z`),
    });
    if (!registeredOn) continue;
    // Quarterly income: a quarter of the declared annual income, varied a little per quarter.
    const annual = application?.declaredIncomeMinor ?? 0;
    const currency = application?.incomeCurrency ?? 'USD';
    const rate = SEED_REGIME_RATES[regimeCode] ?? 0;
    quartersBetween(registeredOn, deregisteredOn ?? today).forEach((period, q) => {
      const dates = periodDates(period);
      if (!dates) return;
      const declarationId = seededUuid(1_000_000 + counters.declarations + out.declarationRows.length);
      const incomeMinor = Math.round((annual / 4) * (0.85 + ((i + q) % 7) * 0.05));
      const due = taxDue(incomeMinor, rate);
      out.declarationRows.push({
        id: declarationId,
        registrationId: id,
        period,
        incomeMinor,
        currency,
        regimeCode,
        rateBasisPoints: rate,
        taxDueMinor: due,
        dueOn: dates.dueOn,
        filedAt: `${addDays(dates.endsOn, 10)}T08:00:00Z`,
        filedBy: `nomad:${nomad.id}`,
      });
      // Most pay in full before the due date; one in nine pays half; one in thirteen nothing yet.
      const mix = (i * 31 + q * 17) % 117;
      const paidOn = addDays(dates.dueOn, -2);
      if (paidOn > today || due === 0 || mix % 13 === 0) return;
      const amountMinor = mix % 9 === 0 ? Math.floor(due / 2) : due;
      if (amountMinor > 0) out.paymentRows.push({ declarationId, amountMinor, currency, paidOn, recordedBy: 'seed:tax_officer', recordedAt: `${paidOn}T09:00:00Z` });
    });
  }
  if (out.campaignItemRows.length > 0) {
    out.campaignRows.push({
      id: campaignId,
      state: 'COMPLETED',
      batchSize: 50,
      total: out.campaignItemRows.length,
      startedBy: 'seed:tax_officer',
      startedAt: `${campaignDay}T04:00:00Z`,
      finishedAt: `${campaignDay}T06:00:00Z`,
    });
  }
  counters.registrations = n;
  counters.declarations += out.declarationRows.length;
  return out;
}

/**
 * Fills an empty tax database with the tax part of the sample world (the same `today`
 * and size as migration's seed, so PINs and nomad ids match). Does nothing when registrations
 * exist, so a second `npm start` keeps the data.
 */
export async function seedTax(db: TaxDb, logger: Logger, options: TaxSeedOptions): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(registrations);
  if ((existing?.n ?? 0) > 0) return false;
  const world = sampleWorld({ today: options.today, ...(options.nomads !== undefined ? { nomads: options.nomads } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  const { registrationRows, entryRows, declarationRows, paymentRows, campaignRows, campaignItemRows } = taxWorld(world, options.today);
  await db.transaction(async (tx) => {
    for (let i = 0; i < registrationRows.length; i += 500) await tx.insert(registrations).values(registrationRows.slice(i, i + 500));
    if (campaignRows.length > 0) await tx.insert(campaigns).values(campaignRows);
    for (let i = 0; i < campaignItemRows.length; i += 1000) await tx.insert(campaignItems).values(campaignItemRows.slice(i, i + 1000));
    for (let i = 0; i < entryRows.length; i += 1000) await tx.insert(registerEntries).values(entryRows.slice(i, i + 1000));
    for (let i = 0; i < declarationRows.length; i += 1000) await tx.insert(declarations).values(declarationRows.slice(i, i + 1000));
    for (let i = 0; i < paymentRows.length; i += 1000) await tx.insert(payments).values(paymentRows.slice(i, i + 1000));
  });
  logger.info({ registrations: registrationRows.length, declarations: declarationRows.length, payments: paymentRows.length, campaignItems: campaignItemRows.length }, 'seeded sample tax data');
  return true;
}
