import { count } from 'drizzle-orm';
import type { Logger } from '@nomad/kit';
import { sampleWorld, type SampleWorld } from '@nomad/sample';
import { addDays } from '../clock.ts';
import type { LaborDb } from '../db/index.ts';
import {
  activityReports,
  caseActions,
  evaluations,
  expertConflicts,
  experts,
  monitoringCases,
  type ReportClient,
} from '../db/schema.ts';
import { quarterDates, quarterOf, type Quarter } from '../modules/rules/service.ts';

/** The seeded report deadline, as in labor's rule table (the seed runs without reading it). */
const SEED_RULES = { report_due_days: 30 };

/**
 * The experts of `npm start`. Aidai is linked to `dev:labor_expert`, the `sub` of the
 * development token `npm run token -- --role labor_expert`, so that one can sign in as her.
 * ESPORTS has no expert on purpose: its evaluations wait UNASSIGNED for an officer.
 */
export const SEED_EXPERTS = [
  { sub: 'dev:labor_expert', kind: 'PERSON', name: 'Aidai Toktogulova', fields: ['SOFTWARE_DEVELOPMENT', 'IT_SYSTEMS_ANALYSIS', 'IT_PRODUCT_DEVELOPMENT'] },
  { sub: 'expert:hitech-park', kind: 'ORGANISATION', name: 'High Technology Park of the Kyrgyz Republic', fields: ['SOFTWARE_DEVELOPMENT', 'IT_EXPORT', 'IT_PRODUCT_DEVELOPMENT', 'ROBOTICS_AI'] },
  { sub: 'expert:bakyt', kind: 'PERSON', name: 'Bakyt Sadykov', fields: ['ROBOTICS_AI', 'IT_SYSTEMS_ANALYSIS'] },
  { sub: 'expert:creative-union', kind: 'ORGANISATION', name: 'Union of Creative Industries', fields: ['MEDIA_ARTS', 'ANIMATION_GRAPHIC_DESIGN', 'CREATIVE_INDUSTRIES', 'GAMES'] },
  { sub: 'expert:nurzat', kind: 'PERSON', name: 'Nurzat Abdykadyrova', fields: ['ANIMATION_GRAPHIC_DESIGN', 'GAMES', 'MEDIA_ARTS'] },
  { sub: 'expert:former', kind: 'PERSON', name: 'Emil Asanov', fields: ['SOFTWARE_DEVELOPMENT'], ended: true },
] as const;

export interface LaborSeedOptions {
  today: string;
  /** As migration's seed: the same `today` and `nomads` give the same world. @default 400 */
  nomads?: number;
}

type CaseInsert = typeof monitoringCases.$inferInsert & { id: string };

/**
 * Fills an empty labor database with data consistent with migration's seed: it draws the
 * same deterministic sample world (`@nomad/sample`, pure, no access to migration's tables) and
 * derives what the ministry would know of it — a case per status holder (closed for revoked
 * and expired ones), quarterly reports, and an evaluation for every application that asked
 * for one (concluded where migration shows a verdict). Does nothing when experts exist.
 */
