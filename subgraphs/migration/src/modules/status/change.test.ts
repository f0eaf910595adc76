import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { asc, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Principal } from '@nomad/kit';
import type { App } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import type { Context } from '../../context.ts';
import { schema, type MigrationSchema } from '../../db/index.ts';
import { openServiceTestDatabase, serviceContext, type ServiceTestDatabase } from '../../testing.ts';
import { embeddedZhaak } from '../../zhaak.ts';
import { changeStatus, type StatusAction, type StatusChangeInput } from './change.ts';
import { readStatus } from './service.ts';

// The status changes of a migration officer, service-level against a real database: each
// action's precondition, its rows and its domain event, with hand-written expected dates.

const TODAY = '2026-11-24';
const lines: string[] = [];
const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }));
let opened: ServiceTestDatabase | undefined;
let database: Database<MigrationSchema>;
let app: App;
let serial = 10_000;

beforeAll(async () => {
  opened = await openServiceTestDatabase('status_change');
  database = opened.database;
  app = { clock: fixedClock(`${TODAY}T06:00:00Z`), zhaak: embeddedZhaak(database.db) };
});
afterAll(async () => {
  await opened?.close();
});

function ctxFor(roles: Principal['roles'] = ['migration_officer'], idempotencyKey: string | null = null): Context {
  const principal: Principal = { sub: 'officer-7', name: 'test', roles, nomadId: null };
  return serviceContext(database, principal, { logger, idempotencyKey });
}

type PeriodSpec = [kind: 'INITIAL_60_DAYS' | 'EXTENSION_1_YEAR' | 'RENEWAL' | 'PILOT_2022_2024', from: string, until: string];
type EventSpec = [kind: 'SUSPENDED' | 'REINSTATED' | 'REVOKED', on: string];

/** A nomad with a PIN and the given periods and events. */
async function holder(periods: PeriodSpec[], events: EventSpec[] = [], passportExpiresOn = '2035-01-01'): Promise<{ id: string; pin: string }> {
  serial += 1;
  const pin = `212041990${serial}`;
  const [nomad] = await database.db
    .insert(schema.nomads)
    .values({ surname: 'TEST', givenNames: 'HOLDER', dateOfBirth: '1990-04-12', sex: 'MALE', citizenship: 'KAZ', passportCountry: 'KAZ', passportNumber: `N${serial}X`, passportExpiresOn, email: 'h@example.org', pin })
    .returning();
  if (!nomad) throw new Error('no nomad');
  for (const [kind, validFrom, validUntil] of periods) {
    await database.db.insert(schema.statusPeriods).values({ nomadId: nomad.id, kind, validFrom, validUntil, grantedBy: 'setup' });
  }
  for (const [kind, effectiveOn] of events) {
    await database.db.insert(schema.statusEvents).values({ nomadId: nomad.id, kind, effectiveOn, actor: 'setup', ...(kind === 'REVOKED' ? { revocationGround: 'RULES_BREACH' as const, exitDeadlineOn: effectiveOn } : {}) });
  }
  return { id: nomad.id, pin };
}

/** Sets a rule value for the duration of `fn`, then puts the seeded value back. */
async function withRule(key: string, value: number, fn: () => Promise<void>): Promise<void> {
  const [before] = await database.db.select().from(schema.ruleValues).where(eq(schema.ruleValues.key, key));
  if (!before) throw new Error(`no rule ${key}`);
  await database.db.update(schema.ruleValues).set({ value }).where(eq(schema.ruleValues.key, key));
  try {
    await fn();
  } finally {
    await database.db.update(schema.ruleValues).set({ value: before.value }).where(eq(schema.ruleValues.key, key));
  }
}

const change = (action: StatusAction, input: StatusChangeInput, ctx = ctxFor()) => changeStatus(ctx, app, action, input);
const eventsOf = (nomadId: string) => database.db.select().from(schema.statusEvents).where(eq(schema.statusEvents.nomadId, nomadId)).orderBy(asc(schema.statusEvents.seq));
const periodsOf = (nomadId: string) => database.db.select().from(schema.statusPeriods).where(eq(schema.statusPeriods.nomadId, nomadId)).orderBy(asc(schema.statusPeriods.validFrom));
const outboxOf = (nomadId: string) => database.db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, nomadId)).orderBy(asc(schema.outbox.seq));
const invalid = (message: string) => ({ nomadId: null, userErrors: [{ code: 'INVALID_TRANSITION', field: 'input.nomadId', message }] });

