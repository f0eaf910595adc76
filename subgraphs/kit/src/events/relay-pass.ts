import type { Executor } from '../db/database.ts';
import { parsePgTimestamp } from '../graphql/shared.ts';
import type { Logger } from '../logger.ts';
import type { DomainEvent } from './catalog.ts';
import type { RelayMetrics } from './metrics.ts';
import { claimDueDeliveries, markDelivered, markFailed, type ClaimedDelivery } from './queries/deliveries.ts';
import type { Backoff } from './relay.ts';
import type { EventTables } from './tables.ts';
import { DeliveryError, type EventTransport } from './transport.ts';

// One pass of the relay (`startRelay`): claim the due deliveries, send them, record each outcome
// in the same transaction, then count and log what was committed.

type Db = Executor<Record<string, unknown>>;

function toEvent(row: ClaimedDelivery): DomainEvent {
  return {
    id: row.eventId,
    type: row.eventType,
    aggregateId: row.aggregateId,
    // Sent as stored: the subscriber checks it against its own catalog (the authority on what it accepts).
    payload: row.payload,
    occurredAt: parsePgTimestamp(row.occurredAt).toISOString(),
    producer: row.producer,
  } as DomainEvent;
}

const MAX_ERROR_TEXT = 1_000;

/** One delivery's attempt: `error` null when the subscriber acknowledged it. */
interface Attempt {
  row: ClaimedDelivery;
  error: string | null;
  permanent: boolean;
}

/** A failed attempt as recorded: `dead` when it will not be retried. */
interface Failure {
  row: ClaimedDelivery;
  error: string;
  dead: boolean;
}

export interface PassOutcomes {
  results: Attempt[];
  failures: Failure[];
}

/** What a pass needs: the options with their defaults applied. */
export interface PassSettings {
  tables: EventTables;
  transport: EventTransport;
  batchSize: number;
  maxAttempts: number;
  backoff: Backoff;
}

/** Sends one delivery; a failure is returned (its text cut to size), never thrown. */
async function attempt(transport: EventTransport, row: ClaimedDelivery): Promise<Attempt> {
  try {
    await transport.deliver(row.subscriber, toEvent(row));
    return { row, error: null, permanent: false };
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    return { row, error: text.slice(0, MAX_ERROR_TEXT), permanent: err instanceof DeliveryError && err.permanent };
  }
}

/** Marks the failed attempts FAILED (due again after the back-off) or DEAD. */
async function recordFailures(tx: Db, settings: PassSettings, results: Attempt[]): Promise<Failure[]> {
  const failures: Failure[] = [];
  for (const { row, error, permanent } of results) {
    if (error === null) continue;
    const attempts = row.attempts + 1;
    // A subscriber that refused the fact for good (its handler's RejectedEvent) gets no retry.
    const dead = permanent || attempts >= settings.maxAttempts;
    await markFailed(tx, { tables: settings.tables, id: row.id, dead, delayMs: dead ? 0 : Math.max(0, settings.backoff(attempts)), error });
    failures.push({ row, error, dead });
  }
  return failures;
}

/** One pass's transaction: claims the due deliveries, sends them concurrently, records each outcome. */
export async function deliverDue(db: Db, settings: PassSettings): Promise<PassOutcomes> {
  const { tables, transport } = settings;
  return db.transaction(async (tx) => {
    const batch = await claimDueDeliveries(tx, { tables, limit: settings.batchSize });
    const results = await Promise.all(batch.map((row) => attempt(transport, row)));
    await markDelivered(tx, { tables, ids: results.filter((r) => r.error === null).map((r) => r.row.id) });
    const failures = await recordFailures(tx, settings, results);
    return { results, failures };
  });
}

/** Counts and logs a committed pass's outcomes. */
export function reportOutcomes(outcomes: PassOutcomes, metrics: RelayMetrics, log: Logger): void {
  const now = Date.now();
  for (const { row, error } of outcomes.results) {
    if (error !== null) continue;
    const labels = { type: row.eventType, subscriber: row.subscriber };
    metrics.delivered.inc(labels);
    metrics.lag.observe({ subscriber: row.subscriber }, Math.max(0, (now - parsePgTimestamp(row.occurredAt).getTime()) / 1000));
  }
  for (const { row, error, dead } of outcomes.failures) {
    const fields = { eventId: row.eventId, type: row.eventType, subscriber: row.subscriber, attempts: row.attempts + 1, error };
    if (dead) {
      metrics.deadLettered.inc({ type: row.eventType, subscriber: row.subscriber });
      log.error(fields, 'event delivery dead-lettered');
    } else {
      metrics.retried.inc({ type: row.eventType, subscriber: row.subscriber });
      log.warn(fields, 'event delivery failed; will retry');
    }
  }
}
