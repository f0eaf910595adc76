import { count } from 'drizzle-orm';
import type { Logger } from '@nomad/kit';
import { sampleDependants, sampleWorld, type SampleDependant, type SampleWorld } from '@nomad/sample';
import { addDays } from '../clock.ts';
import type { SecurityDb } from '../db/index.ts';
import {
  exitWatches,
  knownSubjects,
  measureEvidence,
  screenings,
  technicalMeasures,
  type Classification,
  type MeasureState,
  type ScreeningReason,
} from '../db/schema.ts';
import { loadRules, type Rules } from '../modules/rules/service.ts';

export interface SeedOptions {
  /** Bishkek "today" the sample is built around: the same day migration seeds with. */
  today: string;
  /** @default 400, as migration's seed */
  nomads?: number;
}

/** Deterministic UUID-shaped ids, so that re-seeding a fresh database gives the same ids. */
function seededUuid(n: number): string {
  return `5ec00000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

const SEED_OFFICER = 'seed:security_officer';

/** Reason sets for seeded FLAGGED screenings, cycled: a realistic spread, deterministic. */
const FLAG_REASONS: readonly { reasons: ScreeningReason[]; text: string | null; classification: Classification }[] = [
  { reasons: ['WATCHLIST_MATCH'], text: null, classification: 'CONFIDENTIAL' },
  { reasons: ['FORGED_DOCUMENTS', 'IDENTITY_MISMATCH'], text: 'Passport series not issued by the stated authority.', classification: 'RESTRICTED' },
  { reasons: ['ENTRY_BAN'], text: null, classification: 'RESTRICTED' },
  { reasons: ['EXTREMIST_AFFILIATION', 'INTELLIGENCE_REPORT'], text: null, classification: 'SECRET' },
  { reasons: ['OTHER'], text: 'Sample case: inconsistent travel history.', classification: 'CONFIDENTIAL' },
];

/**
 * Screenings, exit watches and flags drawn so far, when the large program (`npm run
 * seed:large`) draws the world in chunks: ids and the reasons' cycle go on from there (advanced).
 */
export interface SecuritySeedCounters {
  screenings: number;
  watches: number;
  flagged: number;
}

type ScreeningInsert = typeof screenings.$inferInsert;
type ExitWatchInsert = typeof exitWatches.$inferInsert;

/** Where the cycle of FLAG_REASONS stands: it goes on from applications to family members (and from chunk to chunk). */
interface FlagCycle {
  flagged: number;
}

/**
 * A screening with the outcome migration recorded: PENDING as opened; CLEARED or FLAGGED (the next
 * reasons of the cycle) as the seed's officer concluded it.
 */
function withOutcome(base: Omit<ScreeningInsert, 'outcome'>, outcome: ScreeningInsert['outcome'] & string, concludedAt: string, flags: FlagCycle): ScreeningInsert {
  if (outcome === 'PENDING') return { ...base, outcome };
  if (outcome === 'CLEARED') return { ...base, outcome, classification: 'RESTRICTED' as const, officerSub: SEED_OFFICER, concludedAt, version: 2 };
  const flag = FLAG_REASONS[flags.flagged++ % FLAG_REASONS.length] ?? FLAG_REASONS[0]!;
  return { ...base, outcome, reasons: flag.reasons, reasonText: flag.text, classification: flag.classification, officerSub: SEED_OFFICER, concludedAt, version: 2 };
}

/** One APPLICATION screening per seeded application, with the outcome migration recorded (PENDING where it has none). */
function applicationScreenings(world: SampleWorld, first: number, flags: FlagCycle): ScreeningInsert[] {
  const citizenshipOf = new Map(world.nomadRows.map((n) => [n.id, n.citizenship]));
  return world.applicationRows.map((a, i) => {
    const base = {
      id: seededUuid(first + i + 1),
      kind: 'APPLICATION' as const,
      applicationId: a.id,
      applicationNumber: a.number,
      nomadId: a.nomadId,
      citizenship: citizenshipOf.get(a.nomadId) ?? null,
      openedAt: a.submittedAt,
    };
    return withOutcome(base, a.screeningOutcome ?? 'PENDING', a.screeningConcludedAt ?? a.submittedAt, flags);
  });
}

/** An exit watch for every seeded revocation (its exit deadline) and expiry (`expiry_exit_days` after it) of a holder with a PIN. */
function exitWatchRows(world: SampleWorld, rules: Rules, today: string, first: number): ExitWatchInsert[] {
  const pinOf = new Map(world.nomadRows.map((n) => [n.id, n.pin ?? null]));
  const watchRows: ExitWatchInsert[] = [];
  for (const e of world.eventRows) {
    const pin = pinOf.get(e.nomadId);
    if (!pin) continue;
    const row =
      e.kind === 'REVOKED' && e.exitDeadlineOn
        ? { nomadId: e.nomadId, pin, cause: 'REVOKED' as const, ground: e.revocationGround ?? null, endedOn: e.effectiveOn, exitDeadlineOn: e.exitDeadlineOn }
        : e.kind === 'EXPIRED'
          ? { nomadId: e.nomadId, pin, cause: 'EXPIRED' as const, ground: null, endedOn: e.effectiveOn, exitDeadlineOn: addDays(e.effectiveOn, rules.expiry_exit_days) }
          : null;
    if (!row) continue;
    // Most former holders left long ago: their departure is on record. The recent ones (and
    // every third older one) stay watched, so the overdue list has realistic work in it.
    const watched = first + watchRows.length;
    const confirmed = row.exitDeadlineOn < addDays(today, -30) && watched % 3 !== 0;
    const watch = { id: seededUuid(2_000_000 + watched), ...row };
    watchRows.push(confirmed ? { ...watch, departureConfirmedOn: addDays(row.exitDeadlineOn, -2), confirmedBy: SEED_OFFICER, note: 'Border-crossing record (sample).', version: 2 } : watch);
  }
  return watchRows;
}

/** The adult family members' DEPENDANT screenings (filed under the principal), with the outcome migration records. */
function dependantScreenings(family: readonly SampleDependant[], flags: FlagCycle): ScreeningInsert[] {
  const rows: ScreeningInsert[] = [];
  for (const d of family) {
    if (!d.screeningOutcome || !d.screeningId) continue;
    const base = { id: d.screeningId, kind: 'DEPENDANT' as const, dependantId: d.id, nomadId: d.principalId, citizenship: d.citizenship, openedAt: d.addedAt };
    rows.push(withOutcome(base, d.screeningOutcome, d.screeningConcludedAt ?? d.addedAt, flags));
  }
  return rows;
}

/**
 * GKNB's part of the sample world: one screening per seeded application with the outcome
 * migration recorded for it (PENDING where migration has none), one per adult family member
 * (DEPENDANT, under the principal, with the outcome migration records), and an exit watch for every
 * seeded revocation and expiry; the sample's family members as known subjects (migration's
 * seed adds them without a DependantAdded; holders are known by their screening). Pure, so that
 * a test can check it against the sample world.
 */
export function securitySample(world: SampleWorld, rules: Rules, today: string, chunk?: SecuritySeedCounters) {
  const before = chunk ?? { screenings: 0, watches: 0, flagged: 0 };
  const flags: FlagCycle = { flagged: before.flagged };
  const screeningRows = applicationScreenings(world, before.screenings, flags);
  const watchRows = exitWatchRows(world, rules, today, before.watches);
  // A chunk of the large program has no family members (`sampleDependants` reads the whole world).
  const family = chunk ? [] : sampleDependants(world, today).dependants;
  screeningRows.push(...dependantScreenings(family, flags));
  const subjectRows: (typeof knownSubjects.$inferInsert)[] = family.map((d) => ({
    subjectId: d.id,
    kind: 'DEPENDANT' as const,
    source: 'sample',
    knownSince: d.addedAt,
  }));
  if (chunk) {
    chunk.screenings += world.applicationRows.length;
    chunk.watches += watchRows.length;
    chunk.flagged = flags.flagged;
  }
  return { screeningRows, watchRows, subjectRows };
}

/** The decree's technical measures as GKNB might have registered them (sample data). */
export const SAMPLE_MEASURES: readonly { title: string; responsibleUnit: string; state: MeasureState; dueOn?: string; evidence: { description: string; reference: string }[] }[] = [
  {
    title: 'Connect the screening service to the migration authority over Tunduk',
    responsibleUnit: 'Information Security Service',
    state: 'DONE',
    dueOn: '2025-06-30',
    evidence: [{ description: 'Tunduk subsystem registration certificate', reference: 'TND-2025-0412' }],
  },
  {
    title: 'Screening of applicants against national watch lists within the review deadline',
    responsibleUnit: 'Counter-intelligence Directorate',
    state: 'DONE',
    evidence: [
      { description: 'Operating procedure approved by order', reference: 'Order No. 77-dsp of 2025-07-01' },
      { description: 'Acceptance test report', reference: 'ACT-2025-031' },
    ],
  },
  { title: 'Exit-deadline monitoring of revoked status holders with the Border Service', responsibleUnit: 'Border Service liaison unit', state: 'IN_PROGRESS', evidence: [] },
  { title: 'Protection of personal data exchanged on digital nomads (access logging, encryption)', responsibleUnit: 'Information Security Service', state: 'IN_PROGRESS', evidence: [{ description: 'Data protection impact assessment', reference: 'DPIA-DN-2025-02' }] },
  { title: 'Bring GKNB internal regulations into line with decree No. 241', responsibleUnit: 'Legal Department', state: 'PLANNED', evidence: [] },
  { title: 'Training of screening officers on the digital-nomad procedure', responsibleUnit: 'Personnel Training Centre', state: 'PLANNED', evidence: [] },
];

/** `SAMPLE_MEASURES` as rows, with their evidence (the seed's and the large program's). */
export function sampleMeasureRows(): { measures: (typeof technicalMeasures.$inferInsert)[]; evidence: (typeof measureEvidence.$inferInsert)[] } {
  const measures: (typeof technicalMeasures.$inferInsert)[] = [];
  const evidence: (typeof measureEvidence.$inferInsert)[] = [];
  for (const [i, m] of SAMPLE_MEASURES.entries()) {
    const id = seededUuid(1_000_000 + i);
    const createdAt = `2025-05-${String(16 + i).padStart(2, '0')}T04:00:00Z`;
    measures.push({ id, title: m.title, responsibleUnit: m.responsibleUnit, state: m.state, dueOn: m.dueOn ?? null, createdBy: SEED_OFFICER, createdAt, updatedAt: createdAt, version: 1 + m.evidence.length });
    evidence.push(...m.evidence.map((e, j) => ({ measureId: id, ...e, addedBy: SEED_OFFICER, addedAt: `2025-07-${String(1 + j).padStart(2, '0')}T04:00:00Z` })));
  }
  return { measures, evidence };
}

/**
 * Fills an empty security database with GKNB's part of the sample world (`@nomad/sample`: the same
 * people and applications as migration's seed, pure and deterministic) and the measures
 * register. Does nothing when screenings or measures exist, so a second start keeps the data.
 */
export async function seedSecurity(db: SecurityDb, logger: Logger, options: SeedOptions): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(screenings);
  const [existingMeasures] = await db.select({ n: count() }).from(technicalMeasures);
  if ((existing?.n ?? 0) > 0 || (existingMeasures?.n ?? 0) > 0) return false;
  const rules = await loadRules(db);
  const world = sampleWorld({ today: options.today, ...(options.nomads === undefined ? {} : { nomads: options.nomads }) });
  const { screeningRows, watchRows, subjectRows } = securitySample(world, rules, options.today);
  await db.transaction(async (tx) => {
    for (let i = 0; i < screeningRows.length; i += 500) await tx.insert(screenings).values(screeningRows.slice(i, i + 500));
    for (let i = 0; i < watchRows.length; i += 1000) await tx.insert(exitWatches).values(watchRows.slice(i, i + 1000));
    if (subjectRows.length > 0) await tx.insert(knownSubjects).values(subjectRows);
    const { measures, evidence } = sampleMeasureRows();
    await tx.insert(technicalMeasures).values(measures);
    await tx.insert(measureEvidence).values(evidence);
  });
  logger.info({ screenings: screeningRows.length, exitWatches: watchRows.length, knownSubjects: subjectRows.length, measures: SAMPLE_MEASURES.length }, 'seeded sample data');
  return true;
}