/** Active since 2026-10-01 on the initial period (until 2026-11-29). */
const ACTIVE_INITIAL: PeriodSpec[] = [['INITIAL_60_DAYS', '2026-10-01', '2026-11-29']];
/** Active on the 1-year extension after the initial period, ending 60 days from today: the renewal window opened today. */
const ACTIVE_EXTENDED: PeriodSpec[] = [
  ['INITIAL_60_DAYS', '2025-11-25', '2026-01-23'],
  ['EXTENSION_1_YEAR', '2026-01-24', '2027-01-23'],
];

describe('who and which nomad', () => {
  it('only a migration officer changes a status', async () => {
    const { id } = await holder(ACTIVE_INITIAL);
    expect(await change('suspendStatus', { nomadId: id, reason: 'x' }, ctxFor(['security_officer', 'analyst']))).toEqual({
      nomadId: null,
      userErrors: [{ code: 'FORBIDDEN', field: null, message: 'Only a migration officer may change a status.' }],
    });
    expect(await eventsOf(id)).toEqual([]);
  });

  it('an id that is no UUID, or no nomad, is NOMAD_NOT_FOUND on input.nomadId', async () => {
    const notFound = { nomadId: null, userErrors: [{ code: 'NOMAD_NOT_FOUND', field: 'input.nomadId', message: 'No such nomad.' }] };
    expect(await change('extendStatus', { nomadId: 'nomad-1' })).toEqual(notFound);
    expect(await change('extendStatus', { nomadId: randomUUID() })).toEqual(notFound);
  });

  it('a nomad who never held the status cannot have it changed', async () => {
    const { id } = await holder([]);
    expect(await change('revokeStatus', { nomadId: id, ground: 'RULES_BREACH' })).toEqual(invalid('This nomad has never held the status.'));
  });
});

