import type { Sex } from './pin.ts';

// A person's particulars as the decree's forms take them (intake, the pilot import, reports).

/** ISO 3166-1 alpha-3 country code, e.g. `KAZ`. */
export const COUNTRY_CODE = /^[A-Z]{3}$/;

/** Kyrgyzstan: an employer or client here is not foreign, so its work is not remote work. */
export const HOME_COUNTRY = 'KGZ';

/** A name in Latin script as in the passport: letters, spaces, hyphens, apostrophes; up to 100. */
export const LATIN_NAME = /^[A-Za-z][A-Za-z' -]{0,99}$/;

/** A passport number: 5–20 capital letters and digits. */
export const PASSPORT_NUMBER = /^[A-Z0-9]{5,20}$/;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

/** An email address: local part, `@`, a dotted domain; 320 characters at most (RFC 3696). */
export function isEmailAddress(value: string): boolean {
  return value.length <= 320 && EMAIL.test(value);
}

/** A person as their passport names them: what migration records and the pilot file carries. */
export interface PersonIdentity {
  /** Latin script, as in the passport. */
  surname: string;
  givenNames: string;
  dateOfBirth: string;
  sex: Sex;
  /** ISO 3166-1 alpha-3. */
  citizenship: string;
  passportCountry: string;
  passportNumber: string;
  passportExpiresOn: string;
  email: string;
}