export async function seedLabor(db: LaborDb, logger: Logger, options: LaborSeedOptions): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(experts);
  if ((existing?.n ?? 0) > 0) return false;
  const world = sampleWorld({ today: options.today, ...(options.nomads === undefined ? {} : { nomads: options.nomads }) });
  const plan = planLaborSeed(world, options.today);
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(experts).values(plan.experts).returning();
    const expertBySub = new Map(inserted.map((e) => [e.principalSub, e]));
    const firstStatusHolder = plan.cases[0]?.nomadId;
    const aidai = expertBySub.get('dev:labor_expert');
    // A declared conflict, so that the rule is visible in the sample: Aidai must not evaluate the first holder.
    if (aidai && firstStatusHolder) {
      await tx.insert(expertConflicts).values({ expertId: aidai.id, kind: 'NOMAD', nomadId: firstStatusHolder, note: 'Former colleague.', declaredBy: 'seed:labor_officer' });
    }
    for (let i = 0; i < plan.cases.length; i += 500) await tx.insert(monitoringCases).values(plan.cases.slice(i, i + 500));
    for (let i = 0; i < plan.actions.length; i += 1000) await tx.insert(caseActions).values(plan.actions.slice(i, i + 1000));
    for (let i = 0; i < plan.reports.length; i += 1000) await tx.insert(activityReports).values(plan.reports.slice(i, i + 1000));
    const evaluationRows = plan.evaluations.map(({ expertSub, ...row }) => {
      const expert = expertSub ? expertBySub.get(expertSub) : undefined;
      return expert ? { ...row, expertId: expert.id } : { ...row, state: 'UNASSIGNED' as const, assignedAt: null, assignedBy: null };
    });
    // In batches: one INSERT of a 100k-nomad world's evaluations overflowed the stack.
    for (let i = 0; i < evaluationRows.length; i += 1000) await tx.insert(evaluations).values(evaluationRows.slice(i, i + 1000));
  });
  logger.info({ experts: plan.experts.length, cases: plan.cases.length, reports: plan.reports.length, evaluations: plan.evaluations.length }, 'seeded labor sample data');
  return true;
}

export interface LaborSeedPlan {
  experts: (typeof experts.$inferInsert)[];
  cases: CaseInsert[];
  actions: (typeof caseActions.$inferInsert)[];
  reports: (typeof activityReports.$inferInsert)[];
  evaluations: (typeof evaluations.$inferInsert & { expertSub: string | null })[];
}

/** Cases and evaluations planned so far: a world drawn in chunks numbers them on from there. */
export interface LaborSeedCounters {
  cases: number;
  evaluations: number;
}

/**
 * The labor side of the sample world (pure: the seed test checks it against the world). A
 * chunk of a larger world (`sampleWorldChunks`) passes the counters of the chunks before, and
 * they are advanced, so that the chunks' plans together are the whole world's.
 */
export function planLaborSeed(world: SampleWorld, today: string, counters: LaborSeedCounters = { cases: 0, evaluations: 0 }): LaborSeedPlan {
  const plan: LaborSeedPlan = { experts: plannedExperts(today), cases: [], actions: [], reports: [], evaluations: [] };
  const planning: Planning = { plan, today, evaluationId: () => seededId(2, counters.evaluations + plan.evaluations.length + 1) };
  const { applicationsByNomad, eventsByNomad, periodsByNomad } = byNomad(world);
  let n = counters.cases;
  for (const [nomadId, events] of eventsByNomad) {
    const granted = events.find((e) => e.kind === 'GRANTED');
    if (!granted) continue;
    n += 1;
    const monitored = planCase(planning, { nomadId, n, granted, events, periods: periodsByNomad.get(nomadId) ?? [] });
    const approved = (applicationsByNomad.get(nomadId) ?? []).find((a) => a.state === 'APPROVED');
    planMonitoringEvaluation(planning, monitored, approved);
    planReports(planning, monitored, approved);
  }
  planApplicationEvaluations(planning, world);
  counters.cases = n;
  counters.evaluations += plan.evaluations.length;
  return plan;
}

/** The plan being filled, the day it is drawn for, and the next evaluation's id. */
interface Planning {
  plan: LaborSeedPlan;
  today: string;
  evaluationId: () => string;
}

type SampleEvent = SampleWorld['eventRows'][number];
type SampleApplication = SampleWorld['applicationRows'][number];

/** A status holder's monitoring case as planned: what its evaluation and reports hang on. */
interface MonitoredCase {
  nomadId: string;
  caseId: string;
  /** The holder's case number in the whole world: spreads risk levels, evaluations and late reports. */
  n: number;
  granted: SampleEvent;
  /** The REVOKED or EXPIRED event that closed the case, if any. */
  ending: SampleEvent | undefined;
}

