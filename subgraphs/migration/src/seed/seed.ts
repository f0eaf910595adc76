import { count, sql } from 'drizzle-orm';
import type { Logger } from '@nomad/kit';
import { addDays, addWorkingDays, bishkekDate } from '../clock.ts';
import type { MigrationDb } from '../db/index.ts';
import { applicationDocuments, applications, nomads, statusEvents, statusPeriods, zhaakSerials, type ApplicationRow } from '../db/schema.ts';
import { loadHolidays, loadRules, toUsdMinor, type Rules } from '../modules/rules/service.ts';
import { formatPin } from '../zhaak.ts';

/** The demo applicant: `npm run token -- --nomad 7c9e6679-7425-40de-944b-e07fc1f90ae7`. */
export const DEMO_NOMAD_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** Deterministic PRNG (mulberry32): the same seed gives the same sample data on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => {
      const item = list[Math.floor(next() * list.length)];
      if (item === undefined) throw new Error('pick from empty list');
      return item;
    },
  };
}

const NAMES: Record<string, { surnames: string[]; male: string[]; female: string[] }> = {
  RUS: { surnames: ['IVANOV', 'SMIRNOV', 'KUZNETSOV', 'POPOV', 'SOKOLOV', 'VOLKOV'], male: ['ALEXEI', 'DMITRII', 'IVAN', 'SERGEI'], female: ['ANNA', 'OLGA', 'MARIIA', 'ELENA'] },
  KAZ: { surnames: ['NURLANOV', 'SULEIMENOV', 'ABENOV', 'ZHUMABAEV'], male: ['ARMAN', 'DAUREN', 'ERLAN', 'NURSULTAN'], female: ['AIGERIM', 'DANA', 'ZHANAR', 'MADINA'] },
  BLR: { surnames: ['KOVALENKO', 'NOVIK', 'MELNIK', 'SHEVCHUK'], male: ['ANDREI', 'PAVEL', 'ARTEM'], female: ['IRINA', 'TATSIANA', 'VOLHA'] },
  ARM: { surnames: ['HAKOBYAN', 'PETROSYAN', 'SARGSYAN', 'GRIGORYAN'], male: ['ARAM', 'DAVIT', 'TIGRAN'], female: ['ANI', 'LILIT', 'MARIAM'] },
  AZE: { surnames: ['ALIYEV', 'MAMMADOV', 'HASANOV', 'GULIYEV'], male: ['ELVIN', 'RASHAD', 'ORKHAN'], female: ['AYSEL', 'LEYLA', 'NIGAR'] },
  MDA: { surnames: ['RUSU', 'CEBAN', 'CIOBANU', 'TURCAN'], male: ['ION', 'VASILE', 'MIHAI'], female: ['ANA', 'MARIA', 'ELENA'] },
  USA: { surnames: ['SMITH', 'JOHNSON', 'WILLIAMS', 'BROWN', 'GARCIA'], male: ['JAMES', 'MICHAEL', 'DAVID'], female: ['EMILY', 'SARAH', 'JESSICA'] },
  DEU: { surnames: ['MUELLER', 'SCHMIDT', 'SCHNEIDER', 'FISCHER'], male: ['LUKAS', 'JONAS', 'FELIX'], female: ['LENA', 'HANNAH', 'ANNA'] },
  GBR: { surnames: ['TAYLOR', 'DAVIES', 'EVANS', 'WILSON'], male: ['OLIVER', 'HARRY', 'GEORGE'], female: ['OLIVIA', 'AMELIA', 'ISLA'] },
  JPN: { surnames: ['SATO', 'SUZUKI', 'TAKAHASHI', 'TANAKA'], male: ['HARUTO', 'YUTO', 'SOTA'], female: ['YUI', 'HINA', 'AOI'] },
  KOR: { surnames: ['KIM', 'LEE', 'PARK', 'CHOI'], male: ['MINJUN', 'SEOJUN', 'JIHO'], female: ['SEOYEON', 'JIWOO', 'HAYUN'] },
  IND: { surnames: ['SHARMA', 'PATEL', 'SINGH', 'IYER'], male: ['AARAV', 'VIVAAN', 'ARJUN'], female: ['ANANYA', 'DIYA', 'PRIYA'] },
};

