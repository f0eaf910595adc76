import { EventRejection, ignoreEvent, parsePgTimestamp, RejectedEvent, type DomainEvent, type EventIgnored } from '@nomad/kit';
import type { MigrationDb } from '../../db/index.ts';
import type { ApplicationRow } from '../../db/schema.ts';
import { dependantEventHandlers } from '../dependants/handlers.ts';
import { getNomadsByIds } from '../nomads/queries.ts';
import type { ApplicationState } from '../applications/queries.ts';
import { insertRecommendation, lockApplication, recordOnApplication } from './queries.ts';

/** The states in which an application still awaits GKNB's outcome and labor's verdict (DOMAIN.md, "Life cycles"). */
const AWAITING: readonly ApplicationState[] = ['SUBMITTED', 'UNDER_REVIEW', 'RETURNED_FOR_CORRECTION'];

/** One agency's conclusion about an application, as the application records it. */
interface Conclusion {
  id: string;
  value: string;
  /** ISO 8601. */
  at: string;
}

/**
 * Compares a conclusion reported by an event with the one the application already records (or
 * none): `apply` it, `ignore` it (a repeat, or older than the recorded one), or `reject` it.
 * Order is by conclusion time, then id for ties, so two receivers of the same facts agree.
 *
 * DOMAIN.md gives each application one screening (`PENDING → CLEARED | FLAGGED`, concluded
 * once) and security opens none for a resubmission after a correction; an officer asks for an
 * expert evaluation once (`EVALUATION_ALREADY_REQUESTED`). So a conclusion naming another id
 * than the recorded one is not a second opinion to take: older, it changes nothing (ignored);
 * newer, it contradicts the recorded fact and is refused (an operator looks), never silently
 * put over a FLAGGED outcome. The same id with another outcome or time is refused too: an
 * agency concludes a case once.
 */
function compare(
  label: string,
  application: ApplicationRow,
  recorded: Conclusion | null,
  reported: Conclusion,
): { apply: true } | { apply: false; ignored: string } {
  const ref = `application ${application.id}`;
  if (recorded && recorded.id === reported.id) {
    if (recorded.value === reported.value && Date.parse(recorded.at) === Date.parse(reported.at)) {
      return { apply: false, ignored: `${label} ${reported.id} is already recorded on ${ref}` };
    }
    throw new RejectedEvent(EventRejection.FACT_CONFLICT, `${label} ${reported.id} was recorded on ${ref} with another outcome or time; a ${label} concludes once`);
  }
  if (recorded) {
    const older = Date.parse(reported.at) < Date.parse(recorded.at) || (Date.parse(reported.at) === Date.parse(recorded.at) && reported.id < recorded.id);
    if (older) return { apply: false, ignored: `${label} ${reported.id} is older than ${label} ${recorded.id} recorded on ${ref}` };
  }
  if (!AWAITING.includes(application.state)) {
    throw new RejectedEvent(EventRejection.SUBJECT_CLOSED, `${ref} is ${application.state} and awaits no ${label} outcome`);
  }
  if (recorded) {
    throw new RejectedEvent(EventRejection.FACT_CONFLICT, `${ref} already records ${label} ${recorded.id}; an application has one ${label}`);
  }
  return { apply: true };
}

async function applicationOf(tx: MigrationDb, applicationId: string, type: string): Promise<ApplicationRow> {
  const application = await lockApplication(tx, { id: applicationId });
  if (!application) throw new RejectedEvent(EventRejection.SUBJECT_UNKNOWN, `${type} for application ${applicationId}, which migration does not know`);
  return application;
}

async function assertNomadKnown(tx: MigrationDb, nomadId: string, type: string): Promise<void> {
  const [nomad] = await getNomadsByIds(tx, { ids: [nomadId] });
  if (!nomad) throw new RejectedEvent(EventRejection.SUBJECT_UNKNOWN, `${type} for nomad ${nomadId}, whom migration does not know`);
}

/**
 * What the migration authority does with other agencies' facts. Each handler runs in the
 * inbox transaction that records the event id, so a redelivered event has no second effect.
 * A handler checks the fact against what migration knows before it applies it: a fact about
 * an application or nomad migration never heard of, or about an application no longer awaiting
 * it, is refused for good (`RejectedEvent`: dead-lettered, an operator looks); a repeat, or an
 * outcome older than the one recorded, is acknowledged and changes nothing (`ignoreEvent`).
 * Any other error leaves the event to be retried.
 */