describe('extension and renewal', () => {
  it('extends the initial period by a year from the day after it, with its event and domain event; the loaders see it', async () => {
    const { id, pin } = await holder(ACTIVE_INITIAL);
    const ctx = ctxFor();
    expect(await ctx.loaders.statusPeriodsByNomad.load(id)).toHaveLength(1);
    expect(await ctx.loaders.statusEventsByNomad.load(id)).toHaveLength(0);
    lines.length = 0;
    expect(await change('extendStatus', { nomadId: id }, ctx)).toEqual({ nomadId: id, userErrors: [] });
    const periods = await periodsOf(id);
    expect(periods.map((p) => [p.kind, p.validFrom, p.validUntil, p.grantedBy])).toEqual([
      ['INITIAL_60_DAYS', '2026-10-01', '2026-11-29', 'setup'],
      ['EXTENSION_1_YEAR', '2026-11-30', '2027-11-29', 'officer-7'],
    ]);
    const [event] = await eventsOf(id);
    expect(event).toMatchObject({ kind: 'EXTENDED', effectiveOn: '2026-11-30', actor: 'officer-7', periodId: periods[1]?.id });
    const [published] = await outboxOf(id);
    expect(published).toMatchObject({ type: 'StatusExtended', payload: { nomadId: id, pin, periodKind: 'EXTENSION_1_YEAR', validFrom: '2026-11-30', validUntil: '2027-11-29' } });
    // The request's loaders were cleared: a later read in the same request sees the change.
    expect(await ctx.loaders.statusPeriodsByNomad.load(id)).toHaveLength(2);
    expect(await ctx.loaders.statusEventsByNomad.load(id)).toHaveLength(1);
    expect(lines.some((l) => l.includes('"msg":"status changed"') && l.includes(id) && l.includes('"action":"extendStatus"'))).toBe(true);
  });

  it('renews after the extension, as a RENEWAL with a RENEWED event', async () => {
    const { id } = await holder(ACTIVE_EXTENDED);
    expect(await change('renewStatus', { nomadId: id })).toEqual({ nomadId: id, userErrors: [] });
    expect((await periodsOf(id)).at(-1)).toMatchObject({ kind: 'RENEWAL', validFrom: '2027-01-24', validUntil: '2028-01-23' });
    expect((await eventsOf(id)).map((e) => e.kind)).toEqual(['RENEWED']);
    expect((await outboxOf(id))[0]).toMatchObject({ type: 'StatusExtended', payload: { periodKind: 'RENEWAL' } });
  });

  it('renews again after a renewal, from the end of the whole chain', async () => {
    const { id } = await holder([
      ['INITIAL_60_DAYS', '2024-11-25', '2025-01-23'],
      ['EXTENSION_1_YEAR', '2025-01-24', '2026-01-23'],
      ['RENEWAL', '2026-01-24', '2027-01-23'],
    ]);
    expect(await change('renewStatus', { nomadId: id })).toEqual({ nomadId: id, userErrors: [] });
    expect((await periodsOf(id)).at(-1)).toMatchObject({ kind: 'RENEWAL', validFrom: '2027-01-24', validUntil: '2028-01-23' });
  });

  it('the extension follows the initial period only; a renewal never follows it', async () => {
    const extended = await holder(ACTIVE_EXTENDED);
    expect(await change('extendStatus', { nomadId: extended.id })).toEqual(invalid('The extension follows the initial period only; use renewStatus.'));
    const initial = await holder(ACTIVE_INITIAL);
    expect(await change('renewStatus', { nomadId: initial.id })).toEqual(invalid('The initial period is followed by the extension; use extendStatus.'));
    expect(await periodsOf(extended.id)).toHaveLength(2);
    expect(await periodsOf(initial.id)).toHaveLength(1);
  });

  it('neither extends nor renews a status that is not active', async () => {
    const suspended = await holder(ACTIVE_INITIAL, [['SUSPENDED', '2026-11-01']]);
    expect(await change('extendStatus', { nomadId: suspended.id })).toEqual(invalid('A status that is SUSPENDED cannot be extended.'));
    const expired = await holder([['INITIAL_60_DAYS', '2026-01-01', '2026-03-01']]);
    expect(await change('renewStatus', { nomadId: expired.id })).toEqual(invalid('A status that is EXPIRED cannot be renewed.'));
  });

  it('never runs past the ceiling: ten years from the first day of the chain, to the day', async () => {
    // Chain from 2017-11-29: the ceiling is 2027-11-28; a renewal from 2026-11-30 would end 2027-11-29, a day past it.
    const { id } = await holder([
      ['INITIAL_60_DAYS', '2017-11-29', '2018-01-27'],
      ['EXTENSION_1_YEAR', '2018-01-28', '2026-11-29'],
    ]);
    expect(await change('renewStatus', { nomadId: id })).toEqual({
      nomadId: null,
      userErrors: [{ code: 'STATUS_CEILING_REACHED', field: 'input.nomadId', message: 'The status may not run past 2027-11-28: 10 years from the first grant.' }],
    });
    expect(await periodsOf(id)).toHaveLength(2);
    // Chain from 2017-11-30: the ceiling is 2027-11-29, exactly where the renewal ends: allowed.
    const atCeiling = await holder([
      ['INITIAL_60_DAYS', '2017-11-30', '2018-01-28'],
      ['EXTENSION_1_YEAR', '2018-01-29', '2026-11-29'],
    ]);
    expect(await change('renewStatus', { nomadId: atCeiling.id })).toEqual({ nomadId: atCeiling.id, userErrors: [] });
    expect((await periodsOf(atCeiling.id)).at(-1)).toMatchObject({ validFrom: '2026-11-30', validUntil: '2027-11-29' });
  });
});

describe('the renewal window', () => {
  it('opens renewal_window_days (60) before the last day: refused the day before it opens, granted on the day it opens', async () => {
    // Ends 2027-01-24: the window opens 2026-11-25, tomorrow.
    const early = await holder([
      ['INITIAL_60_DAYS', '2025-11-26', '2026-01-24'],
      ['EXTENSION_1_YEAR', '2026-01-25', '2027-01-24'],
    ]);
    expect(await change('renewStatus', { nomadId: early.id })).toEqual({
      nomadId: null,
      userErrors: [{ code: 'RENEWAL_WINDOW_NOT_OPEN', field: 'input.nomadId', message: 'A renewal may be requested from 2026-11-25, 60 days before the status ends on 2027-01-24.' }],
    });
    expect(await periodsOf(early.id)).toHaveLength(2);
    expect(await outboxOf(early.id)).toEqual([]);
    // Ends 2027-01-23: the window opened today.
    const onTime = await holder(ACTIVE_EXTENDED);
    expect(await change('renewStatus', { nomadId: onTime.id })).toEqual({ nomadId: onTime.id, userErrors: [] });
  });

  it('stacks no renewal ahead: once renewed, the next renewal waits for the new period\'s window', async () => {
    const { id } = await holder(ACTIVE_EXTENDED);
    expect(await change('renewStatus', { nomadId: id })).toEqual({ nomadId: id, userErrors: [] });
    expect(await change('renewStatus', { nomadId: id })).toEqual({
      nomadId: null,
      userErrors: [{ code: 'RENEWAL_WINDOW_NOT_OPEN', field: 'input.nomadId', message: 'A renewal may be requested from 2027-11-24, 60 days before the status ends on 2028-01-23.' }],
    });
    expect((await periodsOf(id)).map((p) => p.kind)).toEqual(['INITIAL_60_DAYS', 'EXTENSION_1_YEAR', 'RENEWAL']);
  });

  it('reads the window from the rule table', async () => {
    const { id } = await holder([
      ['INITIAL_60_DAYS', '2025-11-26', '2026-01-24'],
      ['EXTENSION_1_YEAR', '2026-01-25', '2027-01-24'],
    ]);
    await withRule('renewal_window_days', 61, async () => {
      expect(await change('renewStatus', { nomadId: id })).toEqual({ nomadId: id, userErrors: [] });
    });
  });
});

