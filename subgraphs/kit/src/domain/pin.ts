import { isIsoDate } from '../graphql/shared.ts';

// The personal identification number ("PIN", DOMAIN.md "Identifiers"): one definition for
// migration (which issues it through ZHAAK), tax (which receives it) and the sample world.

export type Sex = 'MALE' | 'FEMALE';

/** Sex digit of the PIN as observed: 1 female, 2 male ([I] in DOMAIN.md). */
export function sexDigit(sex: Sex): '1' | '2' {
  return sex === 'FEMALE' ? '1' : '2';
}

/** 14 digits: sex digit, birth date DDMMYYYY, 5-digit serial. */
export function formatPin(sex: Sex, dateOfBirth: string, serial: number): string {
  const [y, m, d] = dateOfBirth.split('-');
  return `${sexDigit(sex)}${d}${m}${y}${String(serial).padStart(5, '0')}`;
}

/**
 * The PIN's shape: 14 digits, the first 1 or 2. Databases hold it as a CHECK constraint built
 * from this pattern's source; `isValidPin` also checks the birth date inside.
 */
export const PIN_PATTERN = /^[12][0-9]{13}$/;

/** Well-formed: 14 digits, a sex digit of 1 or 2, a real date in positions 2–9. */
export function isValidPin(pin: string): boolean {
  if (!PIN_PATTERN.test(pin)) return false;
  const day = pin.slice(1, 3);
  const month = pin.slice(3, 5);
  const year = pin.slice(5, 9);
  return isIsoDate(`${year}-${month}-${day}`);
}

/** Whether a PIN encodes this person's sex and birth date. */
export function pinMatches(pin: string, person: { sex: Sex; dateOfBirth: string }): boolean {
  return isValidPin(pin) && pin.slice(0, 9) === formatPin(person.sex, person.dateOfBirth, 0).slice(0, 9);
}
