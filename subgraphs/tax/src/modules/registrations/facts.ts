// Status facts from migration: event handlers call these inside the inbox transaction.
import { EventRejection, parsePgTimestamp, RejectedEvent } from '@nomad/kit';
import type { TaxDb } from '../../db/index.ts';
import type { RegistrationRow } from '../../db/schema.ts';
import { getDefaultRegime, insertRegistration, lockRegistration, updateRegistrationIf } from './queries.ts';

export interface StatusFact {
  nomadId: string;
  pin: string;
  /** The event's `occurredAt`: a fact older than the last one applied changes nothing. */
  occurredAt: string;
  now: string;
}

/** What a status fact did to the register: the registration as it now stands, and why nothing changed (if so). */
export interface StatusFactResult {
  registration: RegistrationRow;
  /** Set when the fact changed nothing (older than the last fact applied). */
  ignored?: string;
}

/**
 * A fact older (by the event's `occurredAt`) than the last one applied (`last_fact_at`) changes
 * nothing: a revocation delivered after a later re-grant must not deregister the IE again.
 */
function staleness(row: RegistrationRow, occurredAt: string): string | null {
  if (row.lastFactAt === null || new Date(occurredAt).getTime() >= parsePgTimestamp(row.lastFactAt).getTime()) return null;
  return `the status fact of ${occurredAt} is older than the last one applied to registration ${row.id}`;
}

async function lockByPinOrNomad(tx: TaxDb, fact: StatusFact): Promise<RegistrationRow | null> {
  const row = (await lockRegistration(tx, { pin: fact.pin })) ?? (await lockRegistration(tx, { nomadId: fact.nomadId }));
  // A PIN is one person's for life: a mismatch is a data error for operators, not something to
  // guess at, and no retry mends it: refused for good (dead-lettered).
  if (row && (row.pin !== fact.pin || row.nomadId !== fact.nomadId)) {
    throw new RejectedEvent(EventRejection.FACT_CONFLICT, `registration ${row.id} does not match the nomad and PIN of the status fact`);
  }
  return row;
}

/**
 * A status grant or extension: queues the IE for re-registration, or (a grant) for its first
 * registration when the register has none. A repeated or late fact is harmless: an IE
 * already pending stays pending (only the status end date moves forward). An extension of a
 * holder the register has none for (no grant announced them: every holder, pilot holders
 * included, is) is refused for good (`EVENT_SUBJECT_UNKNOWN`, dead-lettered): tax never
 * invents a registration from an extension. The grant's `activityCode` (when it names one) is
 * the activity statistics count the IE under.
 */
export async function queueReregistration(
  tx: TaxDb,
  fact: StatusFact & { validUntil: string; announcement: 'granted' | 'extended'; activityCode?: string | undefined },
): Promise<StatusFactResult> {
  const existing = await lockByPinOrNomad(tx, fact);
  if (!existing) {
    if (fact.announcement === 'extended') {
      throw new RejectedEvent(EventRejection.SUBJECT_UNKNOWN, `the status of nomad ${fact.nomadId} was extended, but no grant announced them to tax`);
    }
    const regime = await getDefaultRegime(tx);
    if (!regime) throw new Error('no default tax regime is configured (tax.regimes.is_default)');
    const inserted = await insertRegistration(tx, {
      pin: fact.pin,
      nomadId: fact.nomadId,
      state: 'PENDING_REREGISTRATION',
      firstRegistration: true,
      regimeCode: regime.code,
      statusValidUntil: fact.validUntil,
      pendingSince: fact.now,
      lastFactAt: fact.occurredAt,
      activityCode: fact.activityCode ?? null,
    });
    // Only a concurrent insert of the same IE gets here; the producer retries and finds it.
    if (!inserted) throw new Error('a registration for this nomad was created concurrently; retry');
    return { registration: inserted };
  }
  const stale = staleness(existing, fact.occurredAt);
  if (stale) return { registration: existing, ignored: stale };
  const validUntil = existing.statusValidUntil && existing.statusValidUntil > fact.validUntil ? existing.statusValidUntil : fact.validUntil;
  const pending = existing.state === 'PENDING_REREGISTRATION';
  const updated = await updateRegistrationIf(tx, {
    id: existing.id,
    from: [existing.state],
    set: {
      statusValidUntil: validUntil,
      lastFactAt: fact.occurredAt,
      // A grant for a new application names the activity it was granted for; a fact naming none keeps it.
      ...(fact.activityCode ? { activityCode: fact.activityCode } : {}),
      ...(pending ? {} : { state: 'PENDING_REREGISTRATION' as const, pendingSince: fact.now }),
    },
  });
  if (!updated) throw new Error('registration changed under a row lock');
  return { registration: updated };
}

/**
 * A revocation or expiry: queues the IE's deregistration. An IE never entered in the register
 * (its first registration still pending) has nothing to deregister: the pending registration
 * is closed at once. Repeated or older facts change nothing. A revocation or expiry of a
 * holder tax has no registration for (neither by PIN nor by nomad) is refused for good
 * (`EVENT_SUBJECT_UNKNOWN`, dead-lettered): tax never invents a registration to close.
 */
export async function queueDeregistration(tx: TaxDb, fact: StatusFact): Promise<StatusFactResult> {
  const existing = await lockByPinOrNomad(tx, fact);
  if (!existing) throw new RejectedEvent(EventRejection.SUBJECT_UNKNOWN, `the status of nomad ${fact.nomadId} ended, but tax has no registration of theirs`);
  const stale = staleness(existing, fact.occurredAt);
  if (stale) return { registration: existing, ignored: stale };
  const closed = existing.state === 'DEREGISTERED' || existing.state === 'DEREGISTRATION_PENDING';
  const neverRegistered = existing.registeredOn === null;
  const updated = await updateRegistrationIf(tx, {
    id: existing.id,
    from: [existing.state],
    set: {
      lastFactAt: fact.occurredAt,
      ...(closed
        ? {}
        : neverRegistered
          ? { state: 'DEREGISTERED' as const, pendingSince: null }
          : { state: 'DEREGISTRATION_PENDING' as const, pendingSince: fact.now }),
    },
  });
  if (!updated) throw new Error('registration changed under a row lock');
  return { registration: updated };
}
