import { EventRejection, RejectedEvent } from '@nomad/kit';
import type { SecurityDb } from '../../db/index.ts';
import { hasScreenings } from '../screenings/queries.ts';
import { hasDependantScreening, insertKnownSubject, isKnownSubject } from './queries.ts';

/**
 * Handler of StatusGranted: GKNB learns the holder (only the id), so that their revocation or
 * expiry finds them known. Every holder is announced by a grant, pilot holders too (the import
 * publishes one); a repeated grant changes nothing.
 */
export async function learnHolder(tx: SecurityDb, params: { nomadId: string; occurredAt: string; source: string }): Promise<void> {
  await insertKnownSubject(tx, { subjectId: params.nomadId, kind: 'HOLDER', source: params.source, knownSince: params.occurredAt });
}

/** Handler of DependantAdded: GKNB learns the family member (a child too, whom it does not screen). */
export async function learnDependant(tx: SecurityDb, params: { dependantId: string; occurredAt: string; source: string }): Promise<void> {
  await insertKnownSubject(tx, { subjectId: params.dependantId, kind: 'DEPENDANT', source: params.source, knownSince: params.occurredAt });
}

/**
 * A status end of a nomad GKNB never heard of (no screening of theirs: no application was
 * submitted; and no grant announced them) is refused for good (`EVENT_SUBJECT_UNKNOWN`,
 * dead-lettered): GKNB never invents an exit watch.
 */
export async function assertKnownHolder(tx: SecurityDb, nomadId: string, what: 'was revoked' | 'expired'): Promise<void> {
  if (await isKnownHolder(tx, nomadId)) return;
  throw new RejectedEvent(EventRejection.SUBJECT_UNKNOWN, `the status of nomad ${nomadId} ${what}, but GKNB never screened them and no grant announced them`);
}

async function isKnownHolder(tx: SecurityDb, nomadId: string): Promise<boolean> {
  return (await isKnownSubject(tx, { subjectId: nomadId, kind: 'HOLDER' })) || hasScreenings(tx, { nomadId });
}

/**
 * The principal of a family member GKNB knows (`assertKnownDependant` passed): migration added
 * the family member to them, so they exist even if their StatusGranted or ApplicationSubmitted
 * has not arrived yet (events of different aggregates may arrive in any order). Not known yet: the
 * event fails and is delivered again, not refused for good.
 */
export async function assertKnownPrincipal(tx: SecurityDb, principalId: string, dependantId: string): Promise<void> {
  if (await isKnownHolder(tx, principalId)) return;
  throw new Error(`the status of dependant ${dependantId} ended, but GKNB has not yet heard of their principal ${principalId} (their grant or application is still on its way): to be delivered again`);
}

/** The same for a family member: known if DependantAdded announced them (or GKNB screened them). */
export async function assertKnownDependant(tx: SecurityDb, dependantId: string): Promise<void> {
  if (await isKnownSubject(tx, { subjectId: dependantId, kind: 'DEPENDANT' })) return;
  if (await hasDependantScreening(tx, { dependantId })) return;
  throw new RejectedEvent(EventRejection.SUBJECT_UNKNOWN, `the status of dependant ${dependantId} ended, but no DependantAdded announced them to GKNB`);
}
