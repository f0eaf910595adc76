/**
 * The PIN layout of DOMAIN.md ("Identifiers") written out a second time, for tests only: a test
 * that checked PINs with the kit's own `isValidPin` or `pinMatches` would pass whatever those
 * functions got wrong. Sex digit 1 for a woman and 2 for a man, the birth date as DDMMYYYY,
 * then a 5-digit serial.
 */
export function expectedPinPattern(person: { sex: 'MALE' | 'FEMALE'; dateOfBirth: string }): RegExp {
  const [year, month, day] = person.dateOfBirth.split('-');
  return new RegExp(`^${person.sex === 'FEMALE' ? '1' : '2'}${day}${month}${year}[0-9]{5}$`);
}
