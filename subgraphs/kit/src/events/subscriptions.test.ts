import { describe, expect, it } from 'vitest';
import { AGENCY_NAMES } from '../agencies.ts';
import { subgraphEnvSchema } from '../subgraph-env.ts';
import { assertNoDevSecrets, DEV_SERVICE_SECRET, EnvError, parseEnv } from '../env.ts';
import { EVENT_TYPES, EventPayloadError, parseEventPayload } from './catalog.ts';
import { assertHandlers, assertSubscriptions, eventTypesFor, SUBSCRIPTIONS, SubscriptionError, subscribersOf } from './subscriptions.ts';

function problemsOf(fn: () => void): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof SubscriptionError) return err.problems;
    throw err;
  }
  throw new Error('expected a SubscriptionError');
}

describe('SUBSCRIPTIONS', () => {
  it("is DOMAIN.md's table of cross-agency facts", () => {
    expect(SUBSCRIPTIONS).toEqual({
      ApplicationSubmitted: ['security'],
      ScreeningConcluded: ['migration'],
      EvaluationRequested: ['labor'],
      EvaluationConcluded: ['migration'],
      // GKNB learns holders from grants (issue 12: a status end of an unknown nomad is refused).
      StatusGranted: ['tax', 'labor', 'security'],
      StatusExtended: ['tax', 'labor'],
      StatusRevoked: ['tax', 'labor', 'security'],
      StatusExpired: ['tax', 'labor', 'security'],
      StatusSuspended: [],
      StatusReinstated: [],
      // Not in DOMAIN.md's table: GKNB's recommendation after a flagged re-screening (issue 7).
      SuspensionRecommended: ['migration'],
      // Family members (issue 15): GKNB screens adult dependants and watches their exit; tax and labor receive none.
      DependantAdded: ['security'],
      DependantScreeningConcluded: ['migration'],
      DependantGranted: [],
      DependantStatusEnded: ['security'],
      // The access ledger (issue 13): every agency's sealed log to GKNB's ledger, the ledger's roots to migration.
      AccessSealed: ['security'],
      LedgerSealed: ['migration'],
      // One source for each rule (issue 15): migration's activity list, as labor applies it, and
      // its exit days after a revocation, as GKNB checks exit deadlines against them.
      RulesChanged: ['labor', 'security'],
    });
    expect(() => assertSubscriptions(AGENCY_NAMES)).not.toThrow();
    expect(eventTypesFor('security')).toEqual(['ApplicationSubmitted', 'StatusGranted', 'StatusRevoked', 'StatusExpired', 'DependantAdded', 'DependantStatusEnded', 'AccessSealed', 'RulesChanged']);
    expect(eventTypesFor('tax')).not.toContain('DependantGranted');
    expect(eventTypesFor('labor')).not.toContain('DependantGranted');
    expect(eventTypesFor('migration')).toEqual(['ScreeningConcluded', 'EvaluationConcluded', 'SuspensionRecommended', 'DependantScreeningConcluded', 'LedgerSealed']);
    expect(subscribersOf('StatusSuspended')).toEqual([]);
  });

  it('stops the start on an unknown event type, an unknown subscriber or a missing entry, naming each', () => {
    const { StatusReinstated: _missing, ...rest } = SUBSCRIPTIONS;
    const problems = problemsOf(() =>
      assertSubscriptions(AGENCY_NAMES, { ...rest, StatusGranted: ['tax', 'customs'], ApplicationSubmited: ['security'] }),
    );
    expect(problems).toEqual([
      'StatusGranted: unknown subscriber "customs" (known agencies: migration, labor, tax, security)',
      'unknown event type "ApplicationSubmited" (not in EventCatalog)',
      'StatusReinstated: no entry (list its subscribers, or [] for none)',
    ]);
    expect(new SubscriptionError(problems).message).toContain('Event subscriptions are misconfigured:\n  - StatusGranted: unknown subscriber "customs"');
  });

  it("checks an agency's handlers against what it receives, both ways", () => {
    expect(() => assertHandlers('security', ['ApplicationSubmitted', 'StatusGranted', 'StatusRevoked', 'StatusExpired', 'DependantAdded', 'DependantStatusEnded', 'AccessSealed', 'RulesChanged'])).not.toThrow();
    expect(problemsOf(() => assertHandlers('security', ['ApplicationSubmitted', 'StatusGranted', 'StatusExtended', 'DependantAdded', 'DependantStatusEnded', 'AccessSealed', 'RulesChanged']))).toEqual([
      'security subscribes to StatusRevoked but has no handler for it',
      'security subscribes to StatusExpired but has no handler for it',
      'security has a handler for StatusExtended but SUBSCRIPTIONS does not send StatusExtended to security',
    ]);
  });
});

