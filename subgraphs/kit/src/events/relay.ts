import type postgres from 'postgres';
import type { Registry } from 'prom-client';
import type { Executor } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { relayMetrics, outboxGauges } from './metrics.ts';
import { countOpenDeliveriesByState, msUntilNextDue } from './queries/deliveries.ts';
import { countWrittenByType, pruneEvents } from './queries/outbox.ts';
import { outboxChannel } from './outbox.ts';
import { deliverDue, reportOutcomes, type PassSettings } from './relay-pass.ts';
import type { EventTables } from './tables.ts';
import type { EventTransport } from './transport.ts';

/** Milliseconds to wait before the next attempt, given how many attempts have failed (1, 2, …). */
export type Backoff = (failedAttempts: number) => number;

export interface BackoffOptions {
  /** Delay ceiling after the first failure; it doubles with each failure. @default 1_000 // 1 second */
  baseMs?: number;
  /** Largest delay ceiling. @default 600_000 // 10 minutes */
  maxMs?: number;
}

/**
 * Exponential back-off with jitter: the ceiling doubles per failure up to `maxMs`, and the
 * delay is drawn between half the ceiling and the ceiling, so the relays of many producers do
 * not all come back to a recovering subscriber at the same instant.
 */
export function exponentialBackoff(options: BackoffOptions = {}): Backoff {
  const base = options.baseMs ?? 1_000;
  const max = options.maxMs ?? 600_000;
  return (failedAttempts) => {
    const ceiling = Math.min(max, base * 2 ** Math.min(Math.max(failedAttempts - 1, 0), 40));
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  };
}

export interface RelayOptions<TSchema extends Record<string, unknown>> {
  /** The producing agency's database (the pool: each pass takes one connection for its transaction). */
  db: Executor<TSchema>;
  tables: EventTables;
  /** The producing agency, for logs. */
  agency: string;
  transport: EventTransport;
  logger: Logger;
  /**
   * Where the relay LISTENs for `publishEvent`'s NOTIFY (the raw postgres.js client: it
   * listens on a connection of its own, outside the pool). With it, an idle relay sleeps until
   * an event commits or a retry falls due; without it, it polls every `pollIntervalMs`.
   * @default none
   */
  listener?: Pick<postgres.Sql, 'listen'>;
  /**
   * Longest sleep of an idle relay: with a listener, only a safety net (a notification lost
   * while the listening connection was re-established); without one, the polling interval.
   * A pass that found work is followed at once by another. @default 30_000 // 30 seconds
   */
  pollIntervalMs?: number;
  /**
   * Delivered events and processed inbox entries older than this are pruned (`pruneEvents`),
   * once an hour and at start. 0 keeps everything. @default 0
   */
  retentionDays?: number;
  /** Deliveries claimed (and sent concurrently) per pass. @default 20 */
  batchSize?: number;
  /**
   * Attempts before a delivery goes DEAD (kept, with its last error, for an operator to retry).
   * With the default back-off, 25 attempts span about 2.8 hours. @default 25
   */
  maxAttempts?: number;
  /** @default exponentialBackoff() // 1 s doubling to 10 min, with jitter */
  backoff?: Backoff;
  /** Where the relay's metrics go (the subgraph's registry). @default none: metrics are not exported */
  registry?: Registry;
  /** Start the polling loop now; false leaves only `runOnce` (tests). @default true */
  autoStart?: boolean;
}

export interface Relay {
  /**
   * One pass: claims the due deliveries, sends them, records each outcome, commits.
   * @returns how many deliveries were attempted (0: nothing was due)
   */
  runOnce(): Promise<number>;
  /** Ends the loop after the pass in flight (at most one transport timeout). */
  stop(): Promise<void>;
}

/**
 * Starts the relay of a producing agency: it delivers each outbox event to every subscriber
 * through `transport`, in order per (subscriber, aggregate), retrying with back-off until
 * `maxAttempts`, then dead-letters it (at once when the subscriber refused the fact for good:
 * a `DeliveryError` marked `permanent`, HTTP 409). Any number of relays of one agency may run at once
 * (replicas): a pass locks the rows it sends with `FOR UPDATE SKIP LOCKED` for its whole
 * transaction, so no row is sent by two relays at the same time, and an acknowledged row is
 * DELIVERED before another relay can see it. A relay that dies mid-pass leaves its rows
 * unlocked and undelivered: they are sent again, and the subscriber's inbox makes the second
 * receipt a no-op.
 */
