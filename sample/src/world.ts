import { addDays, addWorkingDays, bishkekDate, exponentOf, formatPin, toUsdMinor, type ProgramSeedOptions } from '@nomad/kit';
import { decisionFields } from './decisions.ts';
import { prng, seededUuid, type Rnd } from './random.ts';
import { drawStatusHistory } from './status.ts';
import { CURRENCIES, DEMO_NOMAD_ID, EMPLOYER_COUNTRIES, EMPLOYERS, NAMES, pickState, PROGRAM_STATE_MIX, SAMPLE_RULES, STATE_MIX } from './tables.ts';
import type { SampleApplication, SampleApplicationState, SampleDocument, SampleNomad, SampleOptions, SampleRules, SampleWorld } from './types.ts';

export interface SampleWorldOptions extends SampleOptions {
  /** Migration passes its rule table; other agencies draw with `SAMPLE_RULES`, its defaults. */
  rules?: SampleRules;
  /** Public holidays the review deadlines skip. @default none */
  holidays?: ReadonlySet<string>;
  /**
   * A mature program of this many years (`npm run seed:large`): submissions spread over the
   * years, more holders than applications in flight (`PROGRAM_STATE_MIX`). @default the
   * decree's first ~18 months, `STATE_MIX`
   */
  years?: number;
}

/** What one draw needs besides the random stream; `usedPins` counts PIN serials per birth date. */
interface Draw {
  rnd: Rnd;
  rules: SampleRules;
  holidays: ReadonlySet<string>;
  today: string;
  usedPins: Map<string, number>;
  years: number | undefined;
}

/**
 * The deterministic sample world of `npm start`: the same `today`, `nomads` and `seed` give the
 * same people, applications, PINs and statuses on every machine. Pure (no database), so that
 * every agency's seed draws its own part of the same world (migration its people and
 * applications, labor its monitoring cases, tax its registrations, security its screenings)
 * without reading another agency's tables.
 */
export function sampleWorld(options: SampleWorldOptions): SampleWorld {
  return worldDrawer(options).draw(options.nomads ?? 400);
}

/**
 * The same world as `sampleWorld`, drawn `chunkSize` nomads at a time, so that a program of
 * 100,000 people is written without holding all its rows in memory: the chunks' rows put
 * together are exactly `sampleWorld`'s (same ids, PINs, numbers). Each chunk's `lastNumber`
 * is the last number used so far; `serials` is empty except in the last chunk (all of them).
 */
export function* sampleWorldChunks(options: SampleWorldOptions, chunkSize = 5000): Generator<SampleWorld> {
  const total = options.nomads ?? 400;
  const drawer = worldDrawer(options);
  for (let start = 0; start < total; start += chunkSize) {
    const chunk = drawer.draw(Math.min(chunkSize, total - start));
    yield start + chunkSize >= total ? chunk : { ...chunk, serials: [] };
  }
}

/** Draws the world's nomads in order, a given number at a time (one random stream throughout). */
function worldDrawer(options: SampleWorldOptions) {
  const rules = options.rules ?? SAMPLE_RULES;
  const draw: Draw = { rnd: prng(options.seed ?? 241), rules, holidays: options.holidays ?? new Set<string>(), today: options.today, usedPins: new Map(), years: options.years };
  const citizenships = rules.eligible_citizenships.filter((c) => NAMES[c]);
  let number = 10000001;
  let i = 0;
  /** Status periods drawn in earlier chunks: their ids count on from there. */
  let periodsBefore = 0;
  return {
    draw(count: number): SampleWorld {
      const world: SampleWorld = { nomadRows: [], applicationRows: [], documentRows: [], periodRows: [], eventRows: [], serials: [], lastNumber: 0 };
      for (const end = i + count; i < end; i++) {
        const citizenship = citizenships[i % citizenships.length] ?? 'KAZ';
        // Every state appears: the first seven nomads take one state each, the rest follow the mix.
        const { nomad, state, submittedOn, submittedAt } = drawNomad(draw, i, citizenship);
        world.nomadRows.push(nomad);
        const application = drawApplication(draw, { nomadId: nomad.id, number: String(number++), state, submittedOn, submittedAt, id: seededUuid(1_000_000 + i) });
        world.applicationRows.push(application);
        if (state === 'APPROVED' && nomad.pin) {
          drawStatusHistory(nomad.id, application.id, addDays(submittedOn, draw.rnd.int(5, 12)), options.today, draw.rnd, world.periodRows, world.eventRows, periodsBefore);
        }
        world.documentRows.push(...documentsOf(application, rules.visa_required_citizenships.includes(citizenship)));
      }
      periodsBefore += world.periodRows.length;
      world.serials = [...draw.usedPins].map(([dateOfBirth, lastSerial]) => ({ dateOfBirth, lastSerial }));
      world.lastNumber = number - 1;
      return world;
    },
  };
}