/** `SEED_EXPERTS` as rows; the one whose engagement ended left 30 days ago. */
function plannedExperts(today: string): LaborSeedPlan['experts'] {
  return SEED_EXPERTS.map((e, i) => {
    const ended = 'ended' in e && e.ended;
    return {
      id: seededId(3, i + 1),
      kind: e.kind,
      name: e.name,
      principalSub: e.sub,
      fields: [...e.fields],
      engagedFrom: '2025-05-15',
      engagedUntil: ended ? addDays(today, -30) : null,
      state: ended ? 'ENDED' : 'ENGAGED',
      endedAt: ended ? `${addDays(today, -30)}T06:00:00Z` : null,
      endReason: ended ? 'Contract ended.' : null,
      engagedBy: 'seed:labor_officer',
      createdAt: '2025-05-15T06:00:00Z',
    };
  });
}

/** The world's applications, status events and periods by nomad, each list in the world's order. */
function byNomad(world: SampleWorld) {
  const push = <T>(map: Map<string, T[]>, key: string, row: T) => {
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  };
  const applicationsByNomad = new Map<string, SampleWorld['applicationRows']>();
  for (const a of world.applicationRows) push(applicationsByNomad, a.nomadId, a);
  const eventsByNomad = new Map<string, SampleWorld['eventRows']>();
  for (const e of world.eventRows) push(eventsByNomad, e.nomadId, e);
  const periodsByNomad = new Map<string, SampleWorld['periodRows']>();
  for (const p of world.periodRows) push(periodsByNomad, p.nomadId, p);
  return { applicationsByNomad, eventsByNomad, periodsByNomad };
}

/** When a status event was recorded: its own time, or 06:00 on its effective day. */
function eventAt(e: { at?: string | Date | null | undefined; effectiveOn: string }): string {
  return typeof e.at === 'string' ? e.at : `${e.effectiveOn}T06:00:00Z`;
}

/** The holder's case (closed when the status was revoked or expired) and its OPENED, PERIOD_EXTENDED and CLOSED actions. */
function planCase(
  { plan }: Planning,
  holder: { nomadId: string; n: number; granted: SampleEvent; events: SampleWorld['eventRows']; periods: SampleWorld['periodRows'] },
): MonitoredCase {
  const { nomadId, n, granted, events, periods } = holder;
  const validUntil = periods.reduce((max, p) => (p.validUntil > max ? p.validUntil : max), granted.effectiveOn);
  const ending = events.find((e) => e.kind === 'REVOKED' || e.kind === 'EXPIRED');
  const caseId = seededId(1, n);
  plan.cases.push({
    id: caseId,
    nomadId,
    state: ending ? 'CLOSED' : 'OPEN',
    // Every ninth open case is watched more closely: a sample for the risk filters.
    riskLevel: ending ? 'LOW' : n % 9 === 0 ? 'HIGH' : n % 4 === 0 ? 'MEDIUM' : 'LOW',
    openedOn: granted.effectiveOn,
    statusValidUntil: validUntil,
    closedOn: ending?.effectiveOn ?? null,
    closeReason: ending ? (ending.kind === 'REVOKED' ? 'STATUS_REVOKED' : 'STATUS_EXPIRED') : null,
    createdAt: eventAt(granted),
  });
  plan.actions.push({ caseId, kind: 'OPENED', actor: 'migration', at: eventAt(granted) });
  for (const e of events) {
    if (e.kind === 'EXTENDED' || e.kind === 'RENEWED') plan.actions.push({ caseId, kind: 'PERIOD_EXTENDED', actor: 'migration', at: eventAt(e) });
  }
  if (ending) plan.actions.push({ caseId, kind: 'CLOSED', actor: 'migration', at: eventAt(ending), note: ending.kind === 'REVOKED' ? 'STATUS_REVOKED' : 'STATUS_EXPIRED' });
  return { nomadId, caseId, n, granted, ending };
}

/**
 * Officers asked for a look at some open cases (every third with an approved application): a
 * monitoring evaluation, with an expert, not concluded (a concluded one would have reached
 * migration, whose seed shows none).
 */
