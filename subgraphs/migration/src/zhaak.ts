import type { MigrationDb } from './db/index.ts';
import { takeZhaakSerial } from './modules/nomads/queries.ts';
import { isValidDate } from './clock.ts';
import { formatPin } from '@nomad/kit';

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

/** The message names the condition only, never the person's data (it may reach a log). */
export class ZhaakError extends Error {
  override name = 'ZhaakError';
}

export const MAX_SERIAL = 99_999;

/**
 * Issues PINs from a per-birth-date counter. The counter row is incremented with one atomic
 * upsert, so concurrent approvals of people born the same day get distinct serials. It runs
 * on its own connection, as a call to an external system would: a serial taken by an
 * approval that later rolls back is simply never used. Its statement runs on the pool it was
 * given, not the request's counted view, so it is not one of the operation's SQL statements
 * (`extensions.sqlStatements`, `nomad_sql_statements_total`), as a real ZHAAK's call would not be.
 */
export function embeddedZhaak(db: MigrationDb): Zhaak {
  return {
    async assignPin(request) {
      if (!isValidDate(request.dateOfBirth)) throw new ZhaakError('invalid birth date');
      const serial = await takeZhaakSerial(db, { dateOfBirth: request.dateOfBirth });
      if (serial === null) throw new ZhaakError('no serial returned');
      if (serial > MAX_SERIAL) throw new ZhaakError('no PIN serial left for the birth date');
      return formatPin(request.sex, request.dateOfBirth, serial);
    },
  };
}
