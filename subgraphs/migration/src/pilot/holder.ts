import { randomUUID } from 'node:crypto';
import { databaseErrorOf, pinMatches, type Logger } from '@nomad/kit';
import type { Clock } from '../clock.ts';
import type { MigrationDb } from '../db/index.ts';
import { reserveZhaakSerial } from '../modules/nomads/queries.ts';
import { insertPeriod, insertStatusEvent } from '../modules/status/queries.ts';
import type { Zhaak } from '../zhaak.ts';
import { announcePilotGrant, catchUpAnnouncement } from './announce.ts';
import { getIdentityByPassport, getNomadIdByPin, insertNomad, type RegisteredIdentity } from './queries.ts';
import { maskPassport, SkipCode, type PilotHolder, type SkipIssue } from './row.ts';

// Importing one holder that passed the row checks: the database checks, ZHAAK, the writes.

/** Names compared as intake stores them: upper-cased, single spaces. */
function sameName(a: string, b: string): boolean {
  return a.trim().toUpperCase().replace(/\s+/g, ' ') === b.trim().toUpperCase().replace(/\s+/g, ' ');
}

/** Why a row whose passport is already registered is skipped: a re-run, a portal record, or a clash. */
function registeredSkip(line: number, holder: PilotHolder, existing: RegisteredIdentity): SkipIssue {
  const passport = `${holder.passportCountry} ${maskPassport(holder.passportNumber)}`;
  const same =
    sameName(existing.surname, holder.surname) &&
    sameName(existing.givenNames, holder.givenNames) &&
    existing.dateOfBirth === holder.dateOfBirth &&
    existing.sex === holder.sex;
  if (!same) {
    return {
      line,
      code: SkipCode.PASSPORT_BELONGS_TO_ANOTHER_PERSON,
      column: 'passport_number',
      message: `Passport ${passport} is registered to a person with a different name, date of birth or sex.`,
    };
  }
  if (existing.source === 'PILOT_2022_2024') {
    return { line, code: SkipCode.ALREADY_IMPORTED, column: 'passport_number', message: `Passport ${passport} was imported from the pilot records before; nothing changed.` };
  }
  return {
    line,
    code: SkipCode.ALREADY_REGISTERED,
    column: 'passport_number',
    message: `Passport ${passport} belongs to a nomad registered through the portal; add the pilot period to that record by hand if it is missing.`,
  };
}

/** Thrown inside a row's transaction to roll it back and skip the row. */
class SkipRow extends Error {
  constructor(readonly issue: SkipIssue) {
    super(issue.code);
  }
}

/** Thrown at the end of a dry run's row transaction: everything checked, nothing kept. */
class DryRunRollback extends Error {}

/** What importing one holder needs besides the holder. */
export interface RowContext {
  line: number;
  zhaak: Zhaak;
  clock: Clock;
  actor: string;
  dryRun: boolean;
  logger: Logger | undefined;
}

/** A nomad created (in a dry run: would be), or a skip (of an earlier run's holder, perhaps announced now). */
export type RowOutcome = { nomadId: string } | { skip: SkipIssue; announcedNomadId?: string };

/**
 * Writes one holder: nomad, pilot period, GRANTED event, StatusGranted, all or nothing. A missing PIN is
 * asked of ZHAAK before the transaction opens (another system: no transaction stays open
 * across the call), and only once the passport is known to be new, so that a re-run does not
 * spend PINs on rows it will skip.
 */
export async function importHolder(db: MigrationDb, holder: PilotHolder, ctx: RowContext): Promise<RowOutcome> {
  const passport = { country: holder.passportCountry, number: holder.passportNumber };
  const registered = await getIdentityByPassport(db, passport);
  if (registered) return skipRegistered(db, holder, registered, ctx);

  const nomadId = randomUUID();
  const assigned = await pinFor(holder, nomadId, ctx);
  if ('skip' in assigned) return assigned;
  const write: HolderWrite = { nomadId, ...assigned, now: ctx.clock.now().toISOString() };
  try {
    await db.transaction((tx) => writeHolder(tx, holder, write, ctx));
  } catch (err) {
    if (err instanceof SkipRow) return { skip: err.issue };
    if (err instanceof DryRunRollback) return { nomadId };
    const refused = await refusedRow(db, err, holder, write, ctx.line);
    if (refused) return refused;
    throw err;
  }
  return { nomadId };
}