export function startRelay<TSchema extends Record<string, unknown>>(options: RelayOptions<TSchema>): Relay {
  const { db, tables } = options;
  const log = options.logger.child({ source: 'event-relay' });
  const settings: PassSettings = {
    tables,
    transport: options.transport,
    batchSize: options.batchSize ?? 20,
    maxAttempts: options.maxAttempts ?? 25,
    backoff: options.backoff ?? exponentialBackoff(),
  };
  const metrics = relayMetrics(options.registry);
  outboxGauges(options.registry, {
    written: () => countWrittenByType(db, { tables }),
    open: () => countOpenDeliveriesByState(db, { tables }),
  });

  const runOnce = async (): Promise<number> => {
    const outcomes = await deliverDue(db, settings);
    // Counted after the commit: an outcome that was not recorded did not happen.
    reportOutcomes(outcomes, metrics, log);
    return outcomes.results.length;
  };
  const loop = relayLoop(options, runOnce, log);
  if (options.autoStart !== false) loop.start({ batchSize: settings.batchSize, maxAttempts: settings.maxAttempts });
  return { runOnce, stop: () => loop.stop() };
}

/**
 * The relay's loop: a pass, then (when it found nothing) a sleep until an event commits
 * (the outbox's NOTIFY, when it listens), a retry falls due, or `pollIntervalMs` passes.
 */
function relayLoop<TSchema extends Record<string, unknown>>(options: RelayOptions<TSchema>, runOnce: () => Promise<number>, log: Logger) {
  const pollIntervalMs = options.pollIntervalMs ?? 30_000;
  const sleeper = wakeableSleep();
  const prune = periodicPrune(options, log);
  let stopped = false;
  let unlisten: (() => Promise<void>) | undefined;
  let running: Promise<void> = Promise.resolve();
  /** How long an idle relay sleeps: until the next retry falls due, at most `pollIntervalMs`. */
  const idleMs = async () => {
    if (!options.listener) return pollIntervalMs;
    const due = await msUntilNextDue(options.db, { tables: options.tables });
    return due === null ? pollIntervalMs : Math.min(due, pollIntervalMs);
  };
  const listen = async (listener: Pick<postgres.Sql, 'listen'>) => {
    try {
      // A NOTIFY that arrives during a pass is remembered, so the loop runs again at once.
      const listening = await listener.listen(outboxChannel(options.agency), () => sleeper.wake());
      unlisten = () => listening.unlisten();
    } catch (err) {
      log.error({ err }, 'event relay cannot LISTEN; polling instead');
    }
  };
  const loop = async () => {
    while (!stopped) {
      let sleepMs = 0;
      try {
        await prune();
        if ((await runOnce()) === 0) sleepMs = await idleMs();
      } catch (err) {
        // The database is away or the transaction failed: nothing was recorded; try again later.
        log.error({ err }, 'event relay pass failed');
        sleepMs = pollIntervalMs;
      }
      if (sleepMs > 0 && !stopped) await sleeper.sleep(sleepMs);
    }
  };
  return {
    /** Listens (when there is a listener), logs the start with `fields`, then loops until `stop`. */
    start(fields: { batchSize: number; maxAttempts: number }): void {
      running = (async () => {
        if (options.listener) await listen(options.listener);
        log.info({ agency: options.agency, listening: unlisten !== undefined, pollIntervalMs, ...fields }, 'event relay started');
        await loop();
      })();
    },
    /** Ends the loop after the pass in flight, then stops listening. */
    async stop(): Promise<void> {
      stopped = true;
      sleeper.wake();
      await running;
      await unlisten?.().catch(() => undefined);
    },
  };
}

/** A sleep that `wake()` cuts short; a wake while awake makes the next sleep return at once. */
function wakeableSleep() {
  let woken = false;
  let resolveSleep: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  return {
    sleep(ms: number): Promise<void> {
      if (woken) {
        woken = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        resolveSleep = () => {
          clearTimeout(timer);
          resolveSleep = undefined;
          resolve();
        };
        timer = setTimeout(resolveSleep, ms);
      });
    },
    wake(): void {
      if (resolveSleep) resolveSleep();
      else woken = true;
    },
  };
}

const PRUNE_EVERY_MS = 60 * 60 * 1000;
const PRUNE_BATCH = 1_000;

/** Prunes at the first call, then at most once an hour; a no-op when retention is 0. */
function periodicPrune<TSchema extends Record<string, unknown>>(options: RelayOptions<TSchema>, log: Logger) {
  const days = options.retentionDays ?? 0;
  let nextAt = 0;
  return async () => {
    if (days <= 0 || Date.now() < nextAt) return;
    nextAt = Date.now() + PRUNE_EVERY_MS;
    const total = { outbox: 0, inbox: 0 };
    for (;;) {
      const pruned = await pruneEvents(options.db, { tables: options.tables, olderThanDays: days, limit: PRUNE_BATCH });
      total.outbox += pruned.outbox;
      total.inbox += pruned.inbox;
      if (pruned.outbox < PRUNE_BATCH && pruned.inbox < PRUNE_BATCH) break;
    }
    if (total.outbox + total.inbox > 0) log.info({ ...total, retentionDays: days }, 'pruned delivered events and processed inbox entries');
  };
}
