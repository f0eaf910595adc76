import type { SampleWorld } from '@nomad/sample';
import { addDays } from '../clock.ts';
import type { campaignItems, campaigns, declarations, payments, registerEntries, registrations, CampaignFailureCode, RegistrationState } from '../db/schema.ts';
import { periodDates, taxDue } from '../modules/declarations/service.ts';

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
  const campaignDay = addDays(today, -CAMPAIGN_DAYS_AGO);
  const drawing: Drawing = { out, today, counters, campaign: { id: seededUuid(2_000_000), day: campaignDay, at: `${campaignDay}T05:00:00Z` } };
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
    const i = n++;
    const holder: Holder = {
      nomad: { id: nomad.id, pin: nomad.pin },
      i,
      id: seededUuid(i + 1),
      regimeCode: i % 20 === 7 ? 'GENERAL' : i % 7 === 3 ? 'HTP_RESIDENT' : 'SIMPLIFIED_SINGLE_TAX',
      events,
      grants,
      first,
      last,
      end: events.find((e) => e.kind === 'REVOKED' || e.kind === 'EXPIRED'),
      periods: periodsOf.get(nomad.id) ?? [],
      application: activityOf.get(nomad.id),
    };
    const { registeredOn, deregisteredOn } = drawRegistration(drawing, holder);
    if (registeredOn) drawDeclarations(drawing, holder, { registeredOn, deregisteredOn });
  }
  drawCampaign(drawing);
  counters.registrations = n;
  counters.declarations += out.declarationRows.length;
  return out;
}

/** The rows drawn so far, the day they are drawn for, and the sample's one campaign. */
interface Drawing {
  out: TaxWorld;
  today: string;
  counters: TaxSeedCounters;
  campaign: { id: string; day: string; at: string };
}

type SampleEvent = SampleWorld['eventRows'][number];

/** A status holder with a PIN and at least one grant, as the tax service would know them. */
interface Holder {
  nomad: { id: string; pin: string };
  /** The holder's number among the world's registrations: spreads regimes, campaign failures and payments. */
  i: number;
  /** Their registration's id. */
  id: string;
  regimeCode: string;
  events: SampleWorld['eventRows'];
  /** GRANTED, EXTENDED and RENEWED events, in order. */
  grants: SampleEvent[];
  first: SampleEvent;
  last: SampleEvent;
  /** The REVOKED or EXPIRED event, if the status ended. */
  end: SampleEvent | undefined;
  periods: SampleWorld['periodRows'];
  application: SampleWorld['applicationRows'][number] | undefined;
}

/**
 * The register's history of one holder, then their registration row. Returns the days they were
 * registered (null: still pending a first registration) and deregistered.
 */
function drawRegistration(drawing: Drawing, holder: Holder): { registeredOn: string | null; deregisteredOn: string | null } {
  const { out, today } = drawing;
  const { id, first, last, grants, end } = holder;
  const recent = (day: string) => day > addDays(today, -PENDING_WINDOW_DAYS);
  const firstPending = recent(first.effectiveOn) && grants.length === 1 && !end;
  const registeredOn = firstPending ? null : addDays(first.effectiveOn, ACT_AFTER_DAYS);
  let lastReregisteredOn: string | null = registeredOn;
  if (registeredOn) out.entryRows.push({ registrationId: id, kind: 'REGISTERED', effectiveOn: registeredOn, actor: 'seed:tax_officer', at: `${registeredOn}T05:00:00Z` });
  for (const g of grants.slice(1)) {
    if (recent(g.effectiveOn) && !end) continue;
    const on = addDays(g.effectiveOn, ACT_AFTER_DAYS);
    if (on > today) continue;
    lastReregisteredOn = on;
    out.entryRows.push({ registrationId: id, kind: 'REREGISTERED', effectiveOn: on, actor: 'seed:tax_officer', at: `${on}T05:00:00Z` });
  }
  const campaignDay = drawing.campaign.day;
  if (registeredOn && registeredOn < campaignDay && drawCampaignItem(drawing, holder)) {
    if (!lastReregisteredOn || lastReregisteredOn < campaignDay) lastReregisteredOn = campaignDay;
  }
  const { state, deregisteredOn, pendingSince } = drawState(drawing, holder, firstPending || (!end && recent(last.effectiveOn)));
  const lastFact = [...holder.events].sort((a, b) => String(a.at).localeCompare(String(b.at))).pop();
  out.registrationRows.push({
    id,
    pin: holder.nomad.pin,
    nomadId: holder.nomad.id,
    state,
    firstRegistration: registeredOn === null,
    registeredOn,
    lastReregisteredOn,
    deregisteredOn,
    regimeCode: holder.regimeCode,
    activity: holder.application?.activityCode ?? null,
    activityCode: holder.application?.activityCode ?? null,
    statusValidUntil: holder.periods.reduce((max, p) => (p.validUntil > max ? p.validUntil : max), '0000-00-00'),
    pendingSince,
    lastFactAt: lastFact?.at ? String(lastFact.at) : null,
    createdAt: String(first.at ?? `${first.effectiveOn}T06:00:00Z`),
  });
  return { registeredOn, deregisteredOn };
}

