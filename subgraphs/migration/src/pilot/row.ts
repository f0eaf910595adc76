import { isValidDate } from '../clock.ts';
import type { Rules } from '../modules/rules/service.ts';
import { COUNTRY_CODE, isEmailAddress, isValidPin, LATIN_NAME, PASSPORT_NUMBER, pinMatches, type PersonIdentity } from '@nomad/kit';

/** The columns of a pilot file, as named in its header (order free, case-insensitive). */
export const PILOT_COLUMNS = [
  'surname',
  'given_names',
  'date_of_birth',
  'sex',
  'citizenship',
  'passport_country',
  'passport_number',
  'passport_expires_on',
  'email',
  'pin',
  'status_valid_from',
  'status_valid_until',
  'activity_code',
] as const;
export type PilotColumn = (typeof PILOT_COLUMNS)[number];

/** Columns a file may leave out (or leave empty): ZHAAK assigns a missing PIN; the activity is informative. */
export const OPTIONAL_COLUMNS: ReadonlySet<PilotColumn> = new Set<PilotColumn>(['pin', 'activity_code']);

const COLUMN_SET: ReadonlySet<string> = new Set(PILOT_COLUMNS);

export function isPilotColumn(name: string): name is PilotColumn {
  return COLUMN_SET.has(name);
}

/** `Given Names`, `given-names` and `GIVEN_NAMES` all name `given_names`. */
export function normaliseColumnName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Why a row was not imported. Stable codes: scripts and the JSON report switch on them; the
 * message is for the operator and never repeats the row's personal data.
 */
export const SkipCode = {
  /** The record has more or fewer values than the header has columns (often an unquoted comma). */
  COLUMN_COUNT: 'COLUMN_COUNT',
  MISSING_VALUE: 'MISSING_VALUE',
  INVALID_FORMAT: 'INVALID_FORMAT',
  INVALID_DATE: 'INVALID_DATE',
  DATE_OF_BIRTH_IN_FUTURE: 'DATE_OF_BIRTH_IN_FUTURE',
  /** `status_valid_until` before `status_valid_from`. */
  INVALID_PERIOD: 'INVALID_PERIOD',
  /** A status date outside the pilot's span (a sanity bound, see `PILOT_SPAN`). */
  PERIOD_OUT_OF_RANGE: 'PERIOD_OUT_OF_RANGE',
  /** Not 14 digits with a sex digit and a real birth date. */
  INVALID_PIN: 'INVALID_PIN',
  /** The PIN does not encode the row's sex and date of birth. */
  PIN_MISMATCH: 'PIN_MISMATCH',
  PIN_BELONGS_TO_ANOTHER_NOMAD: 'PIN_BELONGS_TO_ANOTHER_NOMAD',
  /** An earlier row of the same file has this passport (or PIN); the first one counts. */
  DUPLICATE_IN_FILE: 'DUPLICATE_IN_FILE',
  /** The passport is registered to the same person by an earlier pilot import. */
  ALREADY_IMPORTED: 'ALREADY_IMPORTED',
  /** The passport is registered to the same person through the portal: merging is a manual decision. */
  ALREADY_REGISTERED: 'ALREADY_REGISTERED',
  /** The passport is registered to someone with a different name, birth date or sex. */
  PASSPORT_BELONGS_TO_ANOTHER_PERSON: 'PASSPORT_BELONGS_TO_ANOTHER_PERSON',
  /** ZHAAK could not assign a PIN for a row without one; nothing was written for the row. */
  ZHAAK_UNAVAILABLE: 'ZHAAK_UNAVAILABLE',
  /** The database refused the row with a data or integrity error the checks did not foresee. */
  DATABASE_REFUSED: 'DATABASE_REFUSED',
} as const;
export type SkipCode = (typeof SkipCode)[keyof typeof SkipCode];