export const reviewEventHandlers = {
  /**
   * GKNB's screening outcome: recorded on the application; approval needs CLEARED. Refused
   * (dead-lettered) when the application is unknown, decided, withdrawn or cancelled, or
   * already records another screening (see `compare`); a repeat or an older screening is ignored.
   */
  async ScreeningConcluded(tx: MigrationDb, event: DomainEvent<'ScreeningConcluded'>): Promise<void | EventIgnored> {
    const { applicationId, screeningId, outcome, concludedAt } = event.payload;
    const application = await applicationOf(tx, applicationId, event.type);
    const recorded =
      application.screeningId && application.screeningConcludedAt
        ? { id: application.screeningId, value: application.screeningOutcome, at: parsePgTimestamp(application.screeningConcludedAt).toISOString() }
        : null;
    const verdict = compare('screening', application, recorded, { id: screeningId, value: outcome, at: concludedAt });
    if (!verdict.apply) return ignoreEvent(verdict.ignored);
    await recordOnApplication(tx, { id: applicationId, set: { screeningOutcome: outcome, screeningId, screeningConcludedAt: concludedAt } });
  },

  /**
   * The Ministry of Labor's expert verdict: a recommendation. Recorded on the application it
   * was requested for, under the same rules as a screening, and only if an officer requested
   * one and the verdict names the application's nomad. A verdict from the monitoring of a
   * holder (no application) is kept with the holder's status recommendations (once per
   * evaluation), if migration knows the nomad. It never changes a status by itself.
   */
  async EvaluationConcluded(tx: MigrationDb, event: DomainEvent<'EvaluationConcluded'>): Promise<void | EventIgnored> {
    const { applicationId, nomadId, evaluationId, verdict, concludedAt } = event.payload;
    if (applicationId) {
      const application = await applicationOf(tx, applicationId, event.type);
      if (application.nomadId !== nomadId) {
        throw new RejectedEvent(EventRejection.FACT_CONFLICT, `${event.type} names nomad ${nomadId}, but application ${applicationId} is another nomad's`);
      }
      const recorded =
        application.evaluationId && application.evaluationVerdict && application.evaluationConcludedAt
          ? { id: application.evaluationId, value: application.evaluationVerdict, at: parsePgTimestamp(application.evaluationConcludedAt).toISOString() }
          : null;
      if (!recorded && !application.evaluationRequestedAt) {
        throw new RejectedEvent(EventRejection.NOT_AWAITED, `no expert evaluation was requested for application ${applicationId}`);
      }
      const decision = compare('evaluation', application, recorded, { id: evaluationId, value: verdict, at: concludedAt });
      if (!decision.apply) return ignoreEvent(decision.ignored);
      await recordOnApplication(tx, { id: applicationId, set: { evaluationId, evaluationVerdict: verdict, evaluationConcludedAt: concludedAt } });
      return;
    }
    await assertNomadKnown(tx, nomadId, event.type);
    await insertRecommendation(tx, {
      recommendation: { nomadId, fromAgency: event.producer, action: 'CONSIDER_EXPERT_VERDICT', reasonCode: verdict, reference: evaluationId, recommendedAt: concludedAt },
    });
  },

  /**
   * GKNB recommends suspending a holder after a flagged re-screening: recorded for the
   * officers (`Nomad.statusRecommendations`, once per screening), never acted on
   * automatically. Refused (dead-lettered) for a nomad migration does not know.
   */
  async SuspensionRecommended(tx: MigrationDb, event: DomainEvent<'SuspensionRecommended'>): Promise<void> {
    const { nomadId, screeningId, reasonSummary, at } = event.payload;
    await assertNomadKnown(tx, nomadId, event.type);
    await insertRecommendation(tx, {
      recommendation: { nomadId, fromAgency: event.producer, action: 'SUSPEND', reasonCode: reasonSummary, reference: screeningId, recommendedAt: at },
    });
  },

  /** GKNB's outcome of an adult family member's screening (DependantScreeningConcluded: modules/dependants/handlers.ts). */
  ...dependantEventHandlers,
};