function planMonitoringEvaluation({ plan, today, evaluationId }: Planning, { nomadId, caseId, n, ending }: MonitoredCase, approved: SampleApplication | undefined): void {
  if (ending || n % 3 !== 0 || !approved) return;
  const expert = SEED_EXPERTS.find((e) => !('ended' in e) && (e.fields as readonly string[]).includes(approved.activityCode));
  const requestedAt = `${addDays(today, -5 - (n % 20))}T06:00:00Z`;
  plan.evaluations.push({
    id: evaluationId(),
    nomadId,
    applicationId: null,
    origin: 'MONITORING',
    activityCode: approved.activityCode,
    state: 'ASSIGNED',
    expertSub: expert?.sub ?? null,
    requestedAt,
    requestedBy: 'seed:labor_officer',
    assignedAt: requestedAt,
    assignedBy: 'system',
  });
  plan.actions.push({ caseId, kind: 'EVALUATION_REQUESTED', actor: 'seed:labor_officer', at: requestedAt });
}

/** Quarterly reports for every quarter monitored that has ended: most on time, some late, a few missing. */
function planReports({ plan, today }: Planning, { nomadId, caseId, n, granted, ending }: MonitoredCase, approved: SampleApplication | undefined): void {
  const lastDay = ending?.effectiveOn ?? today;
  for (let q = quarterOf(granted.effectiveOn); ; q = nextQuarter(q)) {
    const dates = quarterDates(q, SEED_RULES);
    if (dates.endsOn >= today || dates.startsOn > lastDay) break;
    const roll = (n * 7 + q.quarter * 3 + q.year) % 20;
    if (roll === 0 || !approved) continue;
    const late = roll === 1 || roll === 2;
    const filedOn = late ? addDays(dates.dueOn, 5 + roll) : addDays(dates.endsOn, 3 + (roll % 20));
    const clients: ReportClient[] = approved.foreignParties.map((p) => ({ name: p.name, country: p.country }));
    plan.reports.push({
      nomadId,
      caseId,
      periodStart: dates.startsOn,
      periodEnd: dates.endsOn,
      dueOn: dates.dueOn,
      activityCode: approved.activityCode,
      clients,
      incomeMinor: Math.round(approved.declaredIncomeMinor / 4),
      incomeCurrency: approved.incomeCurrency,
      filedAt: `${filedOn < today ? filedOn : today}T05:00:00Z`,
      late: filedOn > dates.dueOn,
    });
    plan.actions.push({ caseId, kind: 'REPORT_FILED', actor: `nomad:${nomadId}`, at: `${filedOn < today ? filedOn : today}T05:00:00Z`, note: `${q.year} Q${q.quarter}` });
  }
}

/** An evaluation for every application migration sent for one; concluded where it shows a verdict. */
function planApplicationEvaluations({ plan, evaluationId }: Planning, world: SampleWorld): void {
  for (const a of world.applicationRows) {
    if (!a.evaluationRequestedAt) continue;
    const requestedAt = typeof a.evaluationRequestedAt === 'string' ? a.evaluationRequestedAt : String(a.evaluationRequestedAt);
    const expert = SEED_EXPERTS.find((e) => !('ended' in e) && (e.fields as readonly string[]).includes(a.activityCode));
    const verdict = a.evaluationVerdict ?? null;
    plan.evaluations.push({
      id: evaluationId(),
      nomadId: a.nomadId,
      applicationId: a.id,
      origin: 'APPLICATION',
      activityCode: a.activityCode,
      state: verdict ? 'CONCLUDED' : 'ASSIGNED',
      // A verdict in a field nobody covers now was given by the expert whose engagement ended.
      expertSub: expert?.sub ?? (verdict ? 'expert:former' : null),
      requestedAt,
      requestedBy: 'migration',
      assignedAt: requestedAt,
      assignedBy: 'system',
      verdict,
      findings: verdict ? 'Contracts and bank statements reviewed against the declared activity.' : null,
      concludedAt: verdict ? (typeof a.evaluationConcludedAt === 'string' ? a.evaluationConcludedAt : requestedAt) : null,
    });
  }
}

function nextQuarter(q: Quarter): Quarter {
  return q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: q.quarter + 1 };
}

/**
 * Deterministic UUID-shaped ids (kind 1 cases, 2 evaluations, 3 experts), so that a fresh seed
 * gives the same records on every machine and the documentation's examples can name them.
 */
function seededId(kind: number, n: number): string {
  return `1ab0${kind.toString(16).padStart(4, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