/**
 * The campaign took every IE in the register on its day: most re-registered (an entry of its
 * own), those whose status had ended by then no longer pending, one in nine under a regime
 * closed on that day (reopened since). Returns whether the campaign re-registered the holder.
 */
function drawCampaignItem({ out, campaign }: Drawing, { id, i, regimeCode, end }: Holder): boolean {
  const ended = end !== undefined && end.effectiveOn <= campaign.day;
  const failure: { code: CampaignFailureCode; reason: string } | null = ended
    ? { code: 'NOT_PENDING', reason: 'NOT_PENDING: The registration was no longer pending re-registration.' }
    : i % 9 === 4
      ? { code: 'REGIME_CLOSED', reason: `REGIME_CLOSED: The ${regimeCode} regime took no new registrations on the campaign's day.` }
      : null;
  out.campaignItemRows.push({ campaignId: campaign.id, registrationId: id, state: failure ? 'FAILED' : 'DONE', failureCode: failure?.code ?? null, failureReason: failure?.reason ?? null, processedAt: campaign.at });
  if (failure) return false;
  out.entryRows.push({ registrationId: id, kind: 'REREGISTERED', effectiveOn: campaign.day, actor: 'campaign', campaignId: campaign.id, at: campaign.at });
  return true;
}

/**
 * The registration's state: deregistered some days after the status ended (pending until then),
 * pending re-registration after a recent grant (`pending`), re-registered otherwise.
 */
function drawState({ out, today }: Drawing, { id, end, last }: Holder, pending: boolean): { state: RegistrationState; deregisteredOn: string | null; pendingSince: string | null } {
  if (end) {
    const on = addDays(end.effectiveOn, ACT_AFTER_DAYS);
    if (on <= today) {
      out.entryRows.push({ registrationId: id, kind: 'DEREGISTERED', effectiveOn: on, actor: 'seed:tax_officer', at: `${on}T05:00:00Z` });
      return { state: 'DEREGISTERED', deregisteredOn: on, pendingSince: null };
    }
    return { state: 'DEREGISTRATION_PENDING', deregisteredOn: null, pendingSince: `${end.effectiveOn}T06:00:00Z` };
  }
  if (pending) return { state: 'PENDING_REREGISTRATION', deregisteredOn: null, pendingSince: String(last.at ?? `${last.effectiveOn}T06:00:00Z`) };
  return { state: 'REREGISTERED', deregisteredOn: null, pendingSince: null };
}

/** Quarterly declarations while registered: a quarter of the declared annual income, varied a little per quarter; most paid. */
function drawDeclarations({ out, today, counters }: Drawing, holder: Holder, { registeredOn, deregisteredOn }: { registeredOn: string; deregisteredOn: string | null }): void {
  const { i, id, regimeCode, application } = holder;
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
      filedBy: `nomad:${holder.nomad.id}`,
    });
    // Most pay in full before the due date; one in nine pays half; one in thirteen nothing yet.
    const mix = (i * 31 + q * 17) % 117;
    const paidOn = addDays(dates.dueOn, -2);
    if (paidOn > today || due === 0 || mix % 13 === 0) return;
    const amountMinor = mix % 9 === 0 ? Math.floor(due / 2) : due;
    if (amountMinor > 0) out.paymentRows.push({ declarationId, amountMinor, currency, paidOn, recordedBy: 'seed:tax_officer', recordedAt: `${paidOn}T09:00:00Z` });
  });
}

/** The campaign itself, completed, when it took any IE. */
function drawCampaign({ out, campaign }: Drawing): void {
  if (out.campaignItemRows.length === 0) return;
  out.campaignRows.push({
    id: campaign.id,
    state: 'COMPLETED',
    batchSize: 50,
    total: out.campaignItemRows.length,
    startedBy: 'seed:tax_officer',
    startedAt: `${campaign.day}T04:00:00Z`,
    finishedAt: `${campaign.day}T06:00:00Z`,
  });
}
