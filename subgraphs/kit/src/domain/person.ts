import type { Sex } from './pin.ts';

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
