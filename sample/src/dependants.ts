import { addDays, formatPin } from '@nomad/kit';
import { prng, type Rnd } from './random.ts';
import { DEMO_NOMAD_ID, NAMES } from './tables.ts';
import type { SampleWorld } from './types.ts';

/** A holder's or applicant's family member, as migration stores them (docs/domain.md, "Family members"). */
export interface SampleDependant {
  id: string;
  principalId: string;
  relation: 'SPOUSE' | 'CHILD';
  state: 'PENDING' | 'APPROVED';
  surname: string;
  givenNames: string;
  dateOfBirth: string;
  sex: 'MALE' | 'FEMALE';
  citizenship: string;
  passportCountry: string;
  passportNumber: string;
  passportExpiresOn: string;
  pin: string | null;
  addedAt: string;
  addedBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  grantedOn: string | null;
  principalChainStartedOn: string | null;
  /**
   * GKNB's screening of an adult (18 or older on the day added), as GKNB's seed opens it and
   * migration records its outcome (same `screeningId`, which migration learns only with the
   * outcome: none while PENDING); null for a child (not screened). Approved adults were
   * CLEARED before approval.
   */
  screeningOutcome: 'PENDING' | 'CLEARED' | 'FLAGGED' | null;
  screeningId: string | null;
  screeningConcludedAt: string | null;
}

export interface SampleDependantDocument {
  dependantId: string;
  kind: 'MARRIAGE_CERTIFICATE' | 'BIRTH_CERTIFICATE' | 'TRANSLATION';
  fileName: string;
  language: string;
  translatesFileName: string | null;
  addedAt: string;
}

