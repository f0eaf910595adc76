import type { ExpertConflictRow, ExpertRow, ReportClient } from '../../db/schema.ts';

/** Whom an evaluation is about, as far as conflicts of interest go. */
export interface EvaluationSubject {
  nomadId: string;
  /** The clients and employers the nomad reported (labor knows no others). */
  clients: readonly ReportClient[];
}

const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The first of an expert's declarations that rules them out for `subject`, or null. A nomad
 * declaration matches the nomad; an employer declaration matches a reported client of that
 * name (case and spacing ignored), in its country when the declaration names one; a country
 * declaration matches any reported client in that country.
 */
export function conflictFor(conflicts: readonly ExpertConflictRow[], subject: EvaluationSubject): ExpertConflictRow | null {
  for (const c of conflicts) {
    if (c.kind === 'NOMAD' && c.nomadId === subject.nomadId) return c;
    if (c.kind === 'EMPLOYER' && c.employerName) {
      const name = normalise(c.employerName);
      if (subject.clients.some((cl) => cl.name !== null && normalise(cl.name) === name && (!c.country || c.country === cl.country))) return c;
    }
    if (c.kind === 'COUNTRY' && subject.clients.some((cl) => cl.country === c.country)) return c;
  }
  return null;
}

/**
 * Picks the expert for an evaluation among those available for its activity (engaged today,
 * field matching): none with a conflict; the least loaded first, then the longest engaged,
 * so that the choice is deterministic. Null when nobody qualifies: the evaluation then waits
 * UNASSIGNED for an officer.
 */
export function chooseExpert<E extends Pick<ExpertRow, 'id' | 'createdAt'> & { openEvaluations: number }>(
  candidates: readonly E[],
  conflictsByExpert: ReadonlyMap<string, readonly ExpertConflictRow[]>,
  subject: EvaluationSubject,
): E | null {
  const eligible = candidates.filter((e) => conflictFor(conflictsByExpert.get(e.id) ?? [], subject) === null);
  eligible.sort((a, b) => a.openEvaluations - b.openEvaluations || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return eligible[0] ?? null;
}

/** Whether an expert's engagement covers `today` (and has not been ended). */
export function isEngagedOn(expert: Pick<ExpertRow, 'state' | 'engagedFrom' | 'engagedUntil'>, today: string): boolean {
  return expert.state === 'ENGAGED' && expert.engagedFrom <= today && (expert.engagedUntil === null || expert.engagedUntil >= today);
}