describe('the extension length', () => {
  it('is the rule value extension_years', async () => {
    const { id } = await holder(ACTIVE_INITIAL);
    await withRule('extension_years', 2, async () => {
      expect(await change('extendStatus', { nomadId: id })).toEqual({ nomadId: id, userErrors: [] });
    });
    expect((await periodsOf(id)).at(-1)).toMatchObject({ kind: 'EXTENSION_1_YEAR', validFrom: '2026-11-30', validUntil: '2028-11-29' });
  });

  it('is the extension\'s alone: a renewal stays one year whatever extension_years says', async () => {
    const { id } = await holder(ACTIVE_EXTENDED);
    await withRule('extension_years', 2, async () => {
      expect(await change('renewStatus', { nomadId: id })).toEqual({ nomadId: id, userErrors: [] });
    });
    expect((await periodsOf(id)).at(-1)).toMatchObject({ kind: 'RENEWAL', validFrom: '2027-01-24', validUntil: '2028-01-23' });
  });

  it('is granted whenever the initial period runs: the renewal window is for renewals only', async () => {
    // The initial period began four days ago and ends 2027-01-18, 55 days from today: outside
    // a 10-day window, which an extension does not wait for.
    const { id } = await holder([['INITIAL_60_DAYS', '2026-11-20', '2027-01-18']]);
    await withRule('renewal_window_days', 10, async () => {
      expect(await change('extendStatus', { nomadId: id })).toEqual({ nomadId: id, userErrors: [] });
    });
    expect((await periodsOf(id)).at(-1)).toMatchObject({ kind: 'EXTENSION_1_YEAR', validFrom: '2027-01-19', validUntil: '2028-01-18' });
  });
});

describe('one change per idempotency key', () => {
  it('repeats the answer of the first request under the same key and adds no second period or event', async () => {
    const { id } = await holder(ACTIVE_INITIAL);
    const keyed = ctxFor(['migration_officer'], `k-${id}`);
    expect(await change('extendStatus', { nomadId: id }, keyed)).toEqual({ nomadId: id, userErrors: [] });
    expect(await change('extendStatus', { nomadId: id }, keyed)).toEqual({ nomadId: id, userErrors: [] });
    expect((await periodsOf(id)).map((p) => p.kind)).toEqual(['INITIAL_60_DAYS', 'EXTENSION_1_YEAR']);
    expect((await outboxOf(id)).map((o) => o.type)).toEqual(['StatusExtended']);
  });
});

describe('the passport outlives the new period', () => {
  it('refuses an extension when the passport expires on its last day, grants it when it expires the day after', async () => {
    const refused = await holder(ACTIVE_INITIAL, [], '2027-11-29');
    expect(await change('extendStatus', { nomadId: refused.id })).toEqual({
      nomadId: null,
      userErrors: [
        { code: 'PASSPORT_EXPIRES_TOO_SOON', field: 'input.nomadId', message: 'The passport on record expires on 2027-11-29; it must be valid after 2027-11-29, the last day of the new period.' },
      ],
    });
    expect(await periodsOf(refused.id)).toHaveLength(1);
    const granted = await holder(ACTIVE_INITIAL, [], '2027-11-30');
    expect(await change('extendStatus', { nomadId: granted.id })).toEqual({ nomadId: granted.id, userErrors: [] });
  });

  it('refuses a renewal the passport would not outlive', async () => {
    const refused = await holder(ACTIVE_EXTENDED, [], '2028-01-23');
    expect((await change('renewStatus', { nomadId: refused.id })).userErrors.map((e) => [e.code, e.field])).toEqual([['PASSPORT_EXPIRES_TOO_SOON', 'input.nomadId']]);
    expect(await periodsOf(refused.id)).toHaveLength(2);
    const granted = await holder(ACTIVE_EXTENDED, [], '2028-01-24');
    expect(await change('renewStatus', { nomadId: granted.id })).toEqual({ nomadId: granted.id, userErrors: [] });
  });
});

