import { describe, expect, it } from 'vitest';
import { addWorkingDays, bishkekDate } from '@nomad/kit';
import { expectedPinPattern } from '@nomad/kit/testing';
import { DEMO_NOMAD_ID, sampleWorld, sampleWorldChunks, SAMPLE_RULES } from './index.ts';
import { SAMPLE_MIGRATION_UNITS, sampleDecidingUnit } from './decisions.ts';

const TODAY = '2026-11-24';

describe('sampleWorld', () => {
  it('is the same world on every draw with the same options, and another with another seed', () => {
    const a = sampleWorld({ today: TODAY, nomads: 120 });
    expect(a.nomadRows).toHaveLength(120);
    expect(sampleWorld({ today: TODAY, nomads: 120 })).toEqual(a);
    const other = sampleWorld({ today: TODAY, nomads: 120, seed: 7 });
    expect(other.nomadRows.map((n) => n.surname)).not.toEqual(a.nomadRows.map((n) => n.surname));
  });

  it('starts with the demo nomad and gives every application state to one of the first seven', () => {
    const world = sampleWorld({ today: TODAY, nomads: 7 });
    expect(world.nomadRows[0]?.id).toBe(DEMO_NOMAD_ID);
    expect(new Set(world.applicationRows.map((a) => a.state)).size).toBe(7);
  });

  it('gives approved nomads well-formed PINs of their own sex and birth date, serials ZHAAK can continue', () => {
    const world = sampleWorld({ today: TODAY });
    const holders = world.nomadRows.filter((n) => n.pin !== null);
    expect(holders.length).toBeGreaterThan(50);
    // One written out by hand: a woman born 2 August 1995, the first serial of that day.
    expect(world.nomadRows[3]).toMatchObject({ sex: 'FEMALE', dateOfBirth: '1995-08-02', pin: '10208199500001' });
    for (const n of holders) expect(n.pin).toMatch(expectedPinPattern(n));
    expect(new Set(holders.map((n) => n.pin)).size).toBe(holders.length);
    const serialSum = world.serials.reduce((sum, s) => sum + s.lastSerial, 0);
    expect(serialSum).toBe(holders.length);
  });

  it("gives every decided application one of migration's units, read off its number, and no other application a unit", () => {
    const world = sampleWorld({ today: TODAY });
    const decided = world.applicationRows.filter((a) => a.state === 'APPROVED' || a.state === 'REFUSED');
    for (const a of world.applicationRows) expect(a.decidedUnit).toBe(decided.includes(a) ? sampleDecidingUnit(a.number) : undefined);
    const perUnit = new Map<string, number>();
    for (const a of decided) perUnit.set(a.decidedUnit ?? '', (perUnit.get(a.decidedUnit ?? '') ?? 0) + 1);
    // Every unit decides, each at least k = 5 times in the default sample: the dimension shows numbers.
    expect([...perUnit.keys()].sort()).toEqual(SAMPLE_MIGRATION_UNITS.map(([unit]) => unit).sort());
    for (const n of perUnit.values()) expect(n).toBeGreaterThanOrEqual(5);
    expect(perUnit.get('bishkek')).toBeGreaterThan(perUnit.get('naryn-region') ?? 0);
  });

  it('numbers applications consecutively and reports the last number used', () => {
    const world = sampleWorld({ today: TODAY, nomads: 30 });
    const numbers = world.applicationRows.map((a) => Number(a.number));
    expect(numbers).toEqual(numbers.map((_, i) => 10000001 + i));
    expect(world.lastNumber).toBe(10000030);
  });

  it('draws review deadlines around the holidays it is given', () => {
    const holidays = new Set(['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19']);
    const world = sampleWorld({ today: TODAY, holidays });
    const first = world.applicationRows[0];
    expect(first).toBeDefined();
    for (const a of world.applicationRows) {
      expect(a.reviewDeadlineOn).toBe(addWorkingDays(bishkekDate(new Date(a.submittedAt)), SAMPLE_RULES.review_working_days, holidays));
    }
    const plain = sampleWorld({ today: TODAY });
    expect(plain.applicationRows.map((a) => a.reviewDeadlineOn)).not.toEqual(world.applicationRows.map((a) => a.reviewDeadlineOn));
  });

  it('gives each status period a grant event and ends expired ones with an expiry after their last day', () => {
    const world = sampleWorld({ today: TODAY });
    expect(world.periodRows.length).toBeGreaterThan(0);
    const grants = new Set(world.eventRows.filter((e) => ['GRANTED', 'EXTENDED', 'RENEWED'].includes(e.kind)).map((e) => e.periodId));
    for (const p of world.periodRows) expect(grants.has(p.id)).toBe(true);
    const expiries = world.eventRows.filter((e) => e.kind === 'EXPIRED');
    expect(expiries.length).toBeGreaterThan(0);
    for (const e of expiries) {
      const period = world.periodRows.find((p) => p.id === e.periodId);
      expect(period && period.validUntil < e.effectiveOn).toBe(true);
    }
  });

  it('leaves active statuses ending within 30 days for the expiring-status queue', () => {
    const world = sampleWorld({ today: TODAY });
    const ended = new Set(world.eventRows.filter((e) => e.kind === 'EXPIRED' || e.kind === 'REVOKED').map((e) => e.nomadId));
    const lastDay = new Map<string, string>();
    for (const p of world.periodRows) if (p.validUntil > (lastDay.get(p.nomadId) ?? '')) lastDay.set(p.nomadId, p.validUntil);
    const soon = [...lastDay].filter(([nomadId, day]) => !ended.has(nomadId) && day >= TODAY && day <= '2026-12-24');
    expect(soon.length).toBeGreaterThanOrEqual(3);
  });

  it('draws the same world in chunks as in one piece (ids, PINs, numbers, serials), and a ten-year program too', () => {
    for (const options of [{ today: TODAY, nomads: 230 }, { today: TODAY, nomads: 230, years: 10 }]) {
      const whole = sampleWorld(options);
      const chunks = [...sampleWorldChunks(options, 70)];
      expect(chunks).toHaveLength(4);
      for (const key of ['nomadRows', 'applicationRows', 'documentRows', 'periodRows', 'eventRows'] as const) {
        expect(chunks.flatMap((c): unknown[] => c[key])).toEqual(whole[key]);
      }
      expect(chunks.at(-1)?.serials).toEqual(whole.serials);
      expect(chunks.slice(0, -1).every((c) => c.serials.length === 0)).toBe(true);
      expect(chunks.at(-1)?.lastNumber).toBe(whole.lastNumber);
    }
  });

  it('spreads a program of `years` over them, mostly holders, every state present', () => {
    const world = sampleWorld({ today: TODAY, nomads: 600, years: 10 });
    const first = world.applicationRows.map((a) => a.submittedAt.slice(0, 10)).sort()[0] ?? TODAY;
    expect(first < '2018-01-01').toBe(true);
    expect(new Set(world.applicationRows.map((a) => a.state)).size).toBe(7);
    const holders = world.nomadRows.filter((n) => n.pin !== null).length;
    expect(holders).toBeGreaterThan(600 * 0.6);
    expect(world.periodRows.length).toBeGreaterThan(holders * 2);
  });
});
