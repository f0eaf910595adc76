import { describe, expect, it } from 'vitest';
import {
  APPLICATION_NUMBER_PATTERN,
  COUNTRY_CODE,
  CURRENCY_CODE,
  currencyExponent,
  decimalAmount,
  formatMoney,
  formatPin,
  isCurrency,
  ISO_4217_EXPONENTS,
  isEmailAddress,
  isMinorAmount,
  isUuid,
  isValidPin,
  lastDayOfTerm,
  LATIN_NAME,
  PASSPORT_NUMBER,
  pinMatches,
  toUsdMinor,
} from './index.ts';

describe('PIN', () => {
  it('is the sex digit, the birth date DDMMYYYY and a 5-digit serial', () => {
    expect(formatPin('FEMALE', '1990-03-07', 42)).toBe('10703199000042');
    expect(formatPin('MALE', '1990-03-07', 1)).toBe('20703199000001');
  });

  it('is well-formed only with 14 digits, a sex digit of 1 or 2 and a real birth date', () => {
    expect(isValidPin('20703199000001')).toBe(true);
    expect(isValidPin('2070319900001')).toBe(false); // 13 digits
    expect(isValidPin('30703199000001')).toBe(false); // sex digit 3
    expect(isValidPin('23102199000001')).toBe(false); // 31 February
    expect(isValidPin('2070319900000a')).toBe(false);
  });

  it("matches a person only when it encodes their sex and birth date", () => {
    const pin = formatPin('FEMALE', '1988-12-31', 7);
    expect(pinMatches(pin, { sex: 'FEMALE', dateOfBirth: '1988-12-31' })).toBe(true);
    expect(pinMatches(pin, { sex: 'MALE', dateOfBirth: '1988-12-31' })).toBe(false);
    expect(pinMatches(pin, { sex: 'FEMALE', dateOfBirth: '1988-12-30' })).toBe(false);
  });
});

describe('identifiers', () => {
  it('accepts a UUID in either case and nothing else', () => {
    expect(isUuid('7c9e6679-7425-40de-944b-e07fc1f90ae7')).toBe(true);
    expect(isUuid('7C9E6679-7425-40DE-944B-E07FC1F90AE7')).toBe(true);
    expect(isUuid('7c9e6679-7425-40de-944b-e07fc1f90ae')).toBe(false);
    expect(isUuid("7c9e6679-7425-40de-944b-e07fc1f90ae7' or 1=1")).toBe(false);
  });

  it('takes application numbers of exactly 8 digits', () => {
    expect(APPLICATION_NUMBER_PATTERN.test('10000001')).toBe(true);
    expect(APPLICATION_NUMBER_PATTERN.test('1000001')).toBe(false);
    expect(APPLICATION_NUMBER_PATTERN.test('1000000a')).toBe(false);
  });
});

describe("a person's particulars", () => {
  it('takes ISO alpha-3 codes in capitals only', () => {
    expect(COUNTRY_CODE.test('KAZ')).toBe(true);
    expect(COUNTRY_CODE.test('kaz')).toBe(false);
    expect(COUNTRY_CODE.test('KZ')).toBe(false);
  });

  it('takes names in Latin script as in the passport', () => {
    expect(LATIN_NAME.test("O'NEIL-SMITH ANNA")).toBe(true);
    expect(LATIN_NAME.test('Иванов')).toBe(false);
    expect(LATIN_NAME.test(' ANNA')).toBe(false);
    expect(LATIN_NAME.test('A'.repeat(101))).toBe(false);
  });

  it('takes passport numbers of 5 to 20 capitals and digits', () => {
    expect(PASSPORT_NUMBER.test('KZ1234567')).toBe(true);
    expect(PASSPORT_NUMBER.test('KZ12')).toBe(false);
    expect(PASSPORT_NUMBER.test('kz1234567')).toBe(false);
  });

  it('takes an email address of at most 320 characters', () => {
    expect(isEmailAddress('nomad@example.org')).toBe(true);
    expect(isEmailAddress('nomad@example')).toBe(false);
    expect(isEmailAddress('no mad@example.org')).toBe(false);
    const long = `${'a'.repeat(64)}@${'b'.repeat(251)}.org`;
    expect(long.length).toBe(320);
    expect(isEmailAddress(long)).toBe(true);
    // The pattern alone would take any length after the last dot: the 320 limit refuses it.
    expect(isEmailAddress(`${long}g`)).toBe(false);
  });
});