/** The i-th person: identity, the state their application reached, and when they applied. */
function drawNomad(draw: Draw, i: number, citizenship: string) {
  const { rnd, today } = draw;
  const names = NAMES[citizenship] ?? NAMES.KAZ!;
  const sex = rnd.next() < 0.5 ? 'MALE' : 'FEMALE';
  const dateOfBirth = addDays('1975-01-01', rnd.int(0, 365 * 27));
  const state: SampleApplicationState = i < STATE_MIX.length ? STATE_MIX[i]![0] : pickState(rnd.next(), draw.years === undefined ? STATE_MIX : PROGRAM_STATE_MIX);
  const pin = state === 'APPROVED' ? nextPin(draw.usedPins, sex, dateOfBirth) : null;
  // Decree No. 241 took effect in May 2025: approvals go back up to ~18 months, long
  // enough for extensions and first renewals.
  // A program of `years` spreads every decided application over them.
  const span = draw.years === undefined ? undefined : Math.round(draw.years * 365);
  const daysAgo = state === 'SUBMITTED' || state === 'UNDER_REVIEW' ? rnd.int(0, 20) : state === 'APPROVED' ? rnd.int(15, span ?? 550) : rnd.int(15, span ?? 380);
  const submittedOn = addDays(today, -daysAgo);
  const submittedAt = new Date(`${submittedOn}T${String(rnd.int(3, 12)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}:00Z`);
  const nomad: SampleNomad = {
    id: i === 0 ? DEMO_NOMAD_ID : seededUuid(i),
    surname: rnd.pick(names.surnames),
    givenNames: rnd.pick(sex === 'MALE' ? names.male : names.female),
    dateOfBirth,
    sex,
    citizenship,
    passportCountry: citizenship,
    passportNumber: `${citizenship.slice(0, 2)}${String(1000000 + i * 7919).slice(-7)}`,
    passportExpiresOn: addDays(today, rnd.int(400, 3000)),
    email: `nomad${i}@example.org`,
    pin,
    createdAt: submittedAt.toISOString(),
    updatedAt: submittedAt.toISOString(),
  };
  return { nomad, state, submittedOn, submittedAt };
}

/** The next PIN for a birth date, as ZHAAK would issue it (serials count up per date). */
function nextPin(usedPins: Map<string, number>, sex: 'MALE' | 'FEMALE', dateOfBirth: string): string {
  const serial = (usedPins.get(dateOfBirth) ?? 0) + 1;
  usedPins.set(dateOfBirth, serial);
  return formatPin(sex, dateOfBirth, serial);
}

interface ApplicationDraw {
  id: string;
  nomadId: string;
  number: string;
  state: SampleApplicationState;
  submittedOn: string;
  submittedAt: Date;
}

/** The person's application: activity, foreign party, income, deadlines and decision facts. */
function drawApplication(draw: Draw, a: ApplicationDraw): SampleApplication {
  const { rnd, rules } = draw;
  const currency = rnd.pick(CURRENCIES);
  const usdMinor = rnd.int(6_000, 90_000) * 100;
  const rate = rules.exchange_rates_to_usd[currency] ?? 1;
  // USD cents to the currency's own minor units (ISO 4217 exponent: none for yen, three for dinars).
  const amountMinor = Math.ceil((usdMinor / 10 ** exponentOf('USD') / rate) * 10 ** exponentOf(currency));
  const kind = rnd.next() < 0.5 ? 'EMPLOYER' : 'CLIENT';
  return {
    id: a.id,
    number: a.number,
    nomadId: a.nomadId,
    state: a.state,
    activityCode: rnd.pick(rules.eligible_activities).code,
    foreignParties: [{ kind, name: rnd.pick(EMPLOYERS), country: rnd.pick(EMPLOYER_COUNTRIES) }],
    declaredIncomeMinor: amountMinor,
    incomeCurrency: currency,
    declaredIncomeUsdMinor: toUsdMinor(rules, amountMinor, currency) ?? usdMinor,
    requestedStartOn: addDays(a.submittedOn, rnd.int(10, 40)),
    submittedAt: a.submittedAt.toISOString(),
    reviewDeadlineOn: addWorkingDays(bishkekDate(a.submittedAt), rules.review_working_days, draw.holidays),
    stateChangedAt: new Date(a.submittedAt.getTime() + rnd.int(0, 10) * 86_400_000).toISOString(),
    ...decisionFields(a.state, a.number, a.submittedOn, a.submittedAt, rnd, draw.today),
  };
}

/**
 * The documents an application carries: a DN visa only for citizenships that need one; each
 * document in English comes with its own Russian translation naming it (the photo needs none).
 */
function documentsOf(application: SampleApplication, visaRequired: boolean): SampleDocument[] {
  const contract = application.foreignParties[0]?.kind === 'EMPLOYER' ? ('EMPLOYMENT_CONTRACT' as const) : ('FREELANCE_CONTRACT' as const);
  const originals = [
    { kind: 'PASSPORT' as const, fileName: 'passport.pdf', language: 'en' },
    { kind: contract, fileName: 'contract.pdf', language: 'en' },
    ...(visaRequired ? [{ kind: 'DN_VISA' as const, fileName: 'dn-visa.pdf', language: 'en' }] : []),
  ];
  const docs: Omit<SampleDocument, 'applicationId' | 'addedAt'>[] = [
    ...originals,
    { kind: 'PHOTO', fileName: 'photo.jpg', language: 'en' },
    ...originals.map((d) => ({ kind: 'TRANSLATION' as const, fileName: d.fileName.replace('.pdf', '-ru.pdf'), language: 'ru', translatesFileName: d.fileName })),
  ];
  return docs.map((d) => ({ ...d, applicationId: application.id, addedAt: application.submittedAt }));
}

/**
 * The world of a large program (`npm run seed:large`), chunk after chunk, as every agency's
 * bulk writer reads it; `options.onChunk` hears of each chunk once its consumer is done with it.
 */
export function* programWorld(options: ProgramSeedOptions, rules?: { rules: SampleRules; holidays: ReadonlySet<string> }): Generator<SampleWorld> {
  let done = 0;
  const worldOptions: SampleWorldOptions = { today: options.today, nomads: options.nomads, years: options.years, ...(options.seed === undefined ? {} : { seed: options.seed }), ...rules };
  for (const world of sampleWorldChunks(worldOptions, options.chunkSize)) {
    yield world;
    done += world.nomadRows.length;
    options.onChunk?.(done);
  }
}