describe('the ceiling is per person, from the first grant', () => {
  // The current chain starts 2026-10-01 and its extension would end 2027-11-29: allowed when
  // the person's first grant was on 2017-11-30 or later. The earlier run here is one 60-day
  // period: counting only the days held would leave years of room, the first grant does not.
  const current: PeriodSpec[] = [['INITIAL_60_DAYS', '2026-10-01', '2026-11-29']];
  const refusedAt = (ceiling: string) => ({
    nomadId: null,
    userErrors: [{ code: 'STATUS_CEILING_REACHED', field: 'input.nomadId', message: `The status may not run past ${ceiling}: 10 years from the first grant.` }],
  });

  it('keeps the first ceiling after an expiry: exactly at it is allowed, a first grant a day earlier is not', async () => {
    const exact = await holder([['INITIAL_60_DAYS', '2017-11-30', '2018-01-28'], ...current]);
    expect(await change('extendStatus', { nomadId: exact.id })).toEqual({ nomadId: exact.id, userErrors: [] });
    expect((await periodsOf(exact.id)).at(-1)).toMatchObject({ validFrom: '2026-11-30', validUntil: '2027-11-29' });
    const over = await holder([['INITIAL_60_DAYS', '2017-11-29', '2018-01-27'], ...current]);
    expect(await change('extendStatus', { nomadId: over.id })).toEqual(refusedAt('2027-11-28'));
    expect(await periodsOf(over.id)).toHaveLength(2);
  });

  it('keeps the first ceiling after a revocation, however early it came', async () => {
    const over = await holder([['INITIAL_60_DAYS', '2017-11-29', '2018-01-27'], ...current], [['REVOKED', '2017-12-01']]);
    expect(await change('extendStatus', { nomadId: over.id })).toEqual(refusedAt('2027-11-28'));
  });

  it('shows the person\'s ceiling on Nomad.status, counted from a pilot period', async () => {
    const { id } = await holder([['PILOT_2022_2024', '2022-03-01', '2024-12-31'], ['INITIAL_60_DAYS', '2025-01-10', '2025-03-10'], ...current]);
    const nomad = (await database.db.select().from(schema.nomads).where(eq(schema.nomads.id, id)))[0];
    if (!nomad) throw new Error('no nomad');
    expect(await readStatus(ctxFor(), nomad, TODAY, 'Nomad.status')).toMatchObject({ state: 'ACTIVE', chainStartedOn: '2026-10-01', ceilingOn: '2032-02-29' });
  });
});

describe('suspension and reinstatement', () => {
  it('suspends an active status with a reason, trimmed, from today', async () => {
    const { id, pin } = await holder(ACTIVE_INITIAL);
    expect(await change('suspendStatus', { nomadId: id, reason: '  tax debt  ' })).toEqual({ nomadId: id, userErrors: [] });
    const periods = await periodsOf(id);
    expect(await eventsOf(id)).toMatchObject([{ kind: 'SUSPENDED', effectiveOn: TODAY, reason: 'tax debt', actor: 'officer-7', periodId: periods[0]?.id }]);
    expect((await outboxOf(id))[0]).toMatchObject({ type: 'StatusSuspended', payload: { nomadId: id, pin, ground: 'tax debt', at: '2026-11-24T06:00:00.000Z' } });
  });

  it('requires a reason, naming input.reason', async () => {
    const { id } = await holder(ACTIVE_INITIAL);
    const required = { nomadId: null, userErrors: [{ code: 'REASON_REQUIRED', field: 'input.reason', message: 'Give the reason for the suspension.' }] };
    expect(await change('suspendStatus', { nomadId: id, reason: '   ' })).toEqual(required);
    expect(await change('suspendStatus', { nomadId: id })).toEqual(required);
    expect(await eventsOf(id)).toEqual([]);
  });

  it('suspends only an active status', async () => {
    const { id } = await holder(ACTIVE_INITIAL, [['SUSPENDED', '2026-11-01']]);
    expect(await change('suspendStatus', { nomadId: id, reason: 'again' })).toEqual(invalid('A status that is SUSPENDED cannot be suspended.'));
  });

  it('reinstates a suspended status; a blank reason is none', async () => {
    const { id, pin } = await holder(ACTIVE_INITIAL, [['SUSPENDED', '2026-11-01']]);
    expect(await change('reinstateStatus', { nomadId: id, reason: '  ' })).toEqual({ nomadId: id, userErrors: [] });
    expect((await eventsOf(id)).at(-1)).toMatchObject({ kind: 'REINSTATED', effectiveOn: TODAY, reason: null });
    expect((await outboxOf(id))[0]).toMatchObject({ type: 'StatusReinstated', payload: { nomadId: id, pin, at: '2026-11-24T06:00:00.000Z' } });
    const other = await holder(ACTIVE_INITIAL, [['SUSPENDED', '2026-11-01']]);
    await change('reinstateStatus', { nomadId: other.id, reason: ' paid ' });
    expect((await eventsOf(other.id)).at(-1)).toMatchObject({ kind: 'REINSTATED', reason: 'paid' });
  });

  it('reinstates with no reason given at all', async () => {
    const { id } = await holder(ACTIVE_INITIAL, [['SUSPENDED', '2026-11-01']]);
    expect(await change('reinstateStatus', { nomadId: id })).toEqual({ nomadId: id, userErrors: [] });
    expect((await eventsOf(id)).at(-1)).toMatchObject({ kind: 'REINSTATED', reason: null });
  });

  it('reinstates only a suspended status', async () => {
    const { id } = await holder(ACTIVE_INITIAL);
    expect(await change('reinstateStatus', { nomadId: id })).toEqual(invalid('Only a suspended status can be reinstated; this one is ACTIVE.'));
  });
});