const EMPLOYERS = ['Northwind Labs GmbH', 'Blue Harbor Software Ltd', 'Pixel Forge Inc', 'Steppe Data LLP', 'Aurora Games Oy', 'Tessellate Studio', 'Quantum Ledger Inc', 'Orbit Media BV'];
const EMPLOYER_COUNTRIES = ['USA', 'DEU', 'GBR', 'NLD', 'FIN', 'KAZ', 'ARE', 'SGP'];
const CURRENCIES = ['USD', 'EUR', 'RUB', 'KZT', 'GBP'];

/** Target share of each application state in the sample (every state appears). */
const STATE_MIX: [ApplicationRow['state'], number][] = [
  ['SUBMITTED', 0.18],
  ['UNDER_REVIEW', 0.17],
  ['RETURNED_FOR_CORRECTION', 0.08],
  ['APPROVED', 0.35],
  ['REFUSED', 0.08],
  ['WITHDRAWN', 0.07],
  ['CANCELLED', 0.07],
];

function pickState(r: number): ApplicationRow['state'] {
  let acc = 0;
  for (const [state, share] of STATE_MIX) {
    acc += share;
    if (r < acc) return state;
  }
  return 'APPROVED';
}

/** Deterministic UUID-shaped id from a number, so re-seeding a fresh database gives the same ids. */
function seededUuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `5eed0000-0000-4000-8000-${hex}`;
}


type Rnd = ReturnType<typeof prng>;

/** Review and decision facts consistent with the state. */
function decisionFields(state: ApplicationRow['state'], submittedOn: string, submittedAt: Date, rnd: Rnd, today: string): Partial<Omit<typeof applications.$inferInsert, 'id'>> {
  const decidedAt = new Date(submittedAt.getTime() + rnd.int(3, 9) * 86_400_000).toISOString();
  const clearedAt = new Date(submittedAt.getTime() + rnd.int(1, 3) * 86_400_000).toISOString();
  switch (state) {
    case 'SUBMITTED':
      return {};
    case 'UNDER_REVIEW': {
      const outcome = rnd.next() < 0.6 ? 'CLEARED' : rnd.next() < 0.5 ? 'PENDING' : 'FLAGGED';
      const evaluation = rnd.next() < 0.25;
      return {
        reviewer: 'seed:migration_officer',
        screeningOutcome: outcome,
        screeningConcludedAt: outcome === 'PENDING' ? null : clearedAt,
        evaluationRequestedAt: evaluation ? clearedAt : null,
        ...(evaluation && rnd.next() < 0.5 ? { evaluationVerdict: rnd.pick(['COMPLIANT', 'NON_COMPLIANT', 'INSUFFICIENT_EVIDENCE'] as const), evaluationConcludedAt: decidedAt } : {}),
      };
    }
    case 'RETURNED_FOR_CORRECTION':
      return {
        reviewer: 'seed:migration_officer',
        corrections: [{ field: 'documents', message: 'The bank statement must cover the last 12 months.' }],
        correctionDeadlineOn: addDays(today, rnd.int(3, 28)),
      };
    case 'APPROVED':
      return { reviewer: 'seed:migration_officer', screeningOutcome: 'CLEARED', screeningConcludedAt: clearedAt, decidedAt, decidedBy: 'seed:migration_officer' };
    case 'REFUSED': {
      const flagged = rnd.next() < 0.3;
      return {
        reviewer: 'seed:migration_officer',
        screeningOutcome: flagged ? 'FLAGGED' : 'CLEARED',
        screeningConcludedAt: clearedAt,
        decidedAt,
        decidedBy: 'seed:migration_officer',
        refusalGround: flagged ? 'NATIONAL_SECURITY_THREAT' : rnd.pick(['FALSE_DOCUMENTS', 'ACTIVITY_NOT_ELIGIBLE'] as const),
      };
    }
    case 'CANCELLED':
      return { reviewer: 'seed:migration_officer', corrections: [{ field: null, message: 'Passport scan unreadable.' }], correctionDeadlineOn: addDays(submittedOn, 35) };
    case 'WITHDRAWN':
      return {};
  }
}

function plusYear(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return addDays(new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10), -1);
}

/**
 * A realistic status history from the approval day: the initial 60 days, then (for most) the
 * 1-year extension and renewals; some suspended, a few revoked, some left to expire.
 */
