import type { DomainEvent } from '@nomad/kit';
import type { MigrationDb } from '../../db/index.ts';
import { insertRecommendation, recordOnApplication } from './queries.ts';

/**
 * What the migration authority does with other agencies' facts. Each handler runs in the
 * inbox transaction that records the event id, so a redelivered event has no second effect;
 * a handler that throws leaves the event to be retried (and dead-lettered if it keeps failing).
 */
export const reviewEventHandlers = {
  /** GKNB's screening outcome: recorded on the application; approval needs CLEARED. */
  async ScreeningConcluded(tx: MigrationDb, event: DomainEvent<'ScreeningConcluded'>): Promise<void> {
    const { applicationId, screeningId, outcome, concludedAt } = event.payload;
    const row = await recordOnApplication(tx, {
      id: applicationId,
      set: { screeningOutcome: outcome, screeningId, screeningConcludedAt: concludedAt },
    });
    if (!row) throw new Error(`ScreeningConcluded for unknown application ${applicationId}`);
  },

  /**
   * The Ministry of Labor's expert verdict: a recommendation. Recorded on the application it
   * was requested for; a verdict from the monitoring of a holder (no application) is kept
   * with the holder's status recommendations. It never changes a status by itself.
   */
  async EvaluationConcluded(tx: MigrationDb, event: DomainEvent<'EvaluationConcluded'>): Promise<void> {
    const { applicationId, nomadId, evaluationId, verdict, concludedAt } = event.payload;
    if (applicationId) {
      const row = await recordOnApplication(tx, {
        id: applicationId,
        set: { evaluationId, evaluationVerdict: verdict, evaluationConcludedAt: concludedAt },
      });
      if (!row) throw new Error(`EvaluationConcluded for unknown application ${applicationId}`);
      return;
    }
    await insertRecommendation(tx, {
      recommendation: { nomadId, fromAgency: event.producer, action: 'CONSIDER_EXPERT_VERDICT', reasonCode: verdict, reference: evaluationId, recommendedAt: concludedAt },
    });
  },

  /**
   * GKNB recommends suspending a holder after a flagged re-screening: recorded for the
   * officers (`Nomad.statusRecommendations`), never acted on automatically.
   */
  async SuspensionRecommended(tx: MigrationDb, event: DomainEvent<'SuspensionRecommended'>): Promise<void> {
    const { nomadId, screeningId, reasonSummary, at } = event.payload;
    await insertRecommendation(tx, {
      recommendation: { nomadId, fromAgency: event.producer, action: 'SUSPEND', reasonCode: reasonSummary, reference: screeningId, recommendedAt: at },
    });
  },
};