/** A passport already registered: skipped; an earlier run's holder never announced is announced now. */
async function skipRegistered(db: MigrationDb, holder: PilotHolder, registered: RegisteredIdentity, ctx: RowContext): Promise<RowOutcome> {
  const skip = registeredSkip(ctx.line, holder, registered);
  if (skip.code !== SkipCode.ALREADY_IMPORTED) return { skip };
  const done = skip.message.replace(/; nothing changed\.$/, '');
  const caughtUp = await catchUpAnnouncement(db, registered.id, ctx.dryRun);
  if (caughtUp === 'announced') {
    return { skip: { ...skip, message: `${done}; never announced, its grant is announced now.` }, announcedNomadId: registered.id };
  }
  if (caughtUp === 'released') {
    return { skip: { ...skip, message: `${done}; its grant waited behind facts the agencies refused before it, published again after it now.` } };
  }
  return { skip };
}

/** The PIN the holder is written with, and whether ZHAAK just assigned it. */
interface AssignedPin {
  pin: string | null;
  pinFromZhaak: boolean;
}

/** How one holder is written: its new id, its PIN, and the recording time. */
interface HolderWrite extends AssignedPin {
  nomadId: string;
  now: string;
}

/**
 * The row's PIN, or one ZHAAK assigns when the row has none (not in a dry run: a real ZHAAK would
 * issue it for good). A ZHAAK failure, or a PIN that does not encode the person, skips the row.
 */
async function pinFor(holder: PilotHolder, nomadId: string, ctx: RowContext): Promise<AssignedPin | { skip: SkipIssue }> {
  const { line } = ctx;
  const pinFromZhaak = holder.pin === null && !ctx.dryRun;
  if (!pinFromZhaak) return { pin: holder.pin, pinFromZhaak };
  const zhaakSkip = (message: string): { skip: SkipIssue } => ({ skip: { line, code: SkipCode.ZHAAK_UNAVAILABLE, column: 'pin', message } });
  let pin: string;
  try {
    pin = await ctx.zhaak.assignPin({ nomadId, dateOfBirth: holder.dateOfBirth, sex: holder.sex });
  } catch (err) {
    // The error's message may name the birth date: log its kind only.
    ctx.logger?.warn({ line, error: err instanceof Error ? err.name : 'unknown' }, 'ZHAAK did not assign a PIN');
    return zhaakSkip('ZHAAK could not assign a PIN; nothing was written for this row. Run the file again later.');
  }
  if (!pinMatches(pin, holder)) {
    ctx.logger?.warn({ line }, 'ZHAAK returned a PIN that does not encode the person');
    return zhaakSkip('ZHAAK returned a PIN that does not encode this sex and date_of_birth; nothing was written for this row.');
  }
  return { pin, pinFromZhaak };
}

/** The row's transaction: passport and PIN still free, then the records, then (not in a dry run) the announcement. */
async function writeHolder(tx: MigrationDb, holder: PilotHolder, write: HolderWrite, ctx: RowContext): Promise<void> {
  await checkStillFree(tx, holder, write, ctx.line);
  const period = await insertHolderRecords(tx, holder, write, ctx.actor);
  if (ctx.dryRun) throw new DryRunRollback();
  // Announced in the row's transaction; a re-run skips the row and finds it announced, so
  // it is published once. Not in a dry run: nothing is written there, and no PIN was asked for.
  if (write.pin === null) throw new Error('an imported holder has no PIN');
  await announcePilotGrant(tx, { nomadId: write.nomadId, pin: write.pin, validFrom: period.validFrom, validUntil: period.validUntil });
}