/** Facts worth a look that do not stop a row (or, for UNKNOWN_COLUMN, the file). */
export const WarningCode = {
  /** A header column the import does not know: its values are ignored. */
  UNKNOWN_COLUMN: 'UNKNOWN_COLUMN',
  /** The pilot admitted its own six citizenships; the decree's list is not applied to pilot holders. */
  CITIZENSHIP_NOT_ELIGIBLE: 'CITIZENSHIP_NOT_ELIGIBLE',
  ACTIVITY_NOT_ELIGIBLE: 'ACTIVITY_NOT_ELIGIBLE',
  /** The passport expired before the pilot period ended (usually renewed since): worth checking. */
  PASSPORT_EXPIRES_BEFORE_PERIOD_END: 'PASSPORT_EXPIRES_BEFORE_PERIOD_END',
} as const;
export type WarningCode = (typeof WarningCode)[keyof typeof WarningCode];

export interface ImportIssue<TCode extends string = string> {
  /** Line of the file where the row starts (1 is the header). */
  line: number;
  code: TCode;
  /** The column at fault; null when the whole row is. */
  column: PilotColumn | null;
  message: string;
}

export type SkipIssue = ImportIssue<SkipCode>;
export type WarningIssue = ImportIssue<WarningCode>;

/** A row that passed every check that needs no database. */
export interface PilotHolder extends PersonIdentity {
  /** As given in the file; null when ZHAAK is to assign one. */
  pin: string | null;
  validFrom: string;
  validUntil: string;
  activityCode: string | null;
}

/**
 * The pilot ran from August 2022 under three decrees repealed by decree No. 241 of 30 April
 * 2025. Its periods cannot start before it did; the end allows for periods granted before the
 * repeal and running on to their term. A sanity bound against typos (2202, 2062), not a rule.
 */
export const PILOT_SPAN = { firstDay: '2022-08-01', lastDay: '2025-12-31' } as const;

// Names, passports, countries and emails follow the kit's patterns, as intake does.
const ACTIVITY_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

const SEX: Readonly<Record<string, 'MALE' | 'FEMALE'>> = { M: 'MALE', MALE: 'MALE', F: 'FEMALE', FEMALE: 'FEMALE' };

/** The last three characters only: enough for an operator to find the row, not to copy the passport. */
export function maskPassport(number: string): string {
  return `***${number.slice(-3)}`;
}

export interface RowCheckContext {
  line: number;
  /** Bishkek date of the import. */
  today: string;
  rules: Pick<Rules, 'eligible_citizenships' | 'eligible_activities'>;
  span: { firstDay: string; lastDay: string };
}

export interface RowCheck {
  /** Set when `problems` is empty. */
  holder: PilotHolder | null;
  /** Every broken rule, in column order; the first is the reason the row is skipped. */
  problems: SkipIssue[];
  warnings: WarningIssue[];
}

/** The shared reader of one row: each read records the problem it finds and returns null. */
function rowReader(values: Partial<Record<PilotColumn, string>>, ctx: RowCheckContext) {
  const problems: SkipIssue[] = [];
  const warnings: WarningIssue[] = [];
  const { line } = ctx;
  const problem = (code: SkipCode, column: PilotColumn | null, message: string) => problems.push({ line, code, column, message });
  const warn = (code: WarningCode, column: PilotColumn | null, message: string) => warnings.push({ line, code, column, message });
  const get = (column: PilotColumn): string => (values[column] ?? '').trim();
  /** A required value; records MISSING_VALUE and returns null when empty. */
  const required = (column: PilotColumn): string | null => {
    const value = get(column);
    if (value === '') {
      problem(SkipCode.MISSING_VALUE, column, `${column} is empty; it is required.`);
      return null;
    }
    return value;
  };
  /** A name in Latin letters, upper-cased with single spaces as intake stores it. */
  const name = (column: 'surname' | 'given_names'): string | null => {
    const value = required(column);
    if (value === null) return null;
    if (!LATIN_NAME.test(value)) {
      problem(SkipCode.INVALID_FORMAT, column, `${column} must be written in Latin letters (spaces, hyphens and apostrophes allowed) as in the passport.`);
      return null;
    }
    return value.toUpperCase().replace(/\s+/g, ' ');
  };
  /** A real calendar date, YYYY-MM-DD. */
  const day = (column: PilotColumn): string | null => {
    const value = required(column);
    if (value === null) return null;
    if (!isValidDate(value)) {
      problem(SkipCode.INVALID_DATE, column, `${column} is not a real calendar date in the form YYYY-MM-DD.`);
      return null;
    }
    return value;
  };
  /** An ISO 3166-1 alpha-3 code, upper-cased. */
  const country = (column: 'citizenship' | 'passport_country'): string | null => {
    const value = required(column)?.toUpperCase() ?? null;
    if (value === null) return null;
    if (!COUNTRY_CODE.test(value)) {
      problem(SkipCode.INVALID_FORMAT, column, `${column} must be an ISO 3166-1 alpha-3 code, e.g. KAZ.`);
      return null;
    }
    return value;
  };
  /** A status date inside the pilot's span. */
  const inSpan = (column: 'status_valid_from' | 'status_valid_until', value: string | null): string | null => {
    if (value === null) return null;
    if (value < ctx.span.firstDay || value > ctx.span.lastDay) {
      problem(SkipCode.PERIOD_OUT_OF_RANGE, column, `${column} must fall within the pilot, ${ctx.span.firstDay} to ${ctx.span.lastDay}.`);
      return null;
    }
    return value;
  };
  return { ctx, problems, warnings, problem, warn, get, required, name, day, country, inSpan };
}
type RowReader = ReturnType<typeof rowReader>;