describe('revocation', () => {
  it('revokes an active status with its ground; the holder has 15 days to leave', async () => {
    const { id, pin } = await holder(ACTIVE_INITIAL);
    expect(await change('revokeStatus', { nomadId: id, ground: 'RULES_BREACH', reason: ' fraud ' })).toEqual({ nomadId: id, userErrors: [] });
    expect(await eventsOf(id)).toMatchObject([{ kind: 'REVOKED', effectiveOn: TODAY, revocationGround: 'RULES_BREACH', reason: 'fraud', exitDeadlineOn: '2026-12-09', actor: 'officer-7' }]);
    expect((await outboxOf(id))[0]).toMatchObject({
      type: 'StatusRevoked',
      payload: { nomadId: id, pin, ground: 'RULES_BREACH', revokedAt: '2026-11-24T06:00:00.000Z', exitDeadline: '2026-12-09' },
    });
  });

  it('revokes a suspended status too; a blank reason is none', async () => {
    const { id } = await holder(ACTIVE_INITIAL, [['SUSPENDED', '2026-11-01']]);
    expect(await change('revokeStatus', { nomadId: id, ground: 'NATIONAL_SECURITY_THREAT', reason: ' ' })).toEqual({ nomadId: id, userErrors: [] });
    expect((await eventsOf(id)).at(-1)).toMatchObject({ kind: 'REVOKED', reason: null, exitDeadlineOn: '2026-12-09' });
  });

  it('revokes with a ground and no reason given at all', async () => {
    const { id } = await holder(ACTIVE_INITIAL);
    expect(await change('revokeStatus', { nomadId: id, ground: 'RULES_BREACH' })).toEqual({ nomadId: id, userErrors: [] });
    expect(await eventsOf(id)).toMatchObject([{ kind: 'REVOKED', reason: null, exitDeadlineOn: '2026-12-09' }]);
  });

  it('requires a ground, and refuses a revoked or expired status', async () => {
    const active = await holder(ACTIVE_INITIAL);
    expect(await change('revokeStatus', { nomadId: active.id })).toEqual({
      nomadId: null,
      userErrors: [{ code: 'GROUND_REQUIRED', field: 'input.ground', message: 'Give the ground for the revocation.' }],
    });
    const revoked = await holder(ACTIVE_INITIAL, [['REVOKED', '2026-11-01']]);
    expect(await change('revokeStatus', { nomadId: revoked.id, ground: 'RULES_BREACH' })).toEqual(invalid('A status that is REVOKED cannot be revoked.'));
    const expired = await holder([['INITIAL_60_DAYS', '2026-01-01', '2026-03-01']]);
    expect(await change('revokeStatus', { nomadId: expired.id, ground: 'RULES_BREACH' })).toEqual(invalid('A status that is EXPIRED cannot be revoked.'));
    expect(await eventsOf(active.id)).toEqual([]);
  });
});