describe('money', () => {
  it('counts whole, exact, non-negative minor units; a positive amount refuses zero', () => {
    expect(isMinorAmount(0)).toBe(true);
    expect(isMinorAmount(-1)).toBe(false);
    expect(isMinorAmount(1.5)).toBe(false);
    expect(isMinorAmount(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(isMinorAmount(0, { positive: true })).toBe(false);
    expect(isMinorAmount(1, { positive: true })).toBe(true);
    expect(CURRENCY_CODE.test('USD')).toBe(true);
    expect(CURRENCY_CODE.test('usd')).toBe(false);
  });

  it('converts to USD minor units, rounding down, and knows no rate it was not given', () => {
    const rules = { exchange_rates_to_usd: { USD: 1, EUR: 1.08, XXX: 1 } };
    expect(toUsdMinor(rules, 10_001, 'EUR')).toBe(10_801);
    expect(toUsdMinor(rules, 500, 'USD')).toBe(500);
    expect(toUsdMinor(rules, 500, 'GBP')).toBeNull();
    // A rate for a code ISO 4217 does not list is no rate.
    expect(toUsdMinor(rules, 500, 'XXX')).toBeNull();
  });

  it('knows each currency by its ISO 4217 exponent: none for yen and won, three for the dinar', () => {
    expect(Object.keys(ISO_4217_EXPONENTS).length).toBeGreaterThan(150);
    expect([currencyExponent('JPY'), currencyExponent('KRW'), currencyExponent('USD'), currencyExponent('EUR'), currencyExponent('KWD')]).toEqual([0, 0, 2, 2, 3]);
    expect(isCurrency('KGS')).toBe(true);
    expect(isCurrency('ABC')).toBe(false);
    expect(currencyExponent('usd')).toBeNull();
  });

  it('converts each currency with its own exponent', () => {
    const rules = { exchange_rates_to_usd: { JPY: 0.0067, KRW: 0.00073, KWD: 3.25, UZS: 0.00008 } };
    // ¥10,000,000 (no minor unit) is USD 67,000.00, not USD 670.00.
    expect(toUsdMinor(rules, 10_000_000, 'JPY')).toBe(6_700_000);
    expect(toUsdMinor(rules, 100_000_000, 'KRW')).toBe(7_300_000);
    // KWD 1,538.462 (three decimals) at 3.25 is USD 5,000.00 exactly after rounding down; one fils less is not.
    expect(toUsdMinor(rules, 1_538_462, 'KWD')).toBe(500_000);
    expect(toUsdMinor(rules, 1_538_461, 'KWD')).toBe(499_999);
    // A rate JavaScript prints in exponent form (8e-05) still converts exactly.
    expect(toUsdMinor(rules, 62_500_000_00, 'UZS')).toBe(500_000);
  });

  it('writes amounts with the currency\'s decimal places', () => {
    expect(decimalAmount(500_000, 'USD')).toBe('5000.00');
    expect(decimalAmount(5, 'USD')).toBe('0.05');
    expect(decimalAmount(10_000_000, 'JPY')).toBe('10000000');
    expect(decimalAmount(1_538_462, 'KWD')).toBe('1538.462');
    expect(formatMoney({ amountMinor: 500_000, currency: 'USD' })).toBe('USD 5,000.00');
    expect(formatMoney({ amountMinor: 10_000_000, currency: 'JPY' })).toBe('JPY 10,000,000');
    expect(formatMoney({ amountMinor: 1_538_462, currency: 'KWD' })).toBe('KWD 1,538.462');
  });
});

describe('terms', () => {
  it('end the day before the same date the given number of years later', () => {
    expect(lastDayOfTerm('2026-03-01', 1)).toBe('2027-02-28');
    expect(lastDayOfTerm('2026-01-15', 10)).toBe('2036-01-14');
    expect(lastDayOfTerm('2028-02-29', 1)).toBe('2029-02-28');
  });
});