function seedStatus(
  nomadId: string,
  applicationId: string,
  approvedOn: string,
  today: string,
  rnd: Rnd,
  periods: (typeof statusPeriods.$inferInsert)[],
  events: (typeof statusEvents.$inferInsert)[],
): void {
  const actor = 'seed:migration_officer';
  const initialId = seededUuid(2_000_000 + periods.length);
  const initial = { id: initialId, nomadId, kind: 'INITIAL_60_DAYS' as const, validFrom: approvedOn, validUntil: addDays(approvedOn, 59), applicationId, grantedBy: actor, grantedAt: `${approvedOn}T06:00:00Z` };
  periods.push(initial);
  events.push({ nomadId, kind: 'GRANTED', effectiveOn: approvedOn, actor, periodId: initialId, at: `${approvedOn}T06:00:00Z` });
  let last = initial as { id: string; validUntil: string };
  // Extend those whose initial period ends within a month from now or has ended (most holders).
  if (rnd.next() < 0.8 && last.validUntil <= addDays(today, 30)) {
    const from = addDays(last.validUntil, 1);
    const id = seededUuid(2_000_000 + periods.length);
    periods.push({ id, nomadId, kind: 'EXTENSION_1_YEAR', validFrom: from, validUntil: plusYear(from), grantedBy: actor, grantedAt: `${addDays(from, -10)}T06:00:00Z` });
    events.push({ nomadId, kind: 'EXTENDED', effectiveOn: from, actor, periodId: id, at: `${addDays(from, -10)}T06:00:00Z` });
    last = { id, validUntil: plusYear(from) };
    while (last.validUntil <= addDays(today, 20) && rnd.next() < 0.85) {
      const next = addDays(last.validUntil, 1);
      const rid = seededUuid(2_000_000 + periods.length);
      periods.push({ id: rid, nomadId, kind: 'RENEWAL', validFrom: next, validUntil: plusYear(next), grantedBy: actor, grantedAt: `${addDays(next, -10)}T06:00:00Z` });
      events.push({ nomadId, kind: 'RENEWED', effectiveOn: next, actor, periodId: rid, at: `${addDays(next, -10)}T06:00:00Z` });
      last = { id: rid, validUntil: plusYear(next) };
    }
  }
  if (last.validUntil < today) {
    events.push({ nomadId, kind: 'EXPIRED', effectiveOn: addDays(last.validUntil, 1), actor: 'system', periodId: last.id, at: `${addDays(last.validUntil, 1)}T00:05:00Z` });
    return;
  }
  const roll = rnd.next();
  const on = addDays(today, -rnd.int(1, 20));
  if (roll < 0.06 && on > approvedOn) {
    events.push({ nomadId, kind: 'SUSPENDED', effectiveOn: on, actor, reason: 'Monitoring found no activity reports for two periods.', at: `${on}T07:00:00Z` });
  } else if (roll < 0.1 && on > approvedOn) {
    events.push({ nomadId, kind: 'REVOKED', effectiveOn: on, actor, revocationGround: 'ACTIVITY_ENDED', exitDeadlineOn: addDays(on, 15), at: `${on}T07:00:00Z` });
  }
}

export interface SeedOptions {
  /** @default 400 */
  nomads?: number;
  /** Bishkek "today" the sample is built around. */
  today: string;
  seed?: number;
}

/**
 * Fills an empty migration database with realistic sample data: nomads across every
 * eligible citizenship and applications in every state, some of them overdue. Does nothing
 * when nomads already exist, so a second `npm start` keeps the data.
 */
export async function seedMigration(db: MigrationDb, logger: Logger, options: SeedOptions): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(nomads);
  if ((existing?.n ?? 0) > 0) return false;
  const rules = await loadRules(db);
  const holidays = await loadHolidays(db, addDays(options.today, -600));
  const world = sampleWorld({ ...options, rules, holidays });
  const { nomadRows, applicationRows, documentRows, periodRows, eventRows, serials, lastNumber } = world;
  await db.transaction(async (tx) => {
    for (let i = 0; i < nomadRows.length; i += 500) await tx.insert(nomads).values(nomadRows.slice(i, i + 500));
    for (let i = 0; i < applicationRows.length; i += 500) await tx.insert(applications).values(applicationRows.slice(i, i + 500));
    for (let i = 0; i < documentRows.length; i += 1000) await tx.insert(applicationDocuments).values(documentRows.slice(i, i + 1000));
    for (let i = 0; i < periodRows.length; i += 1000) await tx.insert(statusPeriods).values(periodRows.slice(i, i + 1000));
    for (let i = 0; i < eventRows.length; i += 1000) await tx.insert(statusEvents).values(eventRows.slice(i, i + 1000));
    // ZHAAK continues after the serials the sample used.
    for (let i = 0; i < serials.length; i += 1000) await tx.insert(zhaakSerials).values(serials.slice(i, i + 1000));
    // Portal submissions continue after the seeded numbers.
    await tx.execute(sql`select setval('migration.application_number_seq', ${lastNumber})`);
  });
  logger.info({ nomads: nomadRows.length, applications: applicationRows.length, statusPeriods: periodRows.length }, 'seeded sample data');
  return true;
}