/** Every field of a holder, null where the row's value failed its check. */
type HolderDraft = { [K in keyof PilotHolder]: PilotHolder[K] | null };

/** Surname, given names, a past date of birth, sex and citizenship (warned, not skipped, off the decree's list). */
function readPerson(r: RowReader): Pick<HolderDraft, 'surname' | 'givenNames' | 'dateOfBirth' | 'sex' | 'citizenship'> {
  const surname = r.name('surname');
  const givenNames = r.name('given_names');

  let dateOfBirth = r.day('date_of_birth');
  if (dateOfBirth !== null && dateOfBirth >= r.ctx.today) {
    r.problem(SkipCode.DATE_OF_BIRTH_IN_FUTURE, 'date_of_birth', 'date_of_birth must be in the past.');
    dateOfBirth = null;
  }

  const sexValue = r.required('sex');
  const sex = sexValue === null ? null : (SEX[sexValue.toUpperCase()] ?? null);
  if (sexValue !== null && sex === null) r.problem(SkipCode.INVALID_FORMAT, 'sex', 'sex must be M, F, MALE or FEMALE.');

  const citizenship = r.country('citizenship');
  if (citizenship !== null && !r.ctx.rules.eligible_citizenships.includes(citizenship)) {
    // Not a skip: the holder was admitted under the pilot's rules, not the decree's.
    r.warn(WarningCode.CITIZENSHIP_NOT_ELIGIBLE, 'citizenship', `Citizenship ${citizenship} is not on the decree's eligible list; imported as a pilot holder, check before any renewal.`);
  }
  return { surname, givenNames, dateOfBirth, sex, citizenship };
}

/** Passport country, number and expiry, then the email (the file's column order). */
function readPassportAndEmail(r: RowReader): Pick<HolderDraft, 'passportCountry' | 'passportNumber' | 'passportExpiresOn' | 'email'> {
  const passportCountry = r.country('passport_country');

  const passportValue = r.required('passport_number')?.toUpperCase() ?? null;
  const passportNumber = passportValue !== null && PASSPORT_NUMBER.test(passportValue) ? passportValue : null;
  if (passportValue !== null && passportNumber === null) {
    r.problem(SkipCode.INVALID_FORMAT, 'passport_number', 'passport_number must be 5–20 capital letters and digits.');
  }
  const passportExpiresOn = r.day('passport_expires_on');

  const emailValue = r.required('email');
  const email = emailValue !== null && isEmailAddress(emailValue) ? emailValue.toLowerCase() : null;
  if (emailValue !== null && email === null) r.problem(SkipCode.INVALID_FORMAT, 'email', 'email is not a valid email address.');
  return { passportCountry, passportNumber, passportExpiresOn, email };
}

