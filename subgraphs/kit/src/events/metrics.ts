import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * Reuses a metric already in `registry` (two relays, or a relay and a test, may share one),
 * else creates it there. Without a registry the metric still counts but is scraped nowhere.
 */
function metric<M>(registry: Registry | undefined, name: string, create: (registers: Registry[]) => M): M {
  const existing = registry?.getSingleMetric(name);
  return (existing as M | undefined) ?? create(registry ? [registry] : []);
}

/** The relay's metrics (producer side). */
export function relayMetrics(registry: Registry | undefined) {
  const labelNames = ['type', 'subscriber'] as const;
  return {
    delivered: metric(registry, 'nomad_events_delivered_total', (registers) =>
      new Counter({ name: 'nomad_events_delivered_total', help: 'Event deliveries acknowledged by the subscriber', labelNames, registers }),
    ),
    retried: metric(registry, 'nomad_events_retried_total', (registers) =>
      new Counter({ name: 'nomad_events_retried_total', help: 'Failed event deliveries scheduled for another attempt', labelNames, registers }),
    ),
    deadLettered: metric(registry, 'nomad_events_dead_lettered_total', (registers) =>
      new Counter({ name: 'nomad_events_dead_lettered_total', help: 'Event deliveries given up after the last attempt (state DEAD)', labelNames, registers }),
    ),
    lag: metric(registry, 'nomad_event_delivery_lag_seconds', (registers) =>
      new Histogram({
        name: 'nomad_event_delivery_lag_seconds',
        help: 'Time from an event being written to its delivery being acknowledged',
        labelNames: ['subscriber'],
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300, 900, 3600, 21_600, 86_400],
        registers,
      }),
    ),
  };
}

export type RelayMetrics = ReturnType<typeof relayMetrics>;

/** Counts read from the outbox at scrape time. */
export interface OutboxCounts {
  /** Committed events by type. */
  written(): Promise<{ type: string; count: number }[]>;
  /** Deliveries not yet delivered, by state. */
  open(): Promise<{ state: string; count: number }[]>;
}

/**
 * Gauges read from the outbox at scrape time: events written, by type (committed rows only,
 * so a rolled-back transaction counts nothing), and deliveries not yet delivered, by state.
 * Every replica reports the same database figures: aggregate them with `max`, not `sum`.
 * A failed read leaves the previous values (the scrape itself must not fail).
 */
export function outboxGauges(registry: Registry | undefined, counts: OutboxCounts): void {
  if (!registry || registry.getSingleMetric('nomad_events_written')) return;
  new Gauge({
    name: 'nomad_events_written',
    help: 'Events committed to the outbox, by type (read from the database at scrape)',
    labelNames: ['type'],
    registers: [registry],
    async collect() {
      const rows = await counts.written().catch(() => null);
      if (!rows) return;
      this.reset();
      for (const { type, count } of rows) this.set({ type }, count);
    },
  });
  new Gauge({
    name: 'nomad_event_deliveries',
    help: 'Event deliveries not yet delivered, by state: PENDING, FAILED (retrying), DEAD (read from the database at scrape)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const rows = await counts.open().catch(() => null);
      if (!rows) return;
      this.reset();
      for (const state of ['PENDING', 'FAILED', 'DEAD']) this.set({ state }, 0);
      for (const { state, count } of rows) this.set({ state }, count);
    },
  });
}

/** The receiving side's metrics. */
export function inboxMetrics(registry: Registry | undefined) {
  return {
    received: metric(registry, 'nomad_events_received_total', (registers) =>
      new Counter({
        name: 'nomad_events_received_total',
        help: 'Events received on POST /events, by outcome: processed, ignored (handler applied nothing on purpose), duplicate, rejected (handler refused the fact for good), failed (handler threw), poison (refused), unauthenticated',
        labelNames: ['type', 'outcome'],
        registers,
      }),
    ),
  };
}

export type InboxMetrics = ReturnType<typeof inboxMetrics>;