/**
 * The rule values the sample is drawn with when no database is at hand (other agencies'
 * seeds): the defaults of migration's rule table. A test checks they match it.
 */
export const SAMPLE_RULES: Pick<Rules, 'eligible_citizenships' | 'visa_required_citizenships' | 'eligible_activities' | 'exchange_rates_to_usd' | 'review_working_days'> = {
  eligible_citizenships: ['AZE', 'ARM', 'BLR', 'KAZ', 'MDA', 'RUS', 'USA', 'DEU', 'GBR', 'JPN', 'KOR', 'IND'],
  visa_required_citizenships: ['USA', 'DEU', 'GBR', 'JPN', 'KOR', 'IND'],
  eligible_activities: [
    { code: 'SOFTWARE_DEVELOPMENT', title: 'Software development' },
    { code: 'IT_SYSTEMS_ANALYSIS', title: 'IT systems analysis and programming' },
    { code: 'IT_EXPORT', title: 'IT export' },
    { code: 'MEDIA_ARTS', title: 'Media arts (VR/AR, 3D)' },
    { code: 'ANIMATION_GRAPHIC_DESIGN', title: 'Animation and graphic design' },
    { code: 'IT_PRODUCT_DEVELOPMENT', title: 'IT-product development' },
    { code: 'ROBOTICS_AI', title: 'Robotics and artificial intelligence' },
    { code: 'GAMES', title: 'Computer and mobile games' },
    { code: 'ESPORTS', title: 'Esports' },
    { code: 'CREATIVE_INDUSTRIES', title: 'Creative industries' },
  ],
  exchange_rates_to_usd: { USD: 1, EUR: 1.08, GBP: 1.27, CHF: 1.12, JPY: 0.0067, KRW: 0.00073, INR: 0.012, CNY: 0.14, RUB: 0.011, KZT: 0.002, KGS: 0.0115, UZS: 0.00008, TRY: 0.029, CAD: 0.73, AUD: 0.65, AED: 0.27 },
  review_working_days: 7,
};

export interface SampleWorld {
  nomadRows: (typeof nomads.$inferInsert & { id: string })[];
  applicationRows: (typeof applications.$inferInsert & { id: string })[];
  documentRows: (typeof applicationDocuments.$inferInsert)[];
  periodRows: (typeof statusPeriods.$inferInsert)[];
  eventRows: (typeof statusEvents.$inferInsert)[];
  serials: { dateOfBirth: string; lastSerial: number }[];
  lastNumber: number;
}

/**
 * The deterministic sample world of `npm start`: the same `today`, `nomads` and `seed` give the
 * same people, applications, PINs and statuses on every machine. Pure (no database), so that
 * every agency's seed can draw its own part of the same world (labor its monitoring cases,
 * tax its registrations, security its screenings) without reading migration's tables.
 */
