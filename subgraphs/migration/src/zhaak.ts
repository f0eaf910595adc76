import { sql } from 'drizzle-orm';
import type { MigrationDb } from './db/index.ts';
import { zhaakSerials } from './db/schema.ts';
import { isValidDate } from './clock.ts';

/** A person as ZHAAK needs them to assign a PIN. */
export interface PinRequest {
  nomadId: string;
  dateOfBirth: string;
  sex: 'MALE' | 'FEMALE';
}

/**
 * The port to "ZHAAK", the automated system that assigns personal identification numbers.
 * Production plugs in a client of the real system; `embeddedZhaak` issues PINs locally.
 */
export interface Zhaak {
  /** Assigns a new PIN. Throws `ZhaakError` when the system cannot. */
  assignPin(request: PinRequest): Promise<string>;
}

export class ZhaakError extends Error {
  override name = 'ZhaakError';
}

/** Sex digit of the PIN as observed: 1 female, 2 male ([I] in DOMAIN.md). */
export function sexDigit(sex: 'MALE' | 'FEMALE'): '1' | '2' {
  return sex === 'FEMALE' ? '1' : '2';
}

/** 14 digits: sex digit, birth date DDMMYYYY, 5-digit serial. */
export function formatPin(sex: 'MALE' | 'FEMALE', dateOfBirth: string, serial: number): string {
  const [y, m, d] = dateOfBirth.split('-');
  return `${sexDigit(sex)}${d}${m}${y}${String(serial).padStart(5, '0')}`;
}

/** Well-formed: 14 digits, a sex digit of 1 or 2, a real date in positions 2–9. */
export function isValidPin(pin: string): boolean {
  if (!/^[12]\d{13}$/.test(pin)) return false;
  const day = pin.slice(1, 3);
  const month = pin.slice(3, 5);
  const year = pin.slice(5, 9);
  return isValidDate(`${year}-${month}-${day}`);
}

/** Whether a PIN encodes this person's sex and birth date. */
export function pinMatches(pin: string, person: { sex: 'MALE' | 'FEMALE'; dateOfBirth: string }): boolean {
  return isValidPin(pin) && pin.slice(0, 9) === formatPin(person.sex, person.dateOfBirth, 0).slice(0, 9);
}

export const MAX_SERIAL = 99_999;

/**
 * Issues PINs from a per-birth-date counter. The counter row is incremented with one atomic
 * upsert, so concurrent approvals of people born the same day get distinct serials. It runs
 * on its own connection, as a call to an external system would: a serial taken by an
 * approval that later rolls back is simply never used.
 */
export function embeddedZhaak(db: MigrationDb): Zhaak {
  return {
    async assignPin(request) {
      if (!isValidDate(request.dateOfBirth)) throw new ZhaakError('invalid birth date');
      const [row] = await db
        .insert(zhaakSerials)
        .values({ dateOfBirth: request.dateOfBirth, lastSerial: 1 })
        .onConflictDoUpdate({ target: zhaakSerials.dateOfBirth, set: { lastSerial: sql`${zhaakSerials.lastSerial} + 1` } })
        .returning({ serial: zhaakSerials.lastSerial });
      if (!row) throw new ZhaakError('no serial returned');
      if (row.serial > MAX_SERIAL) throw new ZhaakError(`no PIN serial left for birth date ${request.dateOfBirth}`);
      return formatPin(request.sex, request.dateOfBirth, row.serial);
    },
  };
}