describe('EventCatalog', () => {
  const nomadId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

  it('has a schema for every event type of the table', () => {
    expect(EVENT_TYPES).toEqual(Object.keys(SUBSCRIPTIONS));
  });

  it('accepts a valid payload and strips keys it does not know (a newer producer may add optional ones)', () => {
    const payload = { nomadId, pin: '21204199000123', periodKind: 'INITIAL_60_DAYS', validFrom: '2026-01-01', validUntil: '2026-03-01', extra: 1 };
    const { extra: _extra, ...known } = payload;
    const parsed = parseEventPayload('StatusGranted', payload);
    expect(parsed).toEqual(known);
    expect(parsed).not.toHaveProperty('extra');
    expect(parseEventPayload('EvaluationConcluded', { evaluationId: nomadId, applicationId: null, nomadId, verdict: 'COMPLIANT', concludedAt: '2026-01-01T10:00:00+06:00' })).toMatchObject({ applicationId: null });
  });

  it('refuses a bad payload naming each path and rule, never the value', () => {
    let error: unknown;
    try {
      parseEventPayload('StatusRevoked', { nomadId: 'nope', pin: '31204199000123', ground: '', revokedAt: '2026-02-30', exitDeadline: '2026-02-30' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EventPayloadError);
    const { issues, message } = error as EventPayloadError;
    expect(issues.map((i) => i.split(':')[0])).toEqual(['nomadId', 'pin', 'ground', 'revokedAt', 'exitDeadline']);
    expect(issues[1]).toBe('pin: must be a 14-digit PIN');
    expect(message).not.toContain('31204199000123');
    expect(() => parseEventPayload('NoSuchEvent', {})).toThrow('NoSuchEvent payload is invalid: unknown event type "NoSuchEvent"');
  });
});

describe('subgraph env for events', () => {
  it('gives the service secret and every agency’s events URL a default', () => {
    const env = parseEnv(subgraphEnvSchema('migration', 4001), {});
    expect(env.serviceSecret).toBe(DEV_SERVICE_SECRET);
    expect(env.events).toEqual({
      urls: {
        migration: 'http://127.0.0.1:4001/events',
        labor: 'http://127.0.0.1:4002/events',
        tax: 'http://127.0.0.1:4003/events',
        security: 'http://127.0.0.1:4004/events',
      },
      pollIntervalMs: 30_000,
      batchSize: 20,
      maxAttempts: 25,
      backoffBaseMs: 1_000,
      backoffMaxMs: 600_000,
      timeoutMs: 10_000,
      transport: 'http',
      retentionDays: 30,
      nats: {
        servers: ['nats://127.0.0.1:4222'],
        prefix: 'nomad',
        maxBytes: 1024 ** 3,
        replicas: 1,
        duplicateWindowMs: 600_000,
        ackWaitMs: 60_000,
      },
    });
  });

  it('selects NATS JetStream with EVENTS_TRANSPORT=nats, and refuses a bad URL or prefix', () => {
    const env = parseEnv(subgraphEnvSchema('tax', 4003), {
      EVENTS_TRANSPORT: 'nats',
      NATS_URL: 'nats://broker-a:4222, nats://broker-b:4222',
      NATS_STREAM_PREFIX: 'pilot_2026',
      NATS_TOKEN: 'a-nats-token',
    });
    expect(env.events.transport).toBe('nats');
    expect(env.events.nats).toMatchObject({ servers: ['nats://broker-a:4222', 'nats://broker-b:4222'], prefix: 'pilot_2026', token: 'a-nats-token' });
    expect(() =>
      parseEnv(subgraphEnvSchema('tax', 4003), { EVENTS_TRANSPORT: 'kafka', NATS_URL: 'http://broker:4222', NATS_STREAM_PREFIX: 'a.b' }),
    ).toThrow(/EVENTS_TRANSPORT[\s\S]*NATS_URL: must be nats:\/\/[\s\S]*NATS_STREAM_PREFIX: must be 1–32/);
  });

  it('takes them from <AGENCY>_EVENTS_URL, SERVICE_SECRET and EVENTS_*, and refuses bad values all at once', () => {
    const env = parseEnv(subgraphEnvSchema('migration', 4001), {
      TAX_EVENTS_URL: 'https://tax.internal:8443/events',
      SERVICE_SECRET: 'a-real-service-secret-of-length',
      EVENTS_MAX_ATTEMPTS: '5',
    });
    expect(env.events.urls.tax).toBe('https://tax.internal:8443/events');
    expect(env.serviceSecret).toBe('a-real-service-secret-of-length');
    expect(env.events.maxAttempts).toBe(5);
    let error: unknown;
    try {
      parseEnv(subgraphEnvSchema('migration', 4001), { LABOR_EVENTS_URL: 'ftp://labor/events', SERVICE_SECRET: 'short', EVENTS_BATCH_SIZE: '0' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).issues.map((i) => i.split(':')[0]).sort()).toEqual(['EVENTS_BATCH_SIZE', 'LABOR_EVENTS_URL', 'SERVICE_SECRET']);
  });

  it('refuses the development service secret in production', () => {
    const env = parseEnv(subgraphEnvSchema('migration', 4001), { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), MIGRATION_GATEWAY_SECRET: 'y'.repeat(20) });
    expect(() => assertNoDevSecrets({ ...env.raw }, ['JWT_SECRET', 'MIGRATION_GATEWAY_SECRET', 'SERVICE_SECRET'])).toThrow(
      'SERVICE_SECRET: the development default is not allowed when NODE_ENV=production',
    );
  });
});
