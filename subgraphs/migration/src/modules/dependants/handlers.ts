import { EventRejection, ignoreEvent, parsePgTimestamp, RejectedEvent, type DomainEvent, type EventIgnored } from '@nomad/kit';
import type { MigrationDb } from '../../db/index.ts';
import { lockDependant, recordOnDependant } from './queries.ts';

/**
 * What migration does with GKNB's facts about family members. Runs in the inbox transaction
 * that records the event id (a redelivery has no second effect), under the dependant's lock.
 */
export const dependantEventHandlers = {
  /**
   * GKNB's outcome of a family member's screening (a spouse or an adult): recorded on the dependant (approval
   * needs CLEARED). Checked as an application's screening is (review/handlers.ts): a dependant
   * migration never heard of is refused for good (`EVENT_SUBJECT_UNKNOWN`), as is one of another
   * principal or a second screening or another outcome of the same one (`EVENT_FACT_CONFLICT`:
   * GKNB screens a family member once and concludes once), or a screening of a child, whom GKNB
   * does not screen (`EVENT_NOT_AWAITED`); the same outcome again changes nothing (ignored). Any
   * other screening of one already recorded, older or newer, is refused (`EVENT_FACT_CONFLICT`). The outcome is recorded whatever the dependant's
   * review state: it is a fact about the person, and an officer who refused meanwhile sees it.
   */
  async DependantScreeningConcluded(tx: MigrationDb, event: DomainEvent<'DependantScreeningConcluded'>): Promise<void | EventIgnored> {
    const { dependantId, principalId, screeningId, outcome, concludedAt } = event.payload;
    const dependant = await lockDependant(tx, { id: dependantId });
    const ref = `dependant ${dependantId}`;
    if (!dependant) throw new RejectedEvent(EventRejection.SUBJECT_UNKNOWN, `${event.type} for ${ref}, whom migration does not know`);
    if (dependant.principalId !== principalId) {
      throw new RejectedEvent(EventRejection.FACT_CONFLICT, `${event.type} names principal ${principalId}, but ${ref} depends on another nomad`);
    }
    if (dependant.screeningOutcome === null) throw new RejectedEvent(EventRejection.NOT_AWAITED, `${ref} is not screened (a child when added): GKNB screens a spouse or an adult`);
    if (dependant.screeningId && dependant.screeningConcludedAt) {
      const recordedAt = parsePgTimestamp(dependant.screeningConcludedAt).getTime();
      if (dependant.screeningId === screeningId) {
        if (dependant.screeningOutcome === outcome && recordedAt === Date.parse(concludedAt)) {
          return ignoreEvent(`screening ${screeningId} is already recorded on ${ref}`);
        }
        throw new RejectedEvent(EventRejection.FACT_CONFLICT, `screening ${screeningId} was recorded on ${ref} with another outcome or time; a screening concludes once`);
      }
      // Older or newer alike: GKNB opens one screening per family member (unique index), so a
      // second one is no legitimate fact.
      throw new RejectedEvent(EventRejection.FACT_CONFLICT, `${ref} already records screening ${dependant.screeningId}; a family member has one screening`);
    }
    await recordOnDependant(tx, { id: dependantId, set: { screeningOutcome: outcome, screeningId, screeningConcludedAt: concludedAt } });
  },
};