/** Deterministic ids of the sample's dependants (apart from the nomads' and applications'). */
function dependantId(n: number): string {
  return `5eed0000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;
}

/** Deterministic ids of GKNB's screenings of the sample's adult dependants (GKNB's seed uses them too). */
function dependantScreeningId(n: number): string {
  return `5eed0000-0000-4000-a000-${n.toString(16).padStart(12, '0')}`;
}

/** Whether someone born on `dateOfBirth` is 18 or older on `day` (as DependantAdded's `adult`). */
function isAdultOn(dateOfBirth: string, day: string): boolean {
  return bornYearsBefore(day, 18) >= dateOfBirth;
}

/** The birth date of someone who turns `years` on `day` (29 February: the 28th). */
function bornYearsBefore(day: string, years: number): string {
  const [y, rest] = [Number(day.slice(0, 4)), day.slice(4)];
  return `${String(y - years).padStart(4, '0')}${rest === '-02-29' ? '-02-28' : rest}`;
}

type Principal = SampleWorld['nomadRows'][number];

/** Pending adults' screening outcomes, in turn: ready for an officer, waiting for GKNB, and one an officer cannot approve. */
const PENDING_OUTCOMES = ['CLEARED', 'PENDING', 'FLAGGED'] as const;

/** What drawing one family member after another carries along: the random stream, PIN serials, the rows so far. */
interface FamilyDraw {
  rnd: Rnd;
  today: string;
  /** The last PIN serial used per birth date: the world's, then the approved family members'. */
  used: Map<string, number>;
  /** First day of the principal's current chain of periods (its latest initial grant up to today). */
  chainStartOf: (nomadId: string) => string | undefined;
  /** Pending adults screened so far: their outcomes go round PENDING_OUTCOMES. */
  pendingAdults: number;
  dependants: SampleDependant[];
  documents: SampleDependantDocument[];
}

function familyDraw(world: SampleWorld, today: string, seed: number): FamilyDraw {
  return {
    rnd: prng(seed),
    today,
    used: new Map(world.serials.map((s) => [s.dateOfBirth, s.lastSerial])),
    chainStartOf: (nomadId) =>
      world.periodRows
        .filter((p) => p.nomadId === nomadId && p.kind === 'INITIAL_60_DAYS' && p.validFrom <= today)
        .map((p) => p.validFrom)
        .sort()
        .at(-1),
    pendingAdults: 0,
    dependants: [],
    documents: [],
  };
}

/** The next PIN for a birth date, after the serials used so far. */
function nextPin(draw: FamilyDraw, sex: 'MALE' | 'FEMALE', dateOfBirth: string): string {
  const serial = (draw.used.get(dateOfBirth) ?? 0) + 1;
  draw.used.set(dateOfBirth, serial);
  return formatPin(sex, dateOfBirth, serial);
}

/** The world's holders whose status is in force today (a PIN, a period over today, never revoked or suspended). */
function activeHolders(world: SampleWorld, today: string): Principal[] {
  const ended = new Set(world.eventRows.filter((e) => e.kind === 'REVOKED' || e.kind === 'SUSPENDED').map((e) => e.nomadId));
  return world.nomadRows.filter((n) => n.pin && !ended.has(n.id) && world.periodRows.some((p) => p.nomadId === n.id && p.validFrom <= today && today <= p.validUntil));
}

/** The relation's certificate, in Russian for a Russian-speaking citizenship, else in English with its Russian translation. */
function certificateDocuments(dependantId: string, principal: Principal, relation: 'SPOUSE' | 'CHILD', addedAt: string): SampleDependantDocument[] {
  const certificate = relation === 'SPOUSE' ? 'MARRIAGE_CERTIFICATE' : 'BIRTH_CERTIFICATE';
  const fileName = relation === 'SPOUSE' ? 'marriage-certificate.pdf' : 'birth-certificate.pdf';
  const language = principal.citizenship === 'RUS' || principal.citizenship === 'KAZ' || principal.citizenship === 'BLR' ? 'ru' : 'en';
  const documents: SampleDependantDocument[] = [{ dependantId, kind: certificate, fileName, language, translatesFileName: null, addedAt }];
  if (language !== 'ru') documents.push({ dependantId, kind: 'TRANSLATION', fileName: `${fileName.replace('.pdf', '')}-ru.pdf`, language: 'ru', translatesFileName: fileName, addedAt });
  return documents;
}

/**
 * Draws one family member of `principal` and their documents. The random draws come in a fixed
 * order (sex of a child, day added unless approved, time added, given name, passport expiry):
 * the sample stays the same only as long as that order does.
 */
function addFamilyMember(draw: FamilyDraw, principal: Principal, relation: 'SPOUSE' | 'CHILD', state: 'PENDING' | 'APPROVED', dateOfBirth: string, screening?: 'PENDING'): void {
  const { rnd, today } = draw;
  const n = draw.dependants.length + 1;
  const names = NAMES[principal.citizenship] ?? NAMES.KAZ!;
  const sex = relation === 'SPOUSE' ? (principal.sex === 'MALE' ? 'FEMALE' : 'MALE') : rnd.next() < 0.5 ? 'MALE' : 'FEMALE';
  const chainStart = draw.chainStartOf(principal.id);
  const grantedOn = state === 'APPROVED' && chainStart ? (addDays(chainStart, 3) < today ? addDays(chainStart, 3) : today) : null;
  const addedOn = grantedOn ? addDays(grantedOn, -2) : addDays(today, -rnd.int(0, 5));
  const addedAt = `${addedOn}T0${rnd.int(3, 9)}:${String(rnd.int(10, 59))}:00.000Z`;
  const id = dependantId(n);
  // GKNB screens an adult; concluded an hour after being added, and only on an earlier day than today.
  const adult = isAdultOn(dateOfBirth, addedOn);
  const outcome = !adult ? null : grantedOn ? 'CLEARED' : addedOn < today ? (screening ?? PENDING_OUTCOMES[draw.pendingAdults++ % PENDING_OUTCOMES.length] ?? 'PENDING') : 'PENDING';
  const concludedAt = outcome === 'CLEARED' || outcome === 'FLAGGED' ? new Date(Date.parse(addedAt) + 3_600_000).toISOString() : null;
  draw.dependants.push({
    id,
    principalId: principal.id,
    relation,
    state: grantedOn ? 'APPROVED' : 'PENDING',
    surname: principal.surname,
    givenNames: rnd.pick(sex === 'MALE' ? names.male : names.female),
    dateOfBirth,
    sex,
    citizenship: principal.citizenship,
    passportCountry: principal.citizenship,
    passportNumber: `${principal.citizenship.slice(0, 2)}D${String(100000 + n * 7907).slice(-6)}`,
    passportExpiresOn: addDays(today, rnd.int(400, 3000)),
    pin: grantedOn ? nextPin(draw, sex, dateOfBirth) : null,
    addedAt,
    addedBy: `nomad-${principal.id}`,
    decidedAt: grantedOn ? `${grantedOn}T10:00:00.000Z` : null,
    decidedBy: grantedOn ? 'officer:sample' : null,
    grantedOn,
    principalChainStartedOn: grantedOn ? (chainStart ?? null) : null,
    screeningOutcome: outcome,
    screeningId: adult ? dependantScreeningId(n) : null,
    screeningConcludedAt: concludedAt,
  });
  draw.documents.push(...certificateDocuments(id, principal, relation, addedAt));
}

/**
 * Family members for some of the sample's people, from their own random stream (so the rest of
 * the world draws as before): a spouse for every fourth holder whose status is ACTIVE today, a
 * child for every eighth, one child who turned 18 last week (the officers' coming-of-age queue),
 * and pending spouses of the demo applicant and a few holders (the review queue). Approved ones
 * get PINs after the serials the world used (`serials` is updated). Every adult has GKNB's
 * screening: CLEARED the day after being added for the approved ones; for the pending ones in
 * turn CLEARED (ready for an officer), still PENDING, and FLAGGED (an officer cannot approve).
 * The demo applicant's spouse waits for GKNB (PENDING).
 */
export function sampleDependants(
  world: SampleWorld,
  today: string,
  seed = 15,
): { dependants: SampleDependant[]; documents: SampleDependantDocument[]; serials: SampleWorld['serials'] } {
  const draw = familyDraw(world, today, seed);
  const { rnd } = draw;
  const active = activeHolders(world, today);
  // Each birth date is drawn before the member it belongs to (the order the stream is read in).
  active.forEach((holder, i) => {
    if (i % 4 === 0) addFamilyMember(draw, holder, 'SPOUSE', 'APPROVED', addDays(holder.dateOfBirth, rnd.int(-900, 900)));
    if (i % 8 === 0) addFamilyMember(draw, holder, 'CHILD', 'APPROVED', addDays(today, -rnd.int(365 * 3, 365 * 16)));
    if (i % 15 === 7) addFamilyMember(draw, holder, 'SPOUSE', 'PENDING', addDays(holder.dateOfBirth, rnd.int(-900, 900)));
  });
  // A child who turned 18 a week ago, approved before: flagged for the officers.
  const older = active.find((h) => (draw.chainStartOf(h.id) ?? today) <= addDays(today, -30));
  if (older) addFamilyMember(draw, older, 'CHILD', 'APPROVED', bornYearsBefore(addDays(today, -7), 18));
  const demo = world.nomadRows.find((n) => n.id === DEMO_NOMAD_ID);
  if (demo) addFamilyMember(draw, demo, 'SPOUSE', 'PENDING', addDays(demo.dateOfBirth, 400), 'PENDING');
  return { dependants: draw.dependants, documents: draw.documents, serials: [...draw.used].map(([dateOfBirth, lastSerial]) => ({ dateOfBirth, lastSerial })) };
}