export function sampleWorld(options: SeedOptions & { rules?: typeof SAMPLE_RULES; holidays?: ReadonlySet<string> }): SampleWorld {
  const total = options.nomads ?? 400;
  const rnd = prng(options.seed ?? 241);
  const rules = options.rules ?? SAMPLE_RULES;
  const holidays = options.holidays ?? new Set<string>();
  const citizenships = rules.eligible_citizenships.filter((c) => NAMES[c]);
  const usedPins = new Map<string, number>();

  const nomadRows: SampleWorld['nomadRows'] = [];
  const applicationRows: SampleWorld['applicationRows'] = [];
  const documentRows: (typeof applicationDocuments.$inferInsert)[] = [];
  const periodRows: (typeof statusPeriods.$inferInsert)[] = [];
  const eventRows: (typeof statusEvents.$inferInsert)[] = [];
  let number = 10000001;

  for (let i = 0; i < total; i++) {
    const citizenship = citizenships[i % citizenships.length] ?? 'KAZ';
    const names = NAMES[citizenship] ?? NAMES.KAZ!;
    const sex = rnd.next() < 0.5 ? 'MALE' : 'FEMALE';
    const dateOfBirth = addDays('1975-01-01', rnd.int(0, 365 * 27));
    // Every state appears: the first seven nomads take one state each, the rest follow the mix.
    const state = i < STATE_MIX.length ? STATE_MIX[i]![0] : pickState(rnd.next());
    const id = i === 0 ? DEMO_NOMAD_ID : seededUuid(i);
    let pin: string | null = null;
    if (state === 'APPROVED') {
      const serial = (usedPins.get(dateOfBirth) ?? 0) + 1;
      usedPins.set(dateOfBirth, serial);
      pin = formatPin(sex, dateOfBirth, serial);
    }
    // Decree No. 241 took effect in May 2025: approvals go back up to ~18 months, long
    // enough for extensions and first renewals.
    const daysAgo = state === 'SUBMITTED' || state === 'UNDER_REVIEW' ? rnd.int(0, 20) : state === 'APPROVED' ? rnd.int(15, 550) : rnd.int(15, 380);
    const submittedOn = addDays(options.today, -daysAgo);
    const submittedAt = new Date(`${submittedOn}T${String(rnd.int(3, 12)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}:00Z`);
    nomadRows.push({
      id,
      surname: rnd.pick(names.surnames),
      givenNames: rnd.pick(sex === 'MALE' ? names.male : names.female),
      dateOfBirth,
      sex,
      citizenship,
      passportCountry: citizenship,
      passportNumber: `${citizenship.slice(0, 2)}${String(1000000 + i * 7919).slice(-7)}`,
      passportExpiresOn: addDays(options.today, rnd.int(400, 3000)),
      email: `nomad${i}@example.org`,
      pin,
      createdAt: submittedAt.toISOString(),
      updatedAt: submittedAt.toISOString(),
    });
    const currency = rnd.pick(CURRENCIES);
    const usdMinor = rnd.int(6_000, 90_000) * 100;
    const rate = rules.exchange_rates_to_usd[currency] ?? 1;
    const amountMinor = Math.ceil(usdMinor / rate);
    const appId = seededUuid(1_000_000 + i);
    const kind = rnd.next() < 0.5 ? 'EMPLOYER' : 'CLIENT';
    applicationRows.push({
      id: appId,
      number: String(number++),
      nomadId: id,
      state,
      activityCode: rnd.pick(rules.eligible_activities).code,
      foreignParties: [{ kind, name: rnd.pick(EMPLOYERS), country: rnd.pick(EMPLOYER_COUNTRIES) }],
      declaredIncomeMinor: amountMinor,
      incomeCurrency: currency,
      declaredIncomeUsdMinor: toUsdMinor(rules, amountMinor, currency) ?? usdMinor,
      requestedStartOn: addDays(submittedOn, rnd.int(10, 40)),
      submittedAt: submittedAt.toISOString(),
      reviewDeadlineOn: addWorkingDays(bishkekDate(submittedAt), rules.review_working_days, holidays),
      stateChangedAt: new Date(submittedAt.getTime() + rnd.int(0, 10) * 86_400_000).toISOString(),
      ...decisionFields(state, submittedOn, submittedAt, rnd, options.today),
    });
    if (state === 'APPROVED' && pin) {
      seedStatus(id, appId, addDays(submittedOn, rnd.int(5, 12)), options.today, rnd, periodRows, eventRows);
    }
    const visa = rules.visa_required_citizenships.includes(citizenship);
    const docs = [
      { kind: 'PASSPORT' as const, fileName: 'passport.pdf', language: 'en' },
      { kind: 'PHOTO' as const, fileName: 'photo.jpg', language: 'en' },
      { kind: kind === 'EMPLOYER' ? ('EMPLOYMENT_CONTRACT' as const) : ('FREELANCE_CONTRACT' as const), fileName: 'contract.pdf', language: 'en' },
      { kind: 'TRANSLATION' as const, fileName: 'translation-ru.pdf', language: 'ru' },
      ...(visa ? [{ kind: 'DN_VISA' as const, fileName: 'dn-visa.pdf', language: 'en' }] : []),
    ];
    for (const d of docs) documentRows.push({ ...d, applicationId: appId, addedAt: submittedAt.toISOString() });
  }

  return {
    nomadRows,
    applicationRows,
    documentRows,
    periodRows,
    eventRows,
    serials: [...usedPins].map(([dateOfBirth, lastSerial]) => ({ dateOfBirth, lastSerial })),
    lastNumber: number - 1,
  };
}

