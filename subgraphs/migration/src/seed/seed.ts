import { count, sql } from 'drizzle-orm';
import type { Logger } from '@nomad/kit';
import { addDays, addWorkingDays, bishkekDate } from '../clock.ts';
import type { MigrationDb } from '../db/index.ts';
import { applicationDocuments, applications, nomads, type ApplicationRow } from '../db/schema.ts';
import { loadHolidays, loadRules, toUsdMinor } from '../modules/rules/service.ts';

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

/** PIN: sex digit (1 female, 2 male), birth date DDMMYYYY, 5-digit serial unique per birth date. */
function pinFor(sex: 'MALE' | 'FEMALE', dateOfBirth: string, serial: number): string {
  const [y, m, d] = dateOfBirth.split('-');
  return `${sex === 'FEMALE' ? 1 : 2}${d}${m}${y}${String(serial).padStart(5, '0')}`;
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
  const total = options.nomads ?? 400;
  const rnd = prng(options.seed ?? 241);
  const rules = await loadRules(db);
  const holidays = await loadHolidays(db, addDays(options.today, -400));
  const citizenships = rules.eligible_citizenships.filter((c) => NAMES[c]);
  const usedPins = new Map<string, number>();

  const nomadRows: (typeof nomads.$inferInsert)[] = [];
  const applicationRows: (typeof applications.$inferInsert)[] = [];
  const documentRows: (typeof applicationDocuments.$inferInsert)[] = [];
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
      pin = pinFor(sex, dateOfBirth, serial);
    }
    const daysAgo = state === 'SUBMITTED' || state === 'UNDER_REVIEW' ? rnd.int(0, 20) : rnd.int(15, 380);
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
    });
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

  await db.transaction(async (tx) => {
    for (let i = 0; i < nomadRows.length; i += 500) await tx.insert(nomads).values(nomadRows.slice(i, i + 500));
    for (let i = 0; i < applicationRows.length; i += 500) await tx.insert(applications).values(applicationRows.slice(i, i + 500));
    for (let i = 0; i < documentRows.length; i += 1000) await tx.insert(applicationDocuments).values(documentRows.slice(i, i + 1000));
    // Portal submissions continue after the seeded numbers.
    await tx.execute(sql`select setval('migration.application_number_seq', ${number - 1})`);
  });
  logger.info({ nomads: nomadRows.length, applications: applicationRows.length }, 'seeded sample data');
  return true;
}