/**
 * Inside the transaction: the passport is still unregistered (another import may have taken it
 * meanwhile) and the PIN nobody's; a PIN from the file reserves its ZHAAK serial. Throws SkipRow.
 */
async function checkStillFree(tx: MigrationDb, holder: PilotHolder, { pin, pinFromZhaak }: HolderWrite, line: number): Promise<void> {
  const taken = await getIdentityByPassport(tx, { country: holder.passportCountry, number: holder.passportNumber });
  if (taken) throw new SkipRow(registeredSkip(line, holder, taken));
  if (pin === null) return;
  const owner = await getNomadIdByPin(tx, { pin });
  if (owner) {
    throw new SkipRow(
      pinFromZhaak
        ? { line, code: SkipCode.ZHAAK_UNAVAILABLE, column: 'pin', message: 'ZHAAK assigned a PIN that another nomad holds; nothing was written for this row.' }
        : { line, code: SkipCode.PIN_BELONGS_TO_ANOTHER_NOMAD, column: 'pin', message: 'pin is held by another nomad (a different passport).' },
    );
  }
  if (!pinFromZhaak) await reserveZhaakSerial(tx, { dateOfBirth: holder.dateOfBirth, serial: Number(pin.slice(9)) });
}

/** The nomad, the pilot period and its GRANTED event, all with the pilot as their source. Returns the period. */
async function insertHolderRecords(tx: MigrationDb, holder: PilotHolder, { nomadId, pin, now }: HolderWrite, actor: string) {
  await insertNomad(tx, {
    nomad: {
      id: nomadId,
      surname: holder.surname,
      givenNames: holder.givenNames,
      dateOfBirth: holder.dateOfBirth,
      sex: holder.sex,
      citizenship: holder.citizenship,
      passportCountry: holder.passportCountry,
      passportNumber: holder.passportNumber,
      passportExpiresOn: holder.passportExpiresOn,
      email: holder.email,
      pin,
      source: 'PILOT_2022_2024',
      createdAt: now,
      updatedAt: now,
    },
  });
  const period = await insertPeriod(tx, {
    period: {
      nomadId,
      kind: 'PILOT_2022_2024',
      validFrom: holder.validFrom,
      validUntil: holder.validUntil,
      grantedAt: now,
      grantedBy: actor,
      source: 'PILOT_2022_2024',
    },
  });
  await insertStatusEvent(tx, { event: { nomadId, kind: 'GRANTED', effectiveOn: holder.validFrom, actor, periodId: period.id, at: now } });
  return period;
}

/**
 * The skip for a database error that is this row's (a lost race on the passport or PIN, a data
 * or integrity error); null for any other, which stops the import.
 */
async function refusedRow(db: MigrationDb, err: unknown, holder: PilotHolder, { pinFromZhaak }: HolderWrite, line: number): Promise<RowOutcome | null> {
  const pg = databaseErrorOf(err);
  if (pg?.code === '23505' && pg.constraint === 'nomads_passport_key') {
    // Lost a race with another import of the same passport: classify as if it had come first.
    const winner = await getIdentityByPassport(db, { country: holder.passportCountry, number: holder.passportNumber });
    if (winner) return { skip: registeredSkip(line, holder, winner) };
  }
  if (pg?.code === '23505' && pg.constraint === 'nomads_pin_key') {
    return { skip: { line, code: pinFromZhaak ? SkipCode.ZHAAK_UNAVAILABLE : SkipCode.PIN_BELONGS_TO_ANOTHER_NOMAD, column: 'pin', message: 'pin is held by another nomad.' } };
  }
  // Data (22…) and integrity (23…) errors are this row's: skip it and go on. Only the
  // constraint is named; the driver's message and the query's parameters may hold personal data.
  if (pg && (pg.code.startsWith('22') || pg.code.startsWith('23'))) {
    return {
      skip: { line, code: SkipCode.DATABASE_REFUSED, column: null, message: `The database refused the row (SQLSTATE ${pg.code}${pg.constraint ? `, constraint ${pg.constraint}` : ''}).` },
    };
  }
  return null;
}