/** The optional PIN: well formed and, when sex and birth date passed, encoding them. Null when absent or wrong. */
function readPin(r: RowReader, person: Pick<HolderDraft, 'sex' | 'dateOfBirth'>): string | null {
  const pinValue = r.get('pin');
  if (pinValue === '') return null;
  const { sex, dateOfBirth } = person;
  if (!isValidPin(pinValue)) {
    r.problem(SkipCode.INVALID_PIN, 'pin', 'pin must be 14 digits: a sex digit (1 or 2), the birth date as DDMMYYYY and a 5-digit serial.');
  } else if (dateOfBirth !== null && sex !== null && !pinMatches(pinValue, { sex, dateOfBirth })) {
    r.problem(SkipCode.PIN_MISMATCH, 'pin', 'pin does not encode the sex and date_of_birth of this row.');
  } else {
    return pinValue;
  }
  return null;
}

/** The status period: both ends in the pilot's span, in order; warns when the passport expires first. */
function readPeriod(r: RowReader, passportExpiresOn: string | null): Pick<HolderDraft, 'validFrom' | 'validUntil'> {
  const validFrom = r.inSpan('status_valid_from', r.day('status_valid_from'));
  let validUntil = r.inSpan('status_valid_until', r.day('status_valid_until'));
  if (validFrom !== null && validUntil !== null && validUntil < validFrom) {
    r.problem(SkipCode.INVALID_PERIOD, 'status_valid_until', 'status_valid_until is before status_valid_from.');
    validUntil = null;
  }
  if (passportExpiresOn !== null && validUntil !== null && passportExpiresOn < validUntil) {
    // Intake would refuse this for a new period; for a past one the passport was usually renewed.
    r.warn(WarningCode.PASSPORT_EXPIRES_BEFORE_PERIOD_END, 'passport_expires_on', 'The passport expires before status_valid_until; the holder may have a newer passport.');
  }
  return { validFrom, validUntil };
}

/** The optional activity code: informative, so one off the decree's list is only warned about. */
function readActivity(r: RowReader): string | null {
  const activityValue = r.get('activity_code').toUpperCase();
  if (activityValue === '') return null;
  if (!ACTIVITY_CODE.test(activityValue)) {
    r.problem(SkipCode.INVALID_FORMAT, 'activity_code', 'activity_code must be a code such as SOFTWARE_DEVELOPMENT.');
    return null;
  }
  if (!r.ctx.rules.eligible_activities.some((a) => a.code === activityValue)) {
    r.warn(WarningCode.ACTIVITY_NOT_ELIGIBLE, 'activity_code', `Activity ${activityValue} is not on the decree's list of eligible activities.`);
  }
  return activityValue;
}

/** The holder when every required field passed; null otherwise. */
function completeHolder(d: HolderDraft): PilotHolder | null {
  const { surname, givenNames, dateOfBirth, sex, citizenship, passportCountry, passportNumber, passportExpiresOn, email, pin, validFrom, validUntil, activityCode } = d;
  if (
    surname === null ||
    givenNames === null ||
    dateOfBirth === null ||
    sex === null ||
    citizenship === null ||
    passportCountry === null ||
    passportNumber === null ||
    passportExpiresOn === null ||
    email === null ||
    validFrom === null ||
    validUntil === null
  ) {
    return null;
  }
  return { surname, givenNames, dateOfBirth, sex, citizenship, passportCountry, passportNumber, passportExpiresOn, email, pin, validFrom, validUntil, activityCode };
}

/**
 * Checks one row against every rule that needs no database lookup, as intake does (Latin
 * names, ISO alpha-3, real dates, email), plus the pilot's own: a well-formed PIN that encodes
 * the person, a period inside the pilot's span. Pure: rule values come in as data. Values
 * are trimmed; codes and passport numbers upper-cased, names upper-cased as intake stores them.
 */
export function checkPilotRow(values: Partial<Record<PilotColumn, string>>, ctx: RowCheckContext): RowCheck {
  const r = rowReader(values, ctx);
  // Each step reads its columns in file order, so problems come out in column order.
  const person = readPerson(r);
  const passport = readPassportAndEmail(r);
  const pin = readPin(r, person);
  const period = readPeriod(r, passport.passportExpiresOn);
  const activityCode = readActivity(r);
  const holder = r.problems.length > 0 ? null : completeHolder({ ...person, ...passport, pin, ...period, activityCode });
  return { holder, problems: r.problems, warnings: r.warnings };
}
